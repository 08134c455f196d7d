"use client";
// Choosing an enterprise among possibly thousands: the server lists the first ones (enough without
// JavaScript); typing part of a name asks the API for the matches. Each is shown with its commune
// and SIRET, to tell namesakes apart.
import { useClient } from "@urql/next";
import { useEffect, useState } from "react";
import { graphql } from "../../lib/graphql";
import { type Choice, enterpriseChoice } from "../../lib/partner/enterprise-label";

const SEARCH = graphql(`
  query SearchEnterprises($name: String!) {
    enterprises(first: 20, where: { name: { contains: $name, mode: Insensitive } }, orderBy: [{ name: Asc }]) {
      edges {
        node {
          databaseId
          name
          siret
          status
          commune {
            name
          }
        }
      }
    }
  }
`);

export function EnterprisePicker({
  id,
  name,
  value,
  initial,
  invalid,
  describedBy,
}: {
  id: string;
  name: string;
  value: string;
  /** The first enterprises, and the one chosen, from the server. */
  initial: readonly Choice[];
  invalid: boolean;
  describedBy?: string;
}) {
  const client = useClient();
  const [search, setSearch] = useState("");
  const [found, setFound] = useState<readonly Choice[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (search.trim() === "") return;
    const timer = setTimeout(async () => {
      const result = await client.query(SEARCH, { name: search.trim() }, { requestPolicy: "network-only" }).toPromise();
      setFailed(Boolean(result.error));
      setFound(result.data?.enterprises.edges.map(({ node }) => enterpriseChoice(node)) ?? []);
    }, 200);
    return () => clearTimeout(timer);
  }, [search, client]);
  const chosen = initial.find((c) => c.value === value);
  const choices = found === null || search.trim() === "" ? initial : chosen && !found.some((f) => f.value === value) ? [chosen, ...found] : found;
  return (
    <span className="picker">
      <input type="search" aria-label="Rechercher par nom" placeholder="Rechercher par nom…" value={search} onChange={(e) => setSearch(e.target.value)} />
      <select id={id} name={name} defaultValue={value} aria-invalid={invalid || undefined} aria-describedby={describedBy}>
        <option value="">— Choisir —</option>
        {choices.map((e) => (
          <option key={e.value} value={e.value}>
            {e.label}
          </option>
        ))}
      </select>
      {failed ? <span className="field__error">La recherche n'a pas abouti ; réessayez.</span> : null}
    </span>
  );
}
