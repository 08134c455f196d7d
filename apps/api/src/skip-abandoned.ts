// Requests whose client has already gone are dropped before any work. Under overload, clients that
// give up (their own time-out, a proxy's) leave a backlog of requests that the API reads seconds
// later: each was still parsed, planned and sent to the database before the hang-up that follows
// it was read, then cancelled (measured: after 5 s of 32 clients giving up at 50 ms, the API worked
// on for 3 s and the next reader waited 1.8–2.4 s instead of 0.1 s).
import type { RequestListener } from "node:http";

export function skipAbandoned(listener: RequestListener): RequestListener {
  return (req, res) => {
    // The request and the client's FIN behind it are read in two turns of the event loop (libuv
    // stops reading a socket after a short read): the second immediate comes after the next poll.
    // Node's server ends its side on a FIN (it does not keep half-open connections).
    setImmediate(() =>
      setImmediate(() => {
        if (req.socket.writable) listener(req, res);
        else res.destroy();
      }),
    );
  };
}
