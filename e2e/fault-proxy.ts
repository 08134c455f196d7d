// Between the dashboard and the API in end-to-end tests: it passes everything through, except
// the GraphQL operations a test asks it to fail (POST /__fault {"operation": "Worklist"}), which
// get a dropped connection, as a crashed or unreachable API would give.
import { createServer, request } from "node:http";

export function startFaultProxy(port: number, target: { host: string; port: number }) {
  const failing = new Set<string>();
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    if (incoming.url?.startsWith("/__fault")) {
      const { operation, fail } = JSON.parse(body.toString() || "{}");
      if (fail === false) failing.delete(operation);
      else failing.add(operation);
      outgoing.end("ok");
      return;
    }
    // urql sends queries as GET (operationName in the URL), mutations as POST.
    const text = body.toString("utf8", 0, Math.min(body.length, 4096));
    const url = incoming.url ?? "";
    if ([...failing].some((operation) => text.includes(`"operationName":"${operation}"`) || url.includes(`operationName=${operation}&`))) {
      incoming.socket.destroy();
      return;
    }
    const upstream = request({ ...target, path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on("error", () => outgoing.destroy());
    upstream.end(body);
  });
  server.listen(port, "127.0.0.1");
  return server;
}
