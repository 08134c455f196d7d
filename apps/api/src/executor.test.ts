// GraphQL execution as the API runs it: yoga's executor with patches/@graphql-tools+executor+2.1.0.patch
// (what it allocates per field: arguments, resolve info, result objects), with the plugins the
// patch could surprise, on a schema small enough to watch every resolver call.
import { useResponseCache } from "@graphql-yoga/plugin-response-cache";
import type { GraphQLResolveInfo } from "graphql";
import { createSchema, createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { useExecutionCancellation } from "./plugins/cancellation";

/** The resolve info of graphql-js 16 and what the executor adds to it, as graphql-js 17 has it. */
interface ResolveInfo extends GraphQLResolveInfo {
  getAbortSignal(): AbortSignal | undefined;
  getAsyncHelpers(): { promiseAll: (values: unknown[]) => Promise<unknown[]> };
}

interface Call {
  field: string;
  args: Record<string, unknown>;
  info: ResolveInfo;
}

function testApp({ cached = false } = {}) {
  const calls: Call[] = [];
  const record =
    (field: string, value: (args: Record<string, unknown>) => unknown) =>
    (_source: unknown, args: Record<string, unknown>, _ctx: unknown, info: ResolveInfo) => {
      calls.push({ field, args, info });
      return value(args);
    };
  const schema = createSchema({
    typeDefs: /* GraphQL */ `
      type Item { id: ID! name: String! label(prefix: String = "n"): String! }
      type Query { items: [Item!]! }
    `,
    resolvers: {
      Query: { items: () => [{ id: "1" }, { id: "2" }, { id: "3" }] },
      Item: {
        name: record("name", () => "x"),
        label: record("label", (args) => `${args.prefix}-x`),
      },
    },
  });
  const yoga = createYoga({
    schema,
    logging: false,
    plugins: [useExecutionCancellation(), ...(cached ? [useResponseCache({ session: () => null, includeExtensionMetadata: false })] : [])],
  });
  const ask = async (query: string, variables?: Record<string, unknown>) => {
    const response = await yoga.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: unknown[] };
  };
  return { calls, ask };
}

describe("GraphQL execution", () => {
  it("gives each call of a field without arguments its own empty arguments, and coerces those of a field with some", async () => {
    const { calls, ask } = testApp();
    const answer = await ask(`query ($p: String) { items { name a: label b: label(prefix: "y") c: label(prefix: $p) } }`, { p: "z" });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.items.map((i: Record<string, string>) => [i.a, i.b, i.c])).toEqual(Array(3).fill(["n-x", "y-x", "z-x"]));
    const names = calls.filter((c) => c.field === "name").map((c) => c.args);
    expect(names).toEqual([{}, {}, {}]);
    // A resolver may write into its arguments: no call may see another's.
    expect(new Set(names).size).toBe(3);
    expect(names.every((args) => Object.isExtensible(args) && Object.getPrototypeOf(args) === Object.prototype)).toBe(true);
  });

  it("hands every resolver its own request's abort signal and async helpers", async () => {
    const { calls, ask } = testApp();
    await ask("{ items { name label } }");
    await ask("{ items { name } }");
    const signals = calls.map((c) => c.info.getAbortSignal());
    const first = signals.slice(0, 6);
    const second = signals.slice(6);
    expect(signals).toHaveLength(9);
    expect(signals.every((s) => s instanceof AbortSignal && !s.aborted)).toBe(true);
    expect(new Set(first).size).toBe(1);
    expect(new Set(second).size).toBe(1);
    expect(first[0]).not.toBe(second[0]);
    // Made once per request, not once per field: the patch's saving.
    expect(new Set(calls.slice(0, 6).map((c) => c.info.getAbortSignal)).size).toBe(1);
    const helpers = calls[0]?.info.getAsyncHelpers();
    expect(await helpers?.promiseAll([Promise.resolve(1), 2])).toEqual([1, 2]);
  });

  it("answers aliases named like Object.prototype's members as keys like any other, cached or not", async () => {
    for (const cached of [false, true]) {
      const { ask } = testApp({ cached });
      const query = "{ items { __proto__: name constructor: name toString: label hasOwnProperty: id } }";
      for (const answer of [await ask(query), await ask(query)]) {
        expect(answer.errors).toBeUndefined();
        const [item] = answer.data.items;
        expect(Object.keys(item)).toEqual(["__proto__", "constructor", "toString", "hasOwnProperty"]);
        expect(Object.values(item)).toEqual(["x", "x", "n-x", "1"]);
      }
    }
  });
});
