"use client";
// In the enterprise form: once a SIRET is typed, what SIRENE knows of it. Empty fields are
// pre-filled from the register; filled ones that differ are pointed out, never overwritten.
// Without JavaScript the form works as before, and the record's page shows the same comparison.
import { useClient } from "@urql/next";
import { useEffect, useRef, useState } from "react";
import { graphql } from "../../lib/graphql";

const LOOKUP = graphql(`
  query RegisterLookup($siret: String!, $communeCode: String) {
    registerLookup(siret: $siret, communeCode: $communeCode) {
      matchedBy
      establishment {
        siret
        name
        communeCode
        communeName
        legalCategory {
          code
          label
        }
        nafRev2
        createdOn
        active
      }
    }
  }
`);

/** The form's fields the register can fill, with their labels. */
const FILLED = [
  ["name", "nom"],
  ["legalCategory", "catégorie juridique"],
  ["nafCode", "code NAF"],
  ["communeCode", "commune"],
  ["foundedOn", "date de création"],
] as const;

type Control = HTMLInputElement | HTMLSelectElement;

export function SireneSuggestion() {
  const client = useClient();
  const anchor = useRef<HTMLParagraphElement>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    const form = anchor.current?.closest("form");
    const siretInput = form?.elements.namedItem("siret");
    if (!form || !(siretInput instanceof HTMLInputElement)) return;
    const control = (name: string) => form.elements.namedItem(name) as Control | null;
    let asked = "";
    const check = async () => {
      const siret = siretInput.value.replace(/\s/g, "");
      if (!/^\d{14}$/.test(siret) || siret === asked) return;
      asked = siret;
      const result = await client.query(LOOKUP, { siret, communeCode: control("communeCode")?.value || null }).toPromise();
      const match = result.data?.registerLookup;
      if (!match) {
        setMessage(result.error ? null : "SIRENE ne connaît pas cette entreprise parmi les établissements de l'ESS du territoire.");
        return;
      }
      const e = match.establishment;
      const register: Record<(typeof FILLED)[number][0], string> = {
        name: e.name ?? "",
        legalCategory: e.legalCategory.code,
        nafCode: e.nafRev2 ?? "",
        communeCode: e.communeCode,
        foundedOn: e.createdOn ?? "",
      };
      const filled: string[] = [];
      const differing: string[] = [];
      for (const [name, label] of FILLED) {
        const field = control(name);
        const value = register[name];
        if (!field || value === "") continue;
        if (field.value === "") {
          field.value = value;
          filled.push(label);
        } else if (field.value !== value) differing.push(`${label} : ${value}`);
      }
      setMessage(
        `Cette entreprise est connue de SIRENE : ${e.name ?? "(nom non diffusible)"}, ${e.communeName ?? e.communeCode}, catégorie juridique ${e.legalCategory.code} (${e.legalCategory.label})${e.nafRev2 ? `, NAF ${e.nafRev2}` : ""}${e.active ? "" : ", établissement fermé"}${match.matchedBy === "SIREN_AND_COMMUNE" ? ` (établissement ${e.siret} de la même entreprise)` : ""}.` +
          (filled.length > 0 ? ` Champs pré-remplis : ${filled.join(", ")}.` : "") +
          (differing.length > 0 ? ` À vérifier, SIRENE indique autre chose — ${differing.join(" ; ")}.` : ""),
      );
    };
    const listener = () => void check();
    siretInput.addEventListener("change", listener);
    siretInput.addEventListener("blur", listener);
    return () => {
      siretInput.removeEventListener("change", listener);
      siretInput.removeEventListener("blur", listener);
    };
  }, [client]);

  return (
    <p ref={anchor} className="field__help sirene-suggestion" role="status">
      {message}
    </p>
  );
}
