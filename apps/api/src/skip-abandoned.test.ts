import { createServer, type Server } from "node:http";
import net from "node:net";
import { afterEach, expect, it } from "vitest";
import { skipAbandoned } from "./skip-abandoned";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

const REQUEST = "GET /graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: localhost\r\n\r\n";

/** Sends REQUEST on a new connection; hangs up right behind it if `leave`. Resolves with what came back. */
function client(port: number, leave: boolean): Promise<string> {
  return new Promise((resolve) => {
    let received = "";
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(REQUEST);
      if (leave) socket.end();
    });
    socket.on("data", (chunk) => {
      received += chunk;
      if (received.endsWith("answered")) socket.end();
    });
    socket.on("error", () => undefined);
    socket.on("close", () => resolve(received));
  });
}

it("drops a request whose client hung up right behind it, and answers the others", async () => {
  const started: string[] = [];
  server = createServer(
    skipAbandoned((req, res) => {
      started.push(req.url ?? "");
      res.end("answered");
    }),
  );
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;

  // Gone before the server read its request: nothing is started for it, nothing is sent back.
  expect(await client(port, true)).toBe("");
  expect(started).toEqual([]);
  // A client that waits gets its answer, as before.
  expect(await client(port, false)).toMatch(/^HTTP\/1.1 200 OK.*answered$/s);
  expect(started).toHaveLength(1);
});
