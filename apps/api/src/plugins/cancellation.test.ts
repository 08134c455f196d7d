import { createSchema, createYoga } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { useExecutionCancellation } from "./cancellation";

// A query whose first level finds the client gone: the next level is never resolved.
function server(withPlugin: boolean) {
  const client = new AbortController();
  const resolved: string[] = [];
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: "type Query { first: Level } type Level { second: String }",
      resolvers: {
        Query: {
          first: async () => {
            client.abort();
            await new Promise((resolve) => setTimeout(resolve, 10));
            return {};
          },
        },
        Level: {
          second: () => {
            resolved.push("second");
            return "read";
          },
        },
      },
    }),
    plugins: withPlugin ? [useExecutionCancellation()] : [],
    logging: false,
  });
  const ask = async () => {
    try {
      await yoga.fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ first { second } }" }),
        signal: client.signal,
      });
    } catch {
      // the client's own abort: what it hears does not matter here
    }
  };
  return { ask, resolved };
}

describe("execution cancellation", () => {
  it("resolves no further field once the client has gone", async () => {
    const { ask, resolved } = server(true);
    await ask();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(resolved).toEqual([]);
  });

  it("without it, the next level is resolved for nobody (what the test above guards against)", async () => {
    const { ask, resolved } = server(false);
    await ask();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(resolved).toEqual(["second"]);
  });
});
