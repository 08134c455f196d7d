// Limits refused before execution, with an error that names the limit. Depth, breadth and
// estimated cost are checked by the schema itself (Pothos complexity plugin, see LIMITS).
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { LIMITS } from "@oess/graphql";

export const useLimits = () => [maxAliasesPlugin({ n: LIMITS.aliases, exposeLimits: true }), maxTokensPlugin({ n: LIMITS.tokens, exposeLimits: true })];
