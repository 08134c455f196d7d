import Link from "next/link";

const PAGES = [
  { href: "/", label: "Vue d'ensemble" },
  { href: "/donnees-ouvertes", label: "Données ouvertes" },
];

export function SiteNav() {
  return (
    <nav className="site-nav" aria-label="Navigation principale">
      <ul>
        {PAGES.map((page) => (
          <li key={page.href}>
            <Link href={page.href}>{page.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
