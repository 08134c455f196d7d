// Fills an empty database with the demo dataset, in one transaction and in bulk.

import { hashPassword } from "@oess/auth";
import type { Territory } from "@oess/domain";
import type { SqlDriver, SqlExecutor, SqlTransaction } from "../driver";
import { copyRows } from "./bulk-insert";
import { withKeysSetAside } from "./bulk-load";
import { ENTERPRISES_PER_SCALE, type EnterpriseBundle, type GeneratorContext, generateEnterprises, generatePtceFundings, SOURCE } from "./generate";
import { DEMO_ACCOUNTS, DEMO_PARTNERS, DEMO_PASSWORD, PTCE_CARRIER_SLUG, siretOf } from "./partners";
import { Random } from "./random";
import { seedDemoRegister } from "./register";
import { enterpriseTable, fundingTable, incubationTable, jobTable } from "./tables";

export { FIRST_YEAR, LAST_YEAR } from "./generate";
export { DEMO_ACCOUNTS, DEMO_PARTNERS, DEMO_PASSWORD } from "./partners";

export const DEFAULT_SEED = 79_000;
const CHUNK = 1000; // enterprises per round of inserts: ~10 000 funding rows
const YIELD_EVERY = 50;
const RECORD_TABLES = ["enterprise", "incubation", "job_record", "funding"];

/** What a seed does, in order: at scale 800 the records take two thirds of the time, their keys and indexes most of the rest. */
export type SeedStage = "records" | "keys" | "register" | "statistics";

export interface SeedOptions {
  territory: Territory;
  scale?: number;
  seed?: number;
  onProgress?: (enterprisesDone: number, enterprisesTotal: number) => void;
  /** Called as each stage begins. */
  onStage?: (stage: SeedStage) => void;
}

export interface SeedReport {
  partners: number;
  users: number;
  enterprises: number;
  incubations: number;
  jobRecords: number;
  fundings: number;
}

export class SeedError extends Error {
  override name = "SeedError";
}

/** The database was not empty when the seed's turn came: another process filled it first. */
export class NotEmptyError extends SeedError {
  override name = "NotEmptyError";
}

// Shared by every process: API instances starting together on an empty database take turns.
const SEED_LOCK_KEY = 7_302_114_010;

export async function isEmpty(sql: SqlExecutor): Promise<boolean> {
  const [row] = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM partner");
  return row?.n === 0;
}

export async function seedDemoData(sql: SqlDriver, options: SeedOptions): Promise<SeedReport> {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new SeedError(`scale must be a positive number (got ${scale})`);

  const report = await sql.transaction(async (tx) => {
    await tx.exec("SET LOCAL statement_timeout = 0"); // the API's time-out is for requests, not loads
    await tx.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
    if (!(await isEmpty(tx))) {
      throw new NotEmptyError("The database already holds partners and records: the demo seed only fills an empty database (use --reset to wipe it first).");
    }
    const report: SeedReport = { partners: 0, users: 0, enterprises: 0, incubations: 0, jobRecords: 0, fundings: 0 };
    options.onStage?.("records");
    // Everything is written inside: the deferral's locks come before any write of this
    // transaction, so that an instance starting alongside (syncing the territory, which writes the
    // data's change counter too) waits for the seed instead of deadlocking with it.
    await withKeysSetAside(tx, RECORD_TABLES, async () => {
      const partnerIds = await insertPartnersAndAccounts(tx, new Random(seed ^ 0x9a47), report);
      const ctx: GeneratorContext = { partnerIds, communes: options.territory.communes };
      const total = Math.round(ENTERPRISES_PER_SCALE * scale);
      // One batch is written while the next is drawn: the database's work and the generator's
      // overlap (two processes, two cores). One at a time keeps memory flat.
      let chunk: EnterpriseBundle[] = [];
      let inserting: Promise<void> = Promise.resolve();
      const flush = async () => {
        const rows = chunk;
        chunk = [];
        await inserting;
        inserting = insertChunk(tx, rows, report).then(() => options.onProgress?.(report.enterprises, total));
        inserting.catch(() => undefined); // awaited at the next flush; not an unhandled rejection meanwhile
      };
      for (const bundle of generateEnterprises(ctx, { scale, seed })) {
        chunk.push(bundle);
        // The batch in flight goes on to its next statement only when this loop lets I/O run.
        if (chunk.length % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
        if (chunk.length === CHUNK) await flush();
      }
      if (chunk.length > 0) await flush();
      await inserting;

      const ptce = generatePtceFundings(ctx, seed);
      await copyRows(tx, fundingTable(SOURCE), ptce);
      report.fundings += ptce.length;
      options.onStage?.("keys");
    });

    options.onStage?.("register");
    await seedDemoRegister(tx);
    await tx.query(
      `INSERT INTO app_setting (key, value) VALUES ('dataset', $1::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [JSON.stringify({ demo: true, seed, scale, territory: options.territory.epciSiren })],
    );
    return report;
  });
  // Fresh planner statistics: without them, queries right after a bulk load pick bad plans.
  options.onStage?.("statistics");
  await sql.exec("ANALYZE");
  return report;
}

/** The demo partners and their accounts; the partners' ids by slug. */
async function insertPartnersAndAccounts(tx: SqlExecutor, ids: Random, report: SeedReport): Promise<Record<string, string>> {
  const partnerIds: Record<string, string> = {};
  for (const p of DEMO_PARTNERS) {
    partnerIds[p.slug] = ids.uuid();
    await tx.query(
      `INSERT INTO partner (id, slug, name, short_name, kind, siret, is_public_body, coordinates_ptce) VALUES ($1, $2, $3, $4, $5::"PartnerKind", $6, $7, $8)`,
      [partnerIds[p.slug], p.slug, p.name, p.shortName, p.kind, siretOf(p.siren), p.isPublicBody, p.slug === PTCE_CARRIER_SLUG],
    );
    report.partners++;
  }
  for (const account of DEMO_ACCOUNTS) {
    const userId = ids.uuid();
    await tx.query("INSERT INTO app_user (id, email, name, password_hash) VALUES ($1, $2, $3, $4)", [
      userId,
      account.email,
      account.name,
      await hashPassword(DEMO_PASSWORD),
    ]);
    for (const m of account.memberships) {
      await tx.query(`INSERT INTO membership (user_id, partner_id, role) VALUES ($1, $2, $3::"MemberRole")`, [userId, partnerIds[m.partner], m.role]);
    }
    report.users++;
  }
  return partnerIds;
}

async function insertChunk(tx: SqlTransaction, chunk: EnterpriseBundle[], report: SeedReport): Promise<void> {
  const incubations = chunk.flatMap((b) => (b.incubation ? [b.incubation] : []));
  const jobs = chunk.flatMap((b) => b.jobs);
  const fundings = chunk.flatMap((b) => b.fundings);
  await copyRows(
    tx,
    enterpriseTable(SOURCE),
    chunk.map((b) => b.enterprise),
  );
  await copyRows(tx, incubationTable(SOURCE), incubations);
  await copyRows(tx, jobTable(SOURCE), jobs);
  await copyRows(tx, fundingTable(SOURCE), fundings);
  report.enterprises += chunk.length;
  report.incubations += incubations.length;
  report.jobRecords += jobs.length;
  report.fundings += fundings.length;
}

/** Deletes every partner, account and record, and the register (communes, reference data, stay). */
export async function wipeData(sql: SqlExecutor): Promise<void> {
  await sql.exec(
    "TRUNCATE register_change, register_establishment, register_import, release_row, release, release_check, comment, audit_event, session, login_attempt, funding, job_record, incubation, enterprise, membership, app_user, partner, app_setting",
  );
}
