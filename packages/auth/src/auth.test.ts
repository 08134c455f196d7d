import { expect, it } from "vitest";
import { hashPassword, passwordProblem, sessionCookie, sessionTokenFrom, verifyPassword } from "./index";

it("hashes with Argon2id and verifies only the right password", async () => {
  const hash = await hashPassword("correct horse battery");
  expect(hash).toMatch(/^\$argon2id\$/);
  expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
  expect(await verifyPassword(hash, "correct horse batterz")).toBe(false);
  expect(await verifyPassword("not a hash", "x")).toBe(false);
});

it("refuses short passwords, in French", () => {
  expect(passwordProblem("court")).toBe("Le mot de passe doit compter au moins 12 caractères.");
  expect(passwordProblem("assez long pour passer")).toBeNull();
});

it("sets an HttpOnly, SameSite=Lax cookie, Secure except on http://localhost, and reads it back", () => {
  expect(sessionCookie("abc", "http://localhost:3000/graphql")).toBe("oess_session=abc; Max-Age=1209600; Path=/; HttpOnly; SameSite=Lax");
  expect(sessionCookie("abc", "https://observatoire.example/graphql")).toContain("; Secure");
  expect(sessionCookie(null, "https://observatoire.example/graphql")).toMatch(/^oess_session=; Max-Age=0; .*Secure$/);
  expect(sessionTokenFrom("theme=dark; oess_session=tok=en; other=1")).toBe("tok=en");
  expect(sessionTokenFrom("theme=dark")).toBeNull();
});
