"use client";
// Native form controls: without JavaScript the form submits as a GET and the server renders the
// view; with it, a change rewrites the URL in place (once the controls rest) and the charts re-query the API.
import { LEGAL_FAMILIES, LEGAL_FAMILY_LABELS } from "@oess/domain/vocabulary";
import { usePathname, useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useEffect, useRef, useState, useTransition } from "react";
import { FAMILY_SLUGS, FILTER_PARAMS, type FilterOptions, type Filters, filtersToSearch } from "../lib/filters";
import { useHydrated } from "../lib/use-hydrated";
import { PrintButton } from "./print-button";

/** How long the controls must rest before a change applies. */
const CHANGE_SETTLE_MS = 400;

/**
 * The filters, folded on a phone under « Filtrer » and the view in words (`summary`), which a
 * printed page keeps; open on a wider screen.
 */
export function FilterBar({ options, filters, summary }: { options: FilterOptions; filters: Filters; summary: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [copied, setCopied] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Until hydration a change does nothing but the "Appliquer" button still submits: tests and
  // scripts wait for this mark before driving the controls.
  const hydrated = useHydrated();
  // Back and forward change the URL, hence the filters, without remounting the form: follow them.
  useEffect(() => {
    const values: Record<string, string> = {
      debut: String(filters.from ?? ""),
      fin: String(filters.to ?? ""),
      commune: filters.commune ?? "",
      famille: filters.family ? FAMILY_SLUGS[filters.family] : "",
      partenaire: filters.partner ?? "",
    };
    for (const [name, value] of Object.entries(values)) {
      const control = form.current?.elements.namedItem(name);
      if (control instanceof HTMLSelectElement) control.value = value;
    }
  }, [filters]);
  const panoramaSearch = filtersToSearch(filters).toString();
  const years = Array.from({ length: options.lastYear - options.firstYear + 1 }, (_, i) => ({
    value: String(options.firstYear + i),
    label: String(options.firstYear + i),
  }));

  const apply = (form: HTMLFormElement) => {
    // The view's other parameters (the map's indicator) stay; the filters are the form's.
    const params = new URLSearchParams(window.location.search);
    for (const name of Object.values(FILTER_PARAMS)) params.delete(name);
    for (const [name, value] of new FormData(form)) if (typeof value === "string" && value !== "") params.set(name, value);
    const search = params.toString();
    setCopied(false);
    startTransition(() => router.push(search ? `${pathname}?${search}` : pathname, { scroll: false }));
  };
  // Arrow keys in a select change it at each press: the view follows once the keys rest, one
  // history entry for the lot.
  const pendingChange = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pendingChange.current), []);
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget;
    clearTimeout(pendingChange.current);
    pendingChange.current = setTimeout(() => apply(target), CHANGE_SETTLE_MS);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clearTimeout(pendingChange.current);
    apply(event.currentTarget);
  };
  const copyLink = async () => {
    await navigator.clipboard.writeText(window.location.href);
    setCopied(true);
  };

  return (
    <details className="filter-panel">
      <summary>
        <span className="filter-panel__toggle">Filtrer</span>
        <span className="view-summary">{summary}</span>
      </summary>
      <form
        ref={form}
        data-hydrated={hydrated || undefined}
        className="filters"
        method="get"
        action={pathname}
        onSubmit={onSubmit}
        onChange={onChange}
        aria-label="Filtres"
      >
        <fieldset>
          <legend>Filtrer les chiffres</legend>
          <div className="filters__grid">
            <FilterSelect label="Depuis" name={FILTER_PARAMS.from} value={filters.from} placeholder={`${options.firstYear} (début)`} options={years} />
            <FilterSelect label="Jusqu'à" name={FILTER_PARAMS.to} value={filters.to} placeholder={`${options.lastYear} (fin)`} options={years} />
            <FilterSelect
              label="Commune"
              name={FILTER_PARAMS.commune}
              value={filters.commune}
              placeholder="Toutes les communes"
              options={options.communes.map((c) => ({ value: c.code, label: c.name }))}
            />
            <FilterSelect
              label="Famille juridique"
              name={FILTER_PARAMS.family}
              value={filters.family ? FAMILY_SLUGS[filters.family] : null}
              placeholder="Toutes les familles"
              options={LEGAL_FAMILIES.map((f) => ({ value: FAMILY_SLUGS[f], label: LEGAL_FAMILY_LABELS[f] }))}
            />
            <FilterSelect
              label="Partenaire"
              name={FILTER_PARAMS.partner}
              value={filters.partner}
              placeholder="Tous les partenaires"
              options={options.partners.map((p) => ({ value: p.slug, label: p.shortName }))}
            />
          </div>
          <div className="filters__actions">
            <button type="submit">Appliquer</button>
            <a href={pathname}>Réinitialiser</a>
            <button type="button" className="secondary" onClick={copyLink}>
              Copier le lien de cette vue
            </button>
            <PrintButton />
            <a href={`/panorama${panoramaSearch ? `?${panoramaSearch}` : ""}`}>Panorama imprimable</a>
            <span className="filters__status" role="status">
              {pending ? "Mise à jour des chiffres…" : copied ? "Lien copié." : ""}
            </span>
          </div>
        </fieldset>
      </form>
    </details>
  );
}

/** A filter: a native select whose first, empty choice means "no restriction". */
function FilterSelect({
  label,
  name,
  value,
  placeholder,
  options,
}: {
  label: string;
  name: string;
  value: string | number | null;
  placeholder: string;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
