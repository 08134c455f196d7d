"use client";
// Entering or correcting a record: one form for the four kinds, driven by their specs. Every
// problem the API finds is shown next to its field; a stale version says so and offers a reload.
import { gql } from "@urql/core";
import { useRouter } from "next/navigation";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { mutate, query } from "../../lib/partner-api";
import { EnterprisePicker } from "./enterprise-picker";
import { ANY_RECORD_SELECTION, type FieldSpec, type RecordSpec } from "./record-specs";
import { useSession } from "./session";

interface Choices {
  partners: Array<{ databaseId: string; shortName: string }>;
  communes: Array<{ code: string; name: string }>;
}
type Node = Record<string, unknown> & { id: string; version: number; status: string; owner: { databaseId: string; shortName: string } };

const CHOICES = gql`
  query Choices {
    partners(first: 100, orderBy: [{ name: Asc }]) {
      edges {
        node {
          databaseId
          shortName
        }
      }
    }
    communes(first: 100, orderBy: [{ name: Asc }]) {
      edges {
        node {
          code
          name
        }
      }
    }
  }
`;

/** The value a form field starts with, from the record as the API returns it. */
function initialValue(node: Node | null, field: FieldSpec): unknown {
  if (!node) return field.type === "checkbox" ? false : "";
  if (field.name === "communeCode") return (node.commune as { code: string } | null)?.code ?? "";
  if (field.type === "enterprise" || field.type === "partner") return (node[field.name.replace(/Id$/, "")] as { databaseId: string } | null)?.databaseId ?? "";
  return node[field.name] ?? (field.type === "checkbox" ? false : "");
}

/** The API's input from the form: numbers as numbers, empty optional fields as null. */
function toInput(spec: RecordSpec, form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of spec.fields) {
    const raw = form.get(field.name);
    const text = typeof raw === "string" ? raw.trim() : "";
    if (field.type === "checkbox") input[field.name] = raw === "on";
    else if (field.type === "integer") input[field.name] = text === "" ? null : Number(text);
    else input[field.name] = text === "" && !field.required ? null : text;
  }
  return input;
}

export function RecordForm({ spec, recordId }: { spec: RecordSpec; recordId: string | null }) {
  const router = useRouter();
  const { isAdmin, editable } = useSession();
  const [choices, setChoices] = useState<Choices | null>(null);
  const [node, setNode] = useState<Node | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<{ message: string; stale: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of `spec` (another kind of record) must reload and reset the form
  const load = useCallback(async () => {
    const base = await query<{
      partners: { edges: Array<{ node: Choices["partners"][number] }> };
      communes: { edges: Array<{ node: Choices["communes"][number] }> };
    }>(CHOICES);
    setChoices({ partners: base.data?.partners.edges.map((e) => e.node) ?? [], communes: base.data?.communes.edges.map((e) => e.node) ?? [] });
    if (recordId) {
      const found = await query<{ node: Node | null }>(gql`query Record($id: ID!) { node(id: $id) { ${ANY_RECORD_SELECTION} } }`, { id: recordId });
      setNode(found.data?.node ?? null);
      if (!found.data?.node) setError({ message: found.error ?? "Ce record est introuvable, ou vous n'avez pas le droit de le voir.", stale: false });
    }
    setFormKey((k) => k + 1);
  }, [recordId, spec]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!choices || (recordId && !node && !error)) return <p role="status">Chargement du formulaire…</p>;
  const organisations = isAdmin ? choices.partners : editable;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = toInput(spec, form);
    setBusy(true);
    const result = node
      ? await mutate<Record<string, { id: string }>>(
          gql`mutation ($id: ID!, $version: Int!, $input: ${spec.kind}Input!) { update${spec.kind}(id: $id, version: $version, input: $input) { id } }`,
          { id: node.id, version: node.version, input },
        )
      : await mutate<Record<string, { id: string }>>(
          gql`mutation ($partnerId: String!, $input: ${spec.kind}Input!) { create${spec.kind}(partnerId: $partnerId, input: $input) { id } }`,
          { partnerId: form.get("partnerId"), input },
        );
    setBusy(false);
    setProblems(result.problems);
    if (result.error) {
      setError({ message: result.error, stale: result.code === "CONFLICT" });
      return;
    }
    const saved = Object.values(result.data ?? {})[0];
    router.push(`/espace-partenaire/fiche?id=${encodeURIComponent(saved?.id ?? "")}`);
  };

  const field = (f: FieldSpec) => {
    const id = `champ-${f.name}`;
    const problem = problems[f.name];
    const describedBy = [problem ? `${id}-erreur` : null, f.help ? `${id}-aide` : null].filter(Boolean).join(" ") || undefined;
    const common = { id, name: f.name, "aria-invalid": problem ? true : undefined, "aria-describedby": describedBy, required: f.required };
    const value = initialValue(node, f);
    const control =
      f.type === "select" || f.type === "partner" || f.type === "commune" ? (
        <select {...common} defaultValue={String(value)}>
          <option value="">— Choisir —</option>
          {(f.type === "select"
            ? (f.options ?? [])
            : f.type === "partner"
              ? choices.partners.map((p) => ({ value: p.databaseId, label: p.shortName }))
              : choices.communes.map((c) => ({ value: c.code, label: c.name }))
          ).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : f.type === "enterprise" ? (
        <EnterprisePicker
          id={id}
          name={f.name}
          invalid={Boolean(problem)}
          describedBy={describedBy}
          initial={value ? { id: String(value), label: (node?.[f.name.replace(/Id$/, "")] as { name: string } | null)?.name ?? "" } : null}
        />
      ) : f.type === "checkbox" ? (
        <input {...common} type="checkbox" defaultChecked={Boolean(value)} required={false} />
      ) : (
        <input
          {...common}
          type={f.type === "date" ? "date" : f.type === "integer" ? "number" : "text"}
          inputMode={f.type === "decimal" ? "decimal" : undefined}
          defaultValue={String(value)}
        />
      );
    return (
      <div key={f.name} className={problem ? "field field--invalid" : "field"}>
        <label htmlFor={id}>
          {f.label}
          {f.required ? <span aria-hidden="true"> *</span> : null}
        </label>
        {control}
        {f.help ? (
          <span id={`${id}-aide`} className="field__help">
            {f.help}
          </span>
        ) : null}
        {problem ? (
          <span id={`${id}-erreur`} className="field__error">
            {problem}
          </span>
        ) : null}
      </div>
    );
  };

  const problemCount = Object.keys(problems).length;
  return (
    <form key={formKey} className="panel form" onSubmit={submit}>
      {error ? (
        <div role="alert" className="form-error">
          <p>{problemCount > 0 ? `La saisie comporte ${problemCount} erreur${problemCount > 1 ? "s" : ""} : corrigez les champs signalés.` : error.message}</p>
          {error.stale ? (
            <button type="button" className="secondary" onClick={() => void load().then(() => setError(null))}>
              Recharger la version actuelle
            </button>
          ) : null}
        </div>
      ) : null}
      {node ? (
        <p>
          Organisation : <strong>{node.owner.shortName}</strong> · version {node.version}
        </p>
      ) : (
        <div className="field">
          <label htmlFor="champ-partnerId">
            Organisation qui saisit<span aria-hidden="true"> *</span>
          </label>
          <select id="champ-partnerId" name="partnerId" required defaultValue={organisations.length === 1 ? organisations[0]?.databaseId : ""}>
            <option value="">— Choisir —</option>
            {organisations.map((p) => (
              <option key={p.databaseId} value={p.databaseId}>
                {p.shortName}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="field__help">Les champs marqués * sont obligatoires.</p>
      <div className="form__grid">{spec.fields.map(field)}</div>
      <div className="form__actions">
        <button type="submit" disabled={busy}>
          {busy ? "Enregistrement…" : node ? "Enregistrer les modifications" : "Enregistrer le brouillon"}
        </button>
      </div>
    </form>
  );
}
