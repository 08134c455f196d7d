export { MIN_PASSWORD_LENGTH, decoyHash, hashPassword, passwordProblem, verifyPassword } from "./passwords";
export { SESSION_COOKIE, SESSION_DAYS, hashSessionToken, newSessionToken, sessionCookie, sessionTokenFrom } from "./session-cookie";
export { type TrustedProxies, clientAddress, isTrustedPeer, parseTrustedProxies } from "./client-address";
