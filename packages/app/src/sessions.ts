// Sessions in the database: a browser's cookie names one, until it expires or the user signs out.
import { decoyHash, hashSessionToken, newSessionToken, SESSION_DAYS, verifyPassword } from "@oess/auth";
import type { PrismaClient } from "@oess/db";
import type { MemberRole } from "@oess/domain";
import { GraphQLError } from "graphql";
import { refused } from "./errors";
import type { Viewer } from "./viewer";

/** The viewer a session token stands for; null when it is unknown or expired. */
export async function viewerFromSession(prisma: PrismaClient, token: string | null): Promise<Viewer | null> {
  if (!token) return null;
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashSessionToken(token) },
    select: {
      id: true,
      expiresAt: true,
      user: { select: { id: true, memberships: { select: { partnerId: true, role: true, partner: { select: { coordinatesPtce: true } } } } } },
    },
  });
  if (!session || session.expiresAt <= new Date()) return null;
  return {
    userId: session.user.id,
    sessionId: session.id,
    memberships: session.user.memberships.map((m) => ({ partnerId: m.partnerId, role: m.role as MemberRole, coordinates: m.partner.coordinatesPtce })),
  };
}

/**
 * Sign-in limits (OWASP). Guessing is stopped per account *and address*: 5 failures from one
 * address lock that address out of that account for the rest of the 15-minute window, while the
 * owner signs in from anywhere else. One address failing on 30 accounts is stopped too. Guesses
 * spread over many addresses are slowed down, never turned into a lock-out anyone could impose:
 * past 10 failures on an account, each attempt waits a second more, up to 10 s.
 */
const LOGIN_LIMITS = { windowMinutes: 15, perAccountAndAddress: 5, perAddress: 30, slowAfter: 10, maxDelaySeconds: 10 } as const;

const rateLimited = (retryAfterSeconds: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const minutes = Math.ceil(seconds / 60);
  return new GraphQLError(`Trop de tentatives de connexion depuis votre adresse : réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`, {
    extensions: { code: "RATE_LIMITED", retryAfter: seconds, http: { status: 429, headers: { "Retry-After": String(seconds) } } },
  });
};

/** Checks a password and opens a session; refuses, the same way for an unknown e-mail, after too many failures. */
export async function signIn(prisma: PrismaClient, email: string, password: string, ip: string): Promise<{ token: string; userId: string }> {
  const normalized = email.trim().toLowerCase();
  const windowMs = LOGIN_LIMITS.windowMinutes * 60_000;
  const since = new Date(Date.now() - windowMs);
  // The attempt is recorded (as a failure) before it is counted and checked: concurrent guesses
  // each see at least those recorded before them, so no more than the limit are ever checked.
  const attempt = await prisma.loginAttempt.create({ data: { email: normalized, ip, succeeded: false }, select: { id: true } });
  const failed = { succeeded: false, at: { gt: since } };
  const [here, fromAddress, onAccount] = await Promise.all([
    prisma.loginAttempt.findMany({ where: { ...failed, email: normalized, ip }, select: { at: true }, orderBy: { at: "asc" } }),
    prisma.loginAttempt.findMany({ where: { ...failed, ip }, select: { at: true }, orderBy: { at: "asc" } }),
    prisma.loginAttempt.count({ where: { ...failed, email: normalized } }),
  ]);
  const limits: Array<[Array<{ at: Date }>, number]> = [
    [here, LOGIN_LIMITS.perAccountAndAddress],
    [fromAddress, LOGIN_LIMITS.perAddress],
  ];
  for (const [failures, limit] of limits) {
    // Refused until enough of the failures that count leave the window.
    const freeing = failures[failures.length - limit];
    if (failures.length > limit && freeing) throw rateLimited((freeing.at.getTime() + windowMs - Date.now()) / 1000);
  }
  const delay = Math.min(onAccount - LOGIN_LIMITS.slowAfter, LOGIN_LIMITS.maxDelaySeconds);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay * 1000));

  const user = await prisma.user.findUnique({ where: { email: normalized }, select: { id: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!ok || !user) throw refused("Adresse e-mail ou mot de passe incorrect.", "UNAUTHENTICATED");
  // Signed in: this address's failures on the account are forgiven.
  await prisma.$transaction([
    prisma.loginAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } }),
    prisma.loginAttempt.deleteMany({ where: { email: normalized, ip, succeeded: false } }),
  ]);

  const token = newSessionToken();
  await prisma.$transaction([
    prisma.session.create({ data: { tokenHash: hashSessionToken(token), userId: user.id, expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) } }),
    // Housekeeping: attempts older than a day and expired sessions serve no purpose.
    prisma.loginAttempt.deleteMany({ where: { at: { lt: new Date(Date.now() - 86_400_000) } } }),
    prisma.session.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
  ]);
  return { token, userId: user.id };
}
