// The admin page's import, run in the background of the API process: one at a time, with its
// progress to show and a way to cancel it. Its files (uploaded to a temporary folder) are
// deleted when it ends, whichever way it ends.
import fs from "node:fs";
import type { SqlDriver } from "@oess/db";
import { importSireneFiles, type SireneImportProgress, type StockPath } from "./import-sirene";
import type { RegisterImportReport } from "./store";

type RegisterJobStatus = "RUNNING" | "DONE" | "FAILED" | "CANCELLED";

export interface RegisterJob {
  id: number;
  status: RegisterJobStatus;
  startedAt: Date;
  finishedAt: Date | null;
  files: string;
  progress: SireneImportProgress | null;
  report: RegisterImportReport | null;
  error: string | null;
}

export interface RegisterJobFiles {
  units: StockPath;
  establishments: StockPath;
  /** Removed when the job ends. */
  folder: string;
}

export class ImportBusy extends Error {}

let last: RegisterJob | null = null;
let controller: AbortController | null = null;
let sequence = 0;

/** The running import, or the last one this process ran. */
export const currentRegisterJob = (): RegisterJob | null => last;

/** Cancels the running import; false when none runs. */
export function cancelRegisterJob(): boolean {
  if (last?.status !== "RUNNING" || !controller) return false;
  controller.abort();
  return true;
}

/** Starts an import of uploaded files; refuses while another runs. */
export function startRegisterJob(
  sql: SqlDriver,
  files: RegisterJobFiles,
  options: { communes: ReadonlySet<string>; startedById: string | null; extractDate: string | null },
): RegisterJob {
  if (last?.status === "RUNNING") {
    fs.rmSync(files.folder, { recursive: true, force: true });
    throw new ImportBusy("Un import du registre Sirene est déjà en cours : attendez sa fin ou annulez-le.");
  }
  const job: RegisterJob = {
    id: ++sequence,
    status: "RUNNING",
    startedAt: new Date(),
    finishedAt: null,
    files: `${files.units.name}, ${files.establishments.name}`,
    progress: null,
    report: null,
    error: null,
  };
  last = job;
  const abort = new AbortController();
  controller = abort;
  (async () => {
    try {
      job.report = await importSireneFiles(sql, files, {
        communes: options.communes,
        startedById: options.startedById,
        extractDate: options.extractDate,
        signal: abort.signal,
        onProgress: (progress) => {
          job.progress = progress;
        },
      });
      job.status = "DONE";
    } catch (error) {
      job.status = abort.signal.aborted ? "CANCELLED" : "FAILED";
      job.error = abort.signal.aborted ? "Import annulé : le registre est resté tel qu'il était." : (error as Error).message;
    } finally {
      job.finishedAt = new Date();
      controller = null;
      fs.rmSync(files.folder, { recursive: true, force: true });
    }
  })();
  return job;
}
