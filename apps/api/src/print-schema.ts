// Writes schema.graphql, the committed public contract (a test fails when it drifts).
import fs from "node:fs";
import { printedSchema, SCHEMA_FILE } from "./schema-file";

fs.writeFileSync(SCHEMA_FILE, printedSchema());
console.log(`Wrote ${SCHEMA_FILE}`);
