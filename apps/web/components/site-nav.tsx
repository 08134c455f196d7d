"use client";
// The current page is marked for assistive technologies; dashboard pages keep the active filters
// when one goes from one to another.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const PAGES = [
  { href: "/", label: "Vue d'ensemble", filtered: true },
  { href: "/emplois", label: "Emplois", filtered: true },
  { href: "/incubation", label: "Incubation", filtered: true },
  { href: "/financements", label: "Financements", filtered: true },
  { href: "/territoire", label: "Territoire", filtered: true },
  { href: "/ess-du-territoire", label: "L'ESS du territoire", filtered: true },
  { href: "/donnees-ouvertes", label: "Données ouvertes", filtered: false },
  { href: "/methodologie", label: "Méthodologie", filtered: false },
];

export function SiteNav() {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return (
    <nav className="site-nav" aria-label="Navigation principale">
      <ul>
        {PAGES.map((page) => (
          <li key={page.href}>
            <Link href={page.filtered && search ? `${page.href}?${search}` : page.href} aria-current={pathname === page.href ? "page" : undefined}>
              {page.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
