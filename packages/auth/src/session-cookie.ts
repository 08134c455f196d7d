// The session cookie: a random token the browser keeps, HttpOnly and SameSite=Lax; the database
// keeps only its SHA-256, so a leaked table opens no session.
import { createHash, randomBytes } from "node:crypto";

export const SESSION_COOKIE = "oess_session";
export const SESSION_DAYS = 14;

export const newSessionToken = (): string => randomBytes(32).toString("base64url");
export const hashSessionToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/** The session token of a Cookie header, if any. */
export function sessionTokenFrom(cookieHeader: string | null | undefined): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return value.join("=") || null;
  }
  return null;
}

/** `Secure` everywhere but on plain-HTTP localhost, where browsers would drop the cookie. */
export function sessionCookie(token: string | null, requestUrl: string): string {
  const url = new URL(requestUrl);
  const local = url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  const attributes = ["Path=/", "HttpOnly", "SameSite=Lax", ...(local ? [] : ["Secure"])];
  if (token === null) return [`${SESSION_COOKIE}=`, "Max-Age=0", ...attributes].join("; ");
  return [`${SESSION_COOKIE}=${token}`, `Max-Age=${SESSION_DAYS * 86_400}`, ...attributes].join("; ");
}
