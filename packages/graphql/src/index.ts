// Builds the schema: each module under schema/ adds its types and fields to the builder.
import { builder } from "./builder";
import { describeGenerated } from "./describe-generated";
import "./schema/scalars";
import "./schema/commune";
import "./schema/partner";
import "./schema/enterprise";
import "./schema/incubation";
import "./schema/job";
import "./schema/funding";
import "./schema/indicator";
import "./schema/headline";
import "./schema/account";
import "./schema/workflow";
import "./schema/bulk-workflow";
import "./schema/history";
import "./schema/comments";
import "./schema/import";
import "./schema/worklist";
import "./schema/release";
import "./schema/released-rows";
import "./schema/rate-limit";
import "./schema/register";

export type { Context, HttpContext, RateLimitState } from "./builder";
export { LIMITS } from "./limits";
export const schema = describeGenerated(builder.toSchema());
