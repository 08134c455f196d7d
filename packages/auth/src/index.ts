export { clientAddress, isTrustedPeer, parseTrustedProxies, type TrustedProxies } from "./client-address";
export { decoyHash, hashPassword, MIN_PASSWORD_LENGTH, passwordProblem, verifyPassword } from "./passwords";
export { hashSessionToken, newSessionToken, SESSION_COOKIE, SESSION_DAYS, sessionCookie, sessionTokenFrom } from "./session-cookie";
