// Dataset versions on a schedule: one at start-up (the first, or what was published while the API
// was down), then every RELEASE_EVERY_HOURS. A version is taken only when published data changed.
import { type Database, datasetInfo } from "@oess/db";
import type { Territory } from "@oess/domain";
import { createRelease, type Release } from "@oess/opendata";

/** Starts the schedule; the returned function stops it. Hours = 0: start-up only. */
export function scheduleReleases(db: Database, territory: Territory, everyHours: number, log: (message: string) => void): () => void {
  let running: Promise<void> | null = null;
  const take = () => {
    running ??= (async () => {
      try {
        const release = await createRelease(db.sql, { epciSiren: territory.epciSiren, isDemo: (await datasetInfo(db.prisma)).isDemo });
        if (release) log(`Dataset version ${release.number} taken: ${summary(release)}.`);
      } catch (error) {
        // The next turn tries again; the API keeps serving meanwhile.
        log(`Could not take a dataset version: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  void take();
  const timer = everyHours > 0 ? setInterval(take, everyHours * 3_600_000) : null;
  timer?.unref();
  return () => {
    if (timer) clearInterval(timer);
  };
}

const summary = (release: Release) =>
  release.changelog
    .filter((c) => c.added + c.corrected + c.withdrawn > 0)
    .map((c) => `${c.dataset} +${c.added} ~${c.corrected} -${c.withdrawn}`)
    .join(", ") || "no change";
