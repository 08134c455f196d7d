// The API's settings, read from the environment once at start-up: a wrong value stops the start
// with a message that names the variable, rather than misbehaving later.
import { parseTrustedProxies, type TrustedProxies } from "@oess/auth";
import { DEFAULT_SECRECY_RULES, type SecrecyRules } from "@oess/domain";

export interface SecuritySettings {
  /** Proxies whose X-Forwarded-For / -Proto / -Host are believed (TRUST_PROXY). */
  trustedProxies: TrustedProxies;
  /** Origins that may call /graphql with credentials (CORS_ORIGINS); any other gets anonymous CORS. */
  corsOrigins: readonly string[];
  /** Anonymous requests a client address may make per minute (RATE_LIMIT_PER_MINUTE; 0: no limit). */
  readsPerMinute: number;
}

export interface ApiConfig {
  port: number;
  demoData: "auto" | "off";
  epciSiren: string | undefined;
  urls: { api: string | undefined; openDataPage: string; contactEmail: string };
  security: SecuritySettings;
  /** PostgreSQL's statement_timeout for the API's connections, in ms (0: none). */
  statementTimeoutMs: number;
  /** How long a download may wait for a client that takes nothing, in ms, before it is cut (0: for ever). */
  downloadStallMs: number;
  /** How long SIGTERM lets requests in flight finish before cutting them, in ms. */
  shutdownGraceMs: number;
  /** Hours between scheduled dataset versions (0: only at start-up). */
  releaseEveryHours: number;
  /** Thresholds of statistical confidentiality for jobs (SECRECY_MIN_CONTRIBUTORS, SECRECY_DOMINANCE_PERCENT). */
  secrecyRules: SecrecyRules;
  /** Settings a public deployment should give, said at start-up. */
  warnings: string[];
}

/** Ten a second on average: a researcher's loop passes, a flood does not. */
export const DEFAULT_READS_PER_MINUTE = 600;

/** A minute: far longer than any live client leaves a full socket unread. */
export const DEFAULT_DOWNLOAD_STALL_MS = 60_000;

/** Harvesters show the contact point: a real deployment sets OPEN_DATA_CONTACT_EMAIL. */
export const PLACEHOLDER_CONTACT_EMAIL = "contact@observatoire-ess-niortais.example";

export class ConfigError extends Error {
  override name = "ConfigError";
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  return value;
}

function origins(env: NodeJS.ProcessEnv, name: string, fallback: string): string[] {
  const raw = env[name]?.trim() || fallback;
  return raw.split(",").map((entry) => {
    const text = entry.trim();
    const url = URL.canParse(text) ? new URL(text) : null;
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== text.replace(/\/$/, "")) {
      throw new ConfigError(`${name}: "${text}" is not an origin such as https://observatoire.example (scheme, host and port only).`);
    }
    return url.origin;
  });
}

function email(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = env[name]?.trim() || fallback;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw new ConfigError(`${name} must be an e-mail address (got "${value}").`);
  return value;
}

export function apiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const webPort = integer(env, "PORT", 3000, 1, 65_535);
  let trustedProxies: TrustedProxies;
  try {
    trustedProxies = parseTrustedProxies(env.TRUST_PROXY?.trim() || undefined);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const demoData = env.DEMO_DATA?.trim() || "auto";
  if (demoData !== "auto" && demoData !== "off") throw new ConfigError(`DEMO_DATA must be "auto" or "off" (got "${demoData}").`);
  return {
    port: integer(env, "API_PORT", 4000, 1, 65_535),
    demoData,
    epciSiren: env.TERRITORY_EPCI_SIREN?.trim() || undefined,
    urls: {
      api: env.PUBLIC_API_URL?.trim().replace(/\/$/, "") || undefined,
      openDataPage: env.PUBLIC_OPEN_DATA_PAGE?.trim() || `http://localhost:${webPort}/donnees-ouvertes`,
      contactEmail: email(env, "OPEN_DATA_CONTACT_EMAIL", PLACEHOLDER_CONTACT_EMAIL),
    },
    security: {
      trustedProxies,
      corsOrigins: origins(env, "CORS_ORIGINS", `http://localhost:${webPort}`),
      readsPerMinute: integer(env, "RATE_LIMIT_PER_MINUTE", DEFAULT_READS_PER_MINUTE, 0, 1_000_000),
    },
    statementTimeoutMs: integer(env, "STATEMENT_TIMEOUT_MS", 30_000, 0, 3_600_000),
    downloadStallMs: integer(env, "DOWNLOAD_STALL_TIMEOUT_MS", DEFAULT_DOWNLOAD_STALL_MS, 0, 3_600_000),
    shutdownGraceMs: integer(env, "SHUTDOWN_GRACE_MS", 8_000, 0, 60_000),
    releaseEveryHours: integer(env, "RELEASE_EVERY_HOURS", 24, 0, 8_760),
    secrecyRules: {
      minContributors: integer(env, "SECRECY_MIN_CONTRIBUTORS", DEFAULT_SECRECY_RULES.minContributors, 1, 1_000),
      dominancePercent: integer(env, "SECRECY_DOMINANCE_PERCENT", DEFAULT_SECRECY_RULES.dominancePercent, 50, 100),
    },
    warnings: [
      ...(env.PUBLIC_API_URL?.trim()
        ? []
        : ["PUBLIC_API_URL is not set: the open-data catalogue takes the API's URL from each request, says so, and is not cached by shared caches."]),
      ...(env.PUBLIC_OPEN_DATA_PAGE?.trim()
        ? []
        : [`PUBLIC_OPEN_DATA_PAGE is not set: the catalogue's landing page is http://localhost:${webPort}/donnees-ouvertes.`]),
    ],
  };
}
