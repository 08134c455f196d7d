"use client";
// Native form controls: without JavaScript the form submits as a GET and the server renders the
// view; with it, every change rewrites the URL in place and the charts re-query the API.
import { usePathname, useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState, useTransition } from "react";
import { LEGAL_FAMILIES, LEGAL_FAMILY_LABELS } from "@oess/domain/vocabulary";
import { FAMILY_SLUGS, type FilterOptions, type Filters } from "../lib/filters";

export function FilterBar({ options, filters }: { options: FilterOptions; filters: Filters }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [copied, setCopied] = useState(false);
  const form = useRef<HTMLFormElement>(null);
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
  const years = Array.from({ length: options.lastYear - options.firstYear + 1 }, (_, i) => options.firstYear + i);

  const apply = (form: HTMLFormElement) => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === "string" && value !== "") params.set(name, value);
    const search = params.toString();
    setCopied(false);
    startTransition(() => router.push(search ? `${pathname}?${search}` : pathname, { scroll: false }));
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };
  const copyLink = async () => {
    await navigator.clipboard.writeText(window.location.href);
    setCopied(true);
  };

  return (
    <form ref={form} className="filters" method="get" action={pathname} onSubmit={onSubmit} onChange={(e) => apply(e.currentTarget)} aria-label="Filtres">
      <fieldset>
        <legend>Filtrer les chiffres</legend>
        <div className="filters__grid">
          <label>
            Depuis
            <select name="debut" defaultValue={filters.from ?? ""}>
              <option value="">{options.firstYear} (début)</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            Jusqu'à
            <select name="fin" defaultValue={filters.to ?? ""}>
              <option value="">{options.lastYear} (fin)</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            Commune
            <select name="commune" defaultValue={filters.commune ?? ""}>
              <option value="">Toutes les communes</option>
              {options.communes.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Famille juridique
            <select name="famille" defaultValue={filters.family ? FAMILY_SLUGS[filters.family] : ""}>
              <option value="">Toutes les familles</option>
              {LEGAL_FAMILIES.map((f) => (
                <option key={f} value={FAMILY_SLUGS[f]}>
                  {LEGAL_FAMILY_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Partenaire
            <select name="partenaire" defaultValue={filters.partner ?? ""}>
              <option value="">Tous les partenaires</option>
              {options.partners.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.shortName}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="filters__actions">
          <button type="submit">Appliquer</button>
          <a href={pathname}>Réinitialiser</a>
          <button type="button" className="secondary" onClick={copyLink}>
            Copier le lien de cette vue
          </button>
          <button type="button" className="secondary" onClick={() => window.print()}>
            Imprimer
          </button>
          <span className="filters__status" role="status">
            {pending ? "Mise à jour des chiffres…" : copied ? "Lien copié." : ""}
          </span>
        </div>
      </fieldset>
    </form>
  );
}
