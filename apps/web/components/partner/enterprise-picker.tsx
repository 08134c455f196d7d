"use client";
// Choosing an enterprise among possibly thousands: type part of its name, pick from the matches,
// each shown with its commune and SIRET.
import { gql } from "@urql/core";
import { useEffect, useState } from "react";
import { query } from "../../lib/partner-api";

const SEARCH = gql`
  query Enterprises($name: String!) {
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
`;

interface Found {
  databaseId: string;
  name: string;
  siret: string | null;
  status: string;
  commune: { name: string } | null;
}

export function EnterprisePicker({
  id,
  name,
  initial,
  invalid,
  describedBy,
}: {
  id: string;
  name: string;
  initial: { id: string; label: string } | null;
  invalid: boolean;
  describedBy?: string;
}) {
  const [search, setSearch] = useState("");
  const [found, setFound] = useState<Found[]>([]);
  useEffect(() => {
    const timer = setTimeout(async () => {
      const result = await query<{ enterprises: { edges: Array<{ node: Found }> } }>(SEARCH, { name: search.trim() });
      setFound(result.data?.enterprises.edges.map((e) => e.node) ?? []);
    }, 200);
    return () => clearTimeout(timer);
  }, [search]);
  const choices =
    initial && !found.some((f) => f.databaseId === initial.id)
      ? [{ databaseId: initial.id, name: initial.label, siret: null, status: "", commune: null }, ...found]
      : found;
  return (
    <span className="picker">
      <input type="search" aria-label="Rechercher par nom" placeholder="Rechercher par nom…" value={search} onChange={(e) => setSearch(e.target.value)} />
      <select id={id} name={name} defaultValue={initial?.id ?? ""} aria-invalid={invalid || undefined} aria-describedby={describedBy}>
        <option value="">— Choisir —</option>
        {choices.map((e) => (
          <option key={e.databaseId} value={e.databaseId}>
            {/* Namesakes are told apart by their SIRET and their commune. */}
            {e.name}
            {e.commune ? `, ${e.commune.name}` : ""}
            {e.siret ? ` (SIRET ${e.siret})` : ""}
            {e.status && e.status !== "PUBLISHED" ? " — non publiée" : ""}
          </option>
        ))}
      </select>
    </span>
  );
}
