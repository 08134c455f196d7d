// The dashboard's settings, read from the environment once when the server starts: a wrong value
// stops it with a message naming the variable, rather than misbehaving on some page later.

function port(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > 65_535) throw new Error(`${name} must be a port number (got "${raw}").`);
  return value;
}

function url(name: string, fallback: string): string {
  const value = (process.env[name]?.trim() || fallback).replace(/\/$/, "");
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) throw new Error(`${name} must be an http(s) URL (got "${value}").`);
  return value;
}

function origins(name: string): string[] {
  return (process.env[name] ?? "")
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((origin) => {
      if (!URL.canParse(origin) || new URL(origin).origin !== origin.replace(/\/$/, ""))
        throw new Error(`${name}: "${origin}" is not an origin such as https://www.agglo-niort.fr`);
      return new URL(origin).origin;
    });
}

function localPath(name: string): string | null {
  const value = process.env[name]?.trim();
  if (!value) return null;
  if (!/^\/[\w./-]+$/.test(value) || value.includes(".."))
    throw new Error(`${name} must be a path the dashboard serves, e.g. /logo-agglo.svg (got "${value}").`);
  return value;
}

const apiPort = port("API_PORT", 4000);

export const env = {
  /** Where the dashboard's server reaches the API. */
  apiUrl: url("API_URL", `http://localhost:${apiPort}/graphql`),
  /** The API as people's browsers reach it, for download links. */
  publicApiUrl: url("PUBLIC_API_URL", `http://localhost:${apiPort}`),
  /** Origins allowed to embed the dashboard in a frame; none by default. */
  frameAncestors: origins("FRAME_ANCESTORS"),
  /** The publisher's logo in the footer: a file the dashboard serves itself (apps/web/public), never fetched from elsewhere. */
  publisherLogo: localPath("PUBLISHER_LOGO"),
  /** Who is responsible for publication (mentions légales). */
  publicationDirector: process.env.PUBLICATION_DIRECTOR?.trim() || null,
  /** Who hosts the service (mentions légales). */
  host: process.env.SITE_HOST?.trim() || null,
  /** Where people write about their personal data (données personnelles). */
  privacyContact: process.env.PRIVACY_CONTACT_EMAIL?.trim() || null,
} as const;
