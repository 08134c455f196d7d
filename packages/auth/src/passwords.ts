// Passwords are stored as Argon2id hashes (OWASP's first choice), with the library's defaults
// (19 MiB, 2 passes), which OWASP lists as a sound minimum.
import { hash, verify } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 12;

export const hashPassword = (password: string): Promise<string> => hash(password);

/** False for a wrong password or a malformed hash; never throws on bad input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash to verify against when the account does not exist, so that an unknown e-mail takes as
// long to refuse as a wrong password (no account enumeration by timing).
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => {
  decoy ??= hash("decoy password that matches no account");
  return decoy;
};

/** Why a new password is refused, in French, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  if (password.length > 200) return "Le mot de passe ne doit pas dépasser 200 caractères.";
  return null;
}
