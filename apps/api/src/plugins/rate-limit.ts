// Anonymous reads are limited per client address (a fixed window, in this process's memory), and
// every limited answer says so: RateLimit-Policy / RateLimit (IETF httpapi draft), Retry-After
// on 429, and `rateLimit { … }` in GraphQL. Signed-in partners and the dashboard's own server
// (a trusted proxy speaking for itself) are not limited.
import type { IncomingMessage } from "node:http";
import { clientAddress, type TrustedProxies } from "@oess/auth";
import type { RateLimitState } from "@oess/graphql";
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { RATE_LIMIT_HEADERS } from "./http-policy";

const POLICY = "anonymous";
/** Above this many addresses, windows that ended are forgotten. */
const SWEEP_ABOVE = 10_000;

export class ReadRateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request of `client` if the window allows it, and says what is left. */
  take(client: string, cost = 1): { allowed: boolean; state: RateLimitState } {
    const now = this.now();
    let window = this.windows.get(client);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size >= SWEEP_ABOVE) this.sweep(now);
      window = { start: now, used: 0 };
      this.windows.set(client, window);
    }
    const allowed = window.used + cost <= this.limit;
    if (allowed) window.used += cost;
    return { allowed, state: { limit: this.limit, remaining: this.limit - window.used, resetAt: new Date(window.start + this.windowMs), cost } };
  }

  private sweep(now: number): void {
    for (const [client, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(client);
  }
}

const secondsUntil = (date: Date) => Math.max(0, Math.ceil((date.getTime() - Date.now()) / 1000));

function headersOf(limiter: ReadRateLimiter, state: RateLimitState): Record<string, string> {
  return {
    "ratelimit-policy": `"${POLICY}";q=${limiter.limit};w=${Math.round(limiter.windowMs / 1000)}`,
    ratelimit: `"${POLICY}";r=${state.remaining};t=${secondsUntil(state.resetAt)}`,
  };
}

/**
 * Open data is limited as the request arrives (signed in or not, it is public); GraphQL once the
 * caller is known (`checkGraphql` from the context), so that no cookie, valid or not, buys a pass.
 */
export function useReadRateLimit(limiter: ReadRateLimiter | null, trustedProxies: TrustedProxies) {
  const states = new WeakMap<Request, RateLimitState>();
  const count = (request: Request, socket: string | undefined) => {
    if (!limiter) return null;
    const client = clientAddress(socket, request.headers.get("x-forwarded-for"), trustedProxies);
    if (socket !== undefined && trustedProxies.trusts(client)) return null;
    const result = limiter.take(client);
    states.set(request, result.state);
    return result;
  };
  const refusal = (state: RateLimitState) => {
    const wait = secondsUntil(state.resetAt);
    const message = `Too many requests from your address: ${state.limit} a minute for anonymous reads. Try again in ${wait} s, or harvest a frozen version (/opendata/v/{version}/).`;
    return { wait, message };
  };

  const plugin: Plugin<object, { req?: IncomingMessage }> = {
    onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith("/opendata") || request.method === "OPTIONS") return;
      const result = count(request, serverContext.req?.socket.remoteAddress);
      if (!result || result.allowed) return;
      const { wait, message } = refusal(result.state);
      endResponse(
        fetchAPI.Response.json(
          { error: message },
          { status: 429, headers: { "retry-after": String(wait), "access-control-allow-origin": "*", "access-control-expose-headers": RATE_LIMIT_HEADERS } },
        ),
      );
    },
    onResponse({ request, response }) {
      const state = limiter && states.get(request);
      if (!state) return;
      for (const [name, value] of Object.entries(headersOf(limiter, state))) response.headers.set(name, value);
    },
  };

  /** Counts an anonymous GraphQL request, refused past the limit; null when the caller is not limited. */
  const checkGraphql = (request: Request, socket: string | undefined): RateLimitState | null => {
    const result = count(request, socket);
    if (!result) return null;
    if (!result.allowed) {
      const { wait, message } = refusal(result.state);
      throw new GraphQLError(message, {
        extensions: { code: "RATE_LIMITED", retryAfter: wait, http: { status: 429, headers: { "retry-after": String(wait) } } },
      });
    }
    return result.state;
  };
  return { plugin, checkGraphql };
}
