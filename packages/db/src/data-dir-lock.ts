// PGlite runs inside one process and corrupts its directory if two instances open it, so the
// data directory carries a lock file naming the process that owns it.
import fs from "node:fs";
import path from "node:path";
import { DatabaseOpenError } from "./errors";

const LOCK_FILE = "observatoire.pid";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock on `dir` for this process; returns the function that releases it. */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number(fs.readFileSync(file, "utf8").trim());
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
      const who = owner === process.pid ? "this very process (it is already open)" : `process ${owner}`;
      throw new DatabaseOpenError(
        `The embedded database in ${dir} is in use by ${who}. Stop the other instance (another \`npm start\`?) or set DATA_DIR to another folder.`,
      );
    }
    fs.rmSync(file, { force: true }); // left by a process that died: take it over
  }
}
