// The browser's door to the research API: same origin as the pages, so that no CORS is needed and
// the session cookie stays first-party. Requests and answers pass through unchanged.
import { API_URL } from "../../lib/api";

const FORWARDED_REQUEST = ["accept", "content-type", "cookie", "x-graphql-yoga-csrf", "user-agent", "x-forwarded-for"];
const FORWARDED_RESPONSE = ["content-type", "set-cookie", "cache-control", "etag"];

async function forward(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  // The API decides the session cookie's Secure flag from the URL the browser used.
  headers.set("x-forwarded-proto", request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", ""));
  headers.set("x-forwarded-host", request.headers.get("x-forwarded-host") ?? url.host);
  const upstream = await fetch(`${API_URL}${url.search}`, {
    method: request.method,
    headers,
    body: request.method === "GET" ? undefined : await request.arrayBuffer(),
    cache: "no-store",
  }).catch(() => null);
  if (!upstream) return Response.json({ errors: [{ message: "Le service de données ne répond pas." }] }, { status: 502 });
  const out = new Headers();
  for (const name of FORWARDED_RESPONSE)
    for (const value of name === "set-cookie" ? upstream.headers.getSetCookie() : [upstream.headers.get(name)]) if (value) out.append(name, value);
  return new Response(upstream.body, { status: upstream.status, headers: out });
}

export const GET = forward;
export const POST = forward;
