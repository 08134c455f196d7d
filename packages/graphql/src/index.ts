// Builds the schema: each module under schema/ adds its types and fields to the builder.
import { builder } from "./builder";
import "./schema/scalars";
import "./schema/commune";
import "./schema/headline";

export type { Context } from "./builder";
export const schema = builder.toSchema();
