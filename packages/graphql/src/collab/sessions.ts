// Sessions in the database: a browser's cookie names one, until it expires or the user signs out.
import { SESSION_DAYS, decoyHash, hashSessionToken, newSessionToken, verifyPassword } from "@oess/auth";
import type { PrismaClient } from "@oess/db";
import type { MemberRole } from "@oess/domain";
import type { Viewer } from "../builder";
import { refused } from "./errors";

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

// OWASP: slow guessing down per account and per address, without locking anyone out for long.
export const LOGIN_LIMITS = { windowMinutes: 15, perEmail: 5, perIp: 30 } as const;

/** Checks a password and opens a session; refuses, the same way for an unknown e-mail, after too many failures. */
export async function signIn(prisma: PrismaClient, email: string, password: string, ip: string): Promise<{ token: string; userId: string }> {
  const normalized = email.trim().toLowerCase();
  const since = new Date(Date.now() - LOGIN_LIMITS.windowMinutes * 60_000);
  const [byEmail, byIp] = await Promise.all([
    prisma.loginAttempt.count({ where: { email: normalized, succeeded: false, at: { gt: since } } }),
    prisma.loginAttempt.count({ where: { ip, succeeded: false, at: { gt: since } } }),
  ]);
  if (byEmail >= LOGIN_LIMITS.perEmail || byIp >= LOGIN_LIMITS.perIp) {
    throw refused(`Trop de tentatives de connexion : réessayez dans ${LOGIN_LIMITS.windowMinutes} minutes.`, "RATE_LIMITED");
  }
  const user = await prisma.user.findUnique({ where: { email: normalized }, select: { id: true, passwordHash: true } });
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  await prisma.loginAttempt.create({ data: { email: normalized, ip, succeeded: ok && user !== null } });
  if (!ok || !user) throw refused("Adresse e-mail ou mot de passe incorrect.", "UNAUTHENTICATED");

  const token = newSessionToken();
  await prisma.$transaction([
    prisma.session.create({ data: { tokenHash: hashSessionToken(token), userId: user.id, expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) } }),
    // Housekeeping: attempts older than a day and expired sessions serve no purpose.
    prisma.loginAttempt.deleteMany({ where: { at: { lt: new Date(Date.now() - 86_400_000) } } }),
    prisma.session.deleteMany({ where: { expiresAt: { lt: new Date() } } }),
  ]);
  return { token, userId: user.id };
}
