// An import of the SIRENE stock files into the register, as the CLI and the admin page run it:
// read (minutes at national size, cancellable), then write (one transaction). Whatever stops it,
// the register stays as it was and the stop is recorded with its reason.
import type { SqlDriver } from "@oess/db";
import { type RegisterPhase, readRegister, type ScanProgress, type StockFile, stockFile } from "@oess/sirene";
import { type RegisterImportReport, recordStoppedImport, storeRegister } from "./store";

export interface SireneImportOptions {
  units: StockFile;
  establishments: StockFile;
  /** INSEE codes of the territory's communes. */
  communes: ReadonlySet<string>;
  startedById?: string | null;
  /** The extract's date as INSEE states it (« mise à jour du … »), YYYY-MM-DD. */
  extractDate?: string | null;
  signal?: AbortSignal;
  onProgress?: (progress: SireneImportProgress) => void;
}

export interface SireneImportProgress extends ScanProgress {
  phase: RegisterPhase | "writing";
  /** Rows read per second in this phase. */
  rowsPerSecond: number;
}

export async function importSirene(sql: SqlDriver, options: SireneImportOptions): Promise<RegisterImportReport> {
  const meta = {
    files: `${options.units.name}, ${options.establishments.name}`,
    startedAt: new Date(),
    startedById: options.startedById ?? null,
    extractDate: options.extractDate ?? null,
  };
  const phaseStarted = new Map<RegisterPhase, number>();
  try {
    const read = await readRegister(
      { units: options.units, establishments: options.establishments },
      {
        communes: options.communes,
        signal: options.signal,
        onProgress: (phase, p) => {
          const started = phaseStarted.get(phase) ?? phaseStarted.set(phase, performance.now()).get(phase) ?? 0;
          const seconds = (performance.now() - started) / 1000;
          options.onProgress?.({ phase, ...p, rowsPerSecond: seconds > 0 ? Math.round(p.rowsRead / seconds) : 0 });
        },
      },
    );
    options.signal?.throwIfAborted();
    options.onProgress?.({
      phase: "writing",
      rowsRead: read.establishmentsRead + read.unitsRead,
      rowsKept: read.entries.length,
      bytesRead: 0,
      rowsPerSecond: 0,
    });
    return await storeRegister(sql, read, meta);
  } catch (error) {
    const cancelled = options.signal?.aborted === true;
    // The record of the stop must not hide why it stopped.
    await recordStoppedImport(sql, meta, cancelled ? "CANCELLED" : "FAILED", cancelled ? "Import annulé." : (error as Error).message).catch(() => undefined);
    throw error;
  }
}

/** Where a stock file is, and the name to give it (its file name by default). */
export interface StockPath {
  path: string;
  name?: string;
}

/** The import of two stock files on disk, .csv or .zip: paths, or paths and names. */
export function importSireneFiles(
  sql: SqlDriver,
  files: { units: string | StockPath; establishments: string | StockPath },
  options: Omit<SireneImportOptions, "units" | "establishments">,
): Promise<RegisterImportReport> {
  const open = (file: string | StockPath) => (typeof file === "string" ? stockFile(file) : stockFile(file.path, file.name));
  return importSirene(sql, { ...options, units: open(files.units), establishments: open(files.establishments) });
}
