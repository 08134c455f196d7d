// Where the data lives: embedded PGlite (default) or PostgreSQL when DATABASE_URL is set.
import path from "node:path";

export type DatabaseTarget = { kind: "pglite" /** null keeps the database in memory (tests). */; dataDir: string | null } | { kind: "postgresql"; url: string };

export type DatabaseKind = DatabaseTarget["kind"];

export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`DATABASE_URL must be a postgresql:// URL (got "${url.split(":")[0]}:…"). Unset it to use the embedded database.`);
    }
    return { kind: "postgresql", url };
  }
  return { kind: "pglite", dataDir: path.resolve(env.DATA_DIR?.trim() || ".data") };
}

/** A URL safe to print: the password is masked. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return target.dataDir ? `PGlite in ${target.dataDir}` : "PGlite in memory";
  const url = new URL(target.url);
  if (url.password) url.password = "***";
  return `PostgreSQL at ${url.toString()}`;
}
