import { fileURLToPath } from "node:url";
import { schema } from "@oess/graphql";
import { lexicographicSortSchema, printSchema } from "graphql";

export const SCHEMA_FILE = fileURLToPath(new URL("../schema.graphql", import.meta.url));
export const printedSchema = (): string => `${printSchema(lexicographicSortSchema(schema))}\n`;
