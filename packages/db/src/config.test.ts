import path from "node:path";
import { expect, it } from "vitest";
import { describeTarget, targetFromEnv } from "./config";

it("uses the embedded database in .data by default, DATA_DIR when set", () => {
  expect(targetFromEnv({})).toEqual({ kind: "pglite", dataDir: path.resolve(".data") });
  expect(targetFromEnv({ DATA_DIR: "/srv/oess" })).toEqual({ kind: "pglite", dataDir: "/srv/oess" });
});

it("switches to PostgreSQL when DATABASE_URL is set, and rejects other URLs", () => {
  expect(targetFromEnv({ DATABASE_URL: "postgresql://u:p@db/oess" })).toEqual({ kind: "postgresql", url: "postgresql://u:p@db/oess" });
  expect(() => targetFromEnv({ DATABASE_URL: "mysql://db/oess" })).toThrow(/must be a postgresql:\/\/ URL/);
});

it("never prints a password", () => {
  expect(describeTarget({ kind: "postgresql", url: "postgresql://u:secret@db:5432/oess" })).toBe("PostgreSQL at postgresql://u:***@db:5432/oess");
});
