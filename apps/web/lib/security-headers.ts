// The dashboard's security headers, one policy for every page: a Content-Security-Policy whose
// scripts need this response's nonce (Next.js stamps it on its own scripts), no framing except by
// the origins FRAME_ANCESTORS lists (lib/env.ts), nosniff, a referrer policy, and HSTS over HTTPS.

export function securityHeaders({
  nonce,
  https,
  ancestors,
  dev,
}: {
  nonce: string;
  https: boolean;
  ancestors: readonly string[];
  dev: boolean;
}): { "content-security-policy": string } & Record<string, string> {
  const csp = [
    "default-src 'self'",
    // React's development build evaluates code; the production one never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Charts position their parts with style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors.length > 0 ? ancestors.join(" ") : "'none'"}`,
  ].join("; ");
  return {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    ...(ancestors.length === 0 ? { "x-frame-options": "DENY" } : {}),
    ...(https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
