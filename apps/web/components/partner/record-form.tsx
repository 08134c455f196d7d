"use client";
// Entering or correcting a record: one form for the four kinds, driven by their specs, posted to
// a server action (it works without JavaScript). Every problem the API finds is shown next to its
// field, what was typed stays, and a stale version says so and offers the current one.
import type { RecordKind } from "@oess/domain/vocabulary";
import Link from "next/link";
import { useActionState } from "react";
import { saveRecord } from "../../app/espace-partenaire/actions";
import type { Choices } from "../../lib/partner/choices";
import { type FieldSpec, specOfKind } from "../../lib/partner/record-specs";
import { EnterprisePicker } from "./enterprise-picker";
import { SireneSuggestion } from "./sirene-suggestion";

export function RecordForm({
  kind,
  record,
  initial,
  organisations,
  choices,
}: {
  kind: RecordKind;
  /** The record being corrected: its global ID, version, organisation and page; absent for a new one. */
  record: { id: string; version: number; ownerName: string; path: string } | null;
  /** The record's values by field name (empty for a new one). */
  initial: Record<string, string>;
  /** Organisations this user may enter records for. */
  organisations: ReadonlyArray<{ databaseId: string; shortName: string }>;
  choices: Choices;
}) {
  const spec = specOfKind(kind);
  const [state, action, pending] = useActionState(saveRecord, {});
  const values = state.values ?? initial;
  const problems = state.problems ?? {};

  const field = (f: FieldSpec) => {
    const id = `champ-${f.name}`;
    const problem = problems[f.name];
    const describedBy = [problem ? `${id}-erreur` : null, f.help ? `${id}-aide` : null].filter(Boolean).join(" ") || undefined;
    const common = { id, name: f.name, "aria-invalid": problem ? true : undefined, "aria-describedby": describedBy, required: f.required };
    const value = values[f.name] ?? "";
    const options = f.type === "select" ? (f.options ?? []) : f.type === "partner" ? choices.partners : f.type === "commune" ? choices.communes : [];
    const control =
      f.type === "select" || f.type === "partner" || f.type === "commune" ? (
        <select {...common} defaultValue={value}>
          <option value="">— Choisir —</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : f.type === "enterprise" ? (
        <EnterprisePicker id={id} name={f.name} value={value} initial={choices.enterprises} invalid={Boolean(problem)} describedBy={describedBy} />
      ) : f.type === "checkbox" ? (
        <input {...common} type="checkbox" defaultChecked={value === "on"} required={false} />
      ) : (
        <input
          {...common}
          type={f.type === "date" ? "date" : f.type === "integer" ? "number" : "text"}
          inputMode={f.type === "decimal" ? "decimal" : undefined}
          defaultValue={value}
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

  // A new key after each answer: the fields take the values sent back, not the ones first rendered.
  return (
    <form key={JSON.stringify(state)} className="panel form" action={action}>
      {state.error ? (
        <div role="alert" className="form-error">
          <p>{state.error}</p>
          {state.stale && record ? (
            <p>
              Quelqu'un a modifié cette fiche pendant votre saisie. <Link href={`${record.path}/modifier`}>Recharger la version actuelle</Link> (vos changements
              seront à refaire).
            </p>
          ) : null}
        </div>
      ) : null}
      <input type="hidden" name="$kind" value={kind} />
      {record ? (
        <>
          <input type="hidden" name="$id" value={record.id} />
          <input type="hidden" name="$version" value={record.version} />
          <p>
            Organisation : <strong>{record.ownerName}</strong> · version {record.version}
          </p>
        </>
      ) : (
        <div className="field">
          <label htmlFor="champ-partnerId">
            Organisation qui saisit<span aria-hidden="true"> *</span>
          </label>
          <select
            id="champ-partnerId"
            name="$partnerId"
            required
            defaultValue={values.$partnerId ?? (organisations.length === 1 ? organisations[0]?.databaseId : "")}
          >
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
      {kind === "Enterprise" ? <SireneSuggestion /> : null}
      <div className="form__actions">
        <button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : record ? "Enregistrer les modifications" : "Enregistrer le brouillon"}
        </button>
      </div>
    </form>
  );
}
