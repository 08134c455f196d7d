// Whether the API answers, asked at most once a second whatever the traffic: every page needs it,
// and a page rendered without it would show an error inside a 200, or hang.
import { env } from "./env";

const HEALTH_URL = env.apiUrl.replace(/\/graphql$/, "/healthz");
const FRESH_MS = 1_000;
let last: { at: number; up: Promise<boolean> } | null = null;

export function apiIsUp(): Promise<boolean> {
  const now = Date.now();
  if (!last || now - last.at > FRESH_MS) {
    const up = fetch(HEALTH_URL, { cache: "no-store", signal: AbortSignal.timeout(1_500) }).then(
      (response) => response.ok,
      () => false,
    );
    last = { at: now, up };
  }
  return last.up;
}

/** Seconds before the 503 page reloads itself, and the Retry-After it sends. */
export const RETRY_SECONDS = 5;

/** The page a visitor sees while the data service is away: it says so, and comes back by itself. */
export const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_SECONDS}">
<title>Service momentanément indisponible · Observatoire ESS du Niortais</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1d2433;line-height:1.5}a{color:#005a9c}</style>
</head>
<body>
<main>
<h1>Les chiffres sont momentanément indisponibles</h1>
<p>Le service de données de l'observatoire ne répond pas en ce moment. Cette page se recharge d'elle-même toutes les ${RETRY_SECONDS} secondes et s'affichera dès son retour.</p>
<p><a href="">Réessayer maintenant</a></p>
</main>
</body>
</html>
`;
