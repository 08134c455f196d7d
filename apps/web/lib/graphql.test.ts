// The seam between the dashboard and the API is checked, not trusted: a document asking for a
// field the schema does not have fails the type-check (gql.tada check, run by npm test).
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const web = fileURLToPath(new URL("..", import.meta.url));
const cli = join(dirname(createRequire(import.meta.url).resolve("gql.tada/package.json")), "bin/cli.js");
const probe = fileURLToPath(new URL("./misspelled.probe.ts", import.meta.url));

it("refuses a misspelled field and a wrong argument in a web document", () => {
  writeFileSync(
    probe,
    `import { graphql } from "./graphql";\nexport const Q = graphql(\`query Probe { jobRecords(first: 5) { edges { node { id } } } indicators(groupBy: [YEAR], where: { year: 2024 }) { jobsCreatd } }\`);\n`,
  );
  try {
    const check = spawnSync(process.execPath, [cli, "check"], { cwd: web, encoding: "utf8" });
    const output = check.stdout + check.stderr;
    expect(check.status).not.toBe(0);
    expect(output).toContain('Cannot query field "jobRecords" on type "Query"');
    expect(output).toContain('Cannot query field "jobsCreatd" on type "IndicatorRow"');
    expect(output).toMatch(/Field "year" is not defined by type "IndicatorWhere"/);
  } finally {
    rmSync(probe, { force: true });
  }
}, 60_000);
