// What an anonymous caller has left of its reads, as GitHub's API tells it (`rateLimit`).
import type { RateLimitState } from "../builder";
import { builder } from "../builder";

const RateLimitRef = builder.objectRef<RateLimitState>("RateLimit").implement({
  description: "Anonymous reads are limited per client address; the same figures come in the RateLimit and RateLimit-Policy headers.",
  fields: (t) => ({
    limit: t.exposeInt("limit", { description: "Requests allowed per window." }),
    remaining: t.exposeInt("remaining", { description: "Requests left in the current window, this one counted." }),
    resetAt: t.field({ type: "DateTime", description: "When the window ends and the allowance is whole again.", resolve: (s) => s.resetAt }),
    cost: t.exposeInt("cost", { description: "What this request counted." }),
  }),
});

builder.queryField("rateLimit", (t) =>
  t.field({
    type: RateLimitRef,
    nullable: true,
    description: "Your allowance of anonymous reads; null when you are not limited (signed in).",
    resolve: (_root, _args, ctx) => ctx.rateLimit ?? null,
  }),
);
