// The errors of writes, each with a code a client can act on and a French message a person can.
import type { FieldProblem } from "@oess/domain";
import { GraphQLError } from "graphql";

/** Bad input: every faulty field, at once, so that a form can show them all. */
export const invalidInput = (problems: readonly FieldProblem[], prefix = "input.") =>
  new GraphQLError(`Saisie invalide : ${problems.map((p) => `${prefix}${p.field} — ${p.message}`).join(" ; ")}`, {
    extensions: { code: "BAD_USER_INPUT", problems: problems.map((p) => ({ field: `${prefix}${p.field}`, message: p.message })) },
  });

export const notFound = (what: string) =>
  new GraphQLError(`${what} introuvable, ou que vous n'avez pas le droit de voir.`, { extensions: { code: "NOT_FOUND" } });

export const conflict = (currentVersion: number, sentVersion: number) =>
  new GraphQLError(
    `Cette fiche a été modifiée entre-temps : sa version actuelle est ${currentVersion}, vous avez envoyé la version ${sentVersion}. Rechargez-la, puis refaites votre modification.`,
    { extensions: { code: "CONFLICT", currentVersion } },
  );

export const refused = (message: string, code = "FORBIDDEN") => new GraphQLError(message, { extensions: { code } });

export const badState = (message: string) => new GraphQLError(message, { extensions: { code: "INVALID_STATE" } });
