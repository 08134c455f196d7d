import { isTrustedPeer, type TrustedProxies } from "@oess/auth";

/**
 * The URL as the browser sees it. A trusted proxy (the dashboard's, a reverse proxy) says where
 * the request came from; anyone else's X-Forwarded-* headers are ignored.
 */
export function publicUrl(request: Request, socketAddress: string | undefined, trustedProxies: TrustedProxies): URL {
  const url = new URL(request.url);
  if (!isTrustedPeer(socketAddress, trustedProxies)) return url;
  const proto = request.headers.get("x-forwarded-proto");
  const host = request.headers.get("x-forwarded-host");
  if (proto === "http" || proto === "https") url.protocol = `${proto}:`;
  if (host && URL.canParse(`http://${host}`)) {
    // Setting `host` alone would keep the API's own port when the proxy's has none.
    const given = new URL(`http://${host}`);
    url.hostname = given.hostname;
    url.port = given.port;
  }
  return url;
}
