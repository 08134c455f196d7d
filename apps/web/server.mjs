// The dashboard's HTTP server: Next.js, behind a few lines that do what every proxy does, append
// the connection's address to X-Forwarded-For. Next.js itself keeps a client-sent header as it
// is, and the dashboard's /graphql route passes it on: without this, a client could pick the
// address the API's sign-in limits see. The API believes only the hops TRUST_PROXY lists.
import { createServer } from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, dir: import.meta.dirname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  const peer = request.socket.remoteAddress;
  const forwarded = request.headers["x-forwarded-for"];
  if (peer) request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
  void handle(request, response);
});
server.on("error", (error) => {
  console.error(error.code === "EADDRINUSE" ? `[web] Port ${port} is already in use: set PORT to another port.` : error);
  process.exit(1);
});
server.listen(port, () => console.log(`[web] Ready: http://localhost:${port}`));
const stop = () => server.close(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
