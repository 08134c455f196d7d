// The open-data handler as the tests ask it: on a test database, for the default territory, at
// https://api.test/opendata/.
import type { TestDatabase } from "@oess/db/testing";
import { loadTerritory } from "@oess/domain";
import { createOpenDataHandler, type OpenDataOptions } from "./http";

export function testOpenData(db: TestDatabase, options: Partial<OpenDataOptions> = {}) {
  const territory = loadTerritory();
  const handle = createOpenDataHandler({
    sql: db.sql,
    prisma: db.prisma,
    epciSiren: territory.epciSiren,
    territoryName: territory.name,
    landingPage: "https://tableau.test/donnees-ouvertes",
    contactEmail: "donnees@observatoire.test",
    ...options,
  });
  /** The answer to a request of /opendata/{path}; every path of the tests has a route. */
  const request = async (path: string, init: RequestInit = {}) => {
    const response = await handle(new Request(`https://api.test/opendata/${path}`, init));
    if (!response) throw new Error(`no route for ${path}`);
    return response;
  };
  return { request, get: (path: string, headers: Record<string, string> = {}) => request(path, { headers }) };
}
