"use server";
// The partner space's writes: each form posts here (with or without JavaScript), the dashboard's
// server calls the API on the user's behalf, then the page shows the answer in place.
import { MEMBER_ROLES, RECORD_KINDS } from "@oess/domain/vocabulary";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { graphql } from "../../lib/graphql";
import type { ActionState } from "../../lib/partner/action-state";
import { formText } from "../../lib/partner/form-reader";
import { recordPath } from "../../lib/partner/record-specs";
import { saveRecordForm } from "../../lib/partner/record-writes";
import { SESSION_COOKIE } from "../../lib/partner/session";
import { type ApiFailure, type ApiResult, serverMutation } from "../../lib/server-api";

/** The values sent, for a refused form to show again (never the password). */
const sent = (form: FormData): Record<string, string> =>
  Object.fromEntries(
    [...form.entries()]
      .filter(([name, value]) => typeof value === "string" && name !== "password" && !name.startsWith("$ACTION"))
      .map(([k, v]) => [k, String(v)]),
  );
/** Only paths of this site: a sign-in link must not send anyone elsewhere. */
const localPath = (value: string, fallback: string): string => (/^\/(?![/\\])/.test(value) ? value : fallback);

/** A refusal: a form's problems are shown by its fields; a step's (submit, publish…) are said in full. */
function failed(error: ApiFailure, form?: FormData): ActionState {
  const problems = Object.values(error.problems);
  const count = problems.length;
  const summary = form
    ? `La saisie comporte ${count} erreur${count > 1 ? "s" : ""} : corrigez les champs signalés.`
    : `${error.message.split(" : ")[0]} : ${problems.join(" ")}`;
  return {
    error: count > 0 ? summary : error.message,
    problems: error.problems,
    values: form ? sent(form) : undefined,
    stale: error.code === "CONFLICT",
  };
}

/** After a write, every page of the partner space shows the new state. */
function done<Data>(result: ApiResult<Data>, ok: string, form?: FormData): ActionState {
  if (!result.ok) return failed(result.error, form);
  revalidatePath("/espace-partenaire", "layout");
  return { ok };
}

export async function signIn(_state: ActionState, form: FormData): Promise<ActionState> {
  const result = await serverMutation(graphql(`mutation SignIn($email: String!, $password: String!) { login(email: $email, password: $password) { name } }`), {
    email: formText(form, "email"),
    password: String(form.get("password") ?? ""),
  });
  if (!result.ok) return { error: result.error.message, values: { email: formText(form, "email") } };
  redirect(localPath(formText(form, "suite"), "/espace-partenaire"));
}

export async function signOut(): Promise<void> {
  await serverMutation(graphql(`mutation SignOut { logout }`), {});
  // Signed out on this browser even if the API could not be told.
  (await cookies()).delete(SESSION_COOKIE);
  redirect("/");
}

export async function saveRecord(_state: ActionState, form: FormData): Promise<ActionState> {
  const kind = RECORD_KINDS.find((k) => k === formText(form, "$kind"));
  if (!kind) return { error: "Type de fiche inconnu." };
  const id = formText(form, "$id");
  const result = await saveRecordForm(kind, id ? { id, version: Number(formText(form, "$version")) } : { partnerId: formText(form, "$partnerId") }, form);
  if (!result.ok) return failed(result.error, form);
  revalidatePath("/espace-partenaire", "layout");
  redirect(`${recordPath(kind, result.data.saved.databaseId)}?fait=${id ? "modifie" : "enregistre"}`);
}

const STEP = graphql(`
  fragment Step on RecordChange {
    status
    version
  }
`);

export async function submitRecord(_state: ActionState, form: FormData): Promise<ActionState> {
  const result = await serverMutation(graphql(`mutation Submit($id: ID!, $version: Int!) { submitRecord(id: $id, version: $version) { ...Step } }`, [STEP]), {
    id: formText(form, "id"),
    version: Number(formText(form, "version")),
  });
  return done(result, "Soumis pour relecture.");
}

export async function publishRecord(_state: ActionState, form: FormData): Promise<ActionState> {
  const result = await serverMutation(graphql(`mutation Publish($id: ID!, $version: Int!) { publishRecord(id: $id, version: $version) { ...Step } }`, [STEP]), {
    id: formText(form, "id"),
    version: Number(formText(form, "version")),
  });
  return done(result, "Publié : visible dans le tableau de bord et les données ouvertes.");
}

export async function rejectRecord(_state: ActionState, form: FormData): Promise<ActionState> {
  const result = await serverMutation(
    graphql(`mutation Reject($id: ID!, $version: Int!, $reason: String!) { rejectRecord(id: $id, version: $version, reason: $reason) { ...Step } }`, [STEP]),
    { id: formText(form, "id"), version: Number(formText(form, "version")), reason: formText(form, "reason") },
  );
  return done(result, "Rejeté ; l'organisation verra votre raison.");
}

export async function deleteRecord(_state: ActionState, form: FormData): Promise<ActionState> {
  const result = await serverMutation(graphql(`mutation Delete($id: ID!, $version: Int!) { deleteRecord(id: $id, version: $version) { ...Step } }`, [STEP]), {
    id: formText(form, "id"),
    version: Number(formText(form, "version")),
  });
  if (!result.ok) return failed(result.error);
  revalidatePath("/espace-partenaire", "layout");
  redirect("/espace-partenaire?fait=supprime");
}

export async function submitAllDrafts(_state: ActionState, form: FormData): Promise<ActionState> {
  const partnerId = formText(form, "partnerId");
  const result = await serverMutation(graphql(`mutation SubmitAll($partnerId: String!) { submitAllDrafts(partnerId: $partnerId) { changed remaining } }`), {
    partnerId,
  });
  if (!result.ok) return failed(result.error);
  revalidatePath("/espace-partenaire", "layout");
  // The button goes with the drafts: the page itself says what was done.
  redirect(`/espace-partenaire?${new URLSearchParams({ organisation: partnerId, soumises: String(result.data.submitAllDrafts.changed) })}`);
}

export async function publishAllSubmitted(_state: ActionState, form: FormData): Promise<ActionState> {
  const partnerId = formText(form, "partnerId");
  const result = await serverMutation(
    graphql(`mutation PublishAll($partnerId: String!) { publishAllSubmitted(partnerId: $partnerId) { changed remaining } }`),
    { partnerId },
  );
  if (!result.ok) return failed(result.error);
  revalidatePath("/espace-partenaire", "layout");
  const { changed, remaining } = result.data.publishAllSubmitted;
  redirect(`/espace-partenaire/relecture?${new URLSearchParams({ organisation: partnerId, publiees: String(changed), restees: String(remaining) })}`);
}

export async function addComment(_state: ActionState, form: FormData): Promise<ActionState> {
  const recordId = formText(form, "recordId") || null;
  const viewPath = recordId ? null : formText(form, "viewPath");
  const result = await serverMutation(
    graphql(
      `mutation AddComment($recordId: ID, $viewPath: String, $body: String!) { addComment(recordId: $recordId, viewPath: $viewPath, body: $body) { databaseId } }`,
    ),
    { recordId, viewPath, body: formText(form, "body") },
  );
  if (result.ok && viewPath) revalidatePath(viewPath.split("?")[0] ?? "/");
  return done(result, "Commentaire publié.");
}

export async function hideComment(_state: ActionState, form: FormData): Promise<ActionState> {
  const result = await serverMutation(graphql(`mutation HideComment($id: String!) { hideComment(id: $id) { hidden } }`), { id: formText(form, "id") });
  const viewPath = formText(form, "viewPath");
  if (result.ok && viewPath) revalidatePath(viewPath.split("?")[0] ?? "/");
  return done(result, "Commentaire masqué.");
}

export async function createUser(_state: ActionState, form: FormData): Promise<ActionState> {
  const result = await serverMutation(
    graphql(
      `mutation CreateUser($email: String!, $name: String!, $password: String!) { createUser(email: $email, name: $name, password: $password) { databaseId } }`,
    ),
    { email: formText(form, "email"), name: formText(form, "name"), password: String(form.get("password") ?? "") },
  );
  return done(result, "Compte créé : donnez-lui maintenant un rôle.", form);
}

export async function setRole(_state: ActionState, form: FormData): Promise<ActionState> {
  const role = MEMBER_ROLES.find((r) => r === formText(form, "role"));
  if (!role) return { error: "Choisissez un rôle de la liste.", problems: { role: "Choisissez un rôle de la liste." } };
  const result = await serverMutation(
    graphql(
      `mutation SetRole($userId: String!, $partnerId: String!, $role: MemberRole!) { setMembership(userId: $userId, partnerId: $partnerId, role: $role) { role } }`,
    ),
    { userId: formText(form, "userId"), partnerId: formText(form, "partnerId"), role },
  );
  return done(result, "Rôle enregistré.", form);
}

export async function removeRole(_state: ActionState, form: FormData): Promise<ActionState> {
  const result = await serverMutation(
    graphql(`mutation RemoveRole($userId: String!, $partnerId: String!) { removeMembership(userId: $userId, partnerId: $partnerId) }`),
    { userId: formText(form, "userId"), partnerId: formText(form, "partnerId") },
  );
  return done(result, "Rôle retiré.");
}

export async function cancelRegisterImport(_state: ActionState, _form: FormData): Promise<ActionState> {
  const result = await serverMutation(graphql(`mutation CancelRegisterImport { cancelRegisterImport }`), {});
  if (result.ok && !result.data.cancelRegisterImport) return { error: "Aucun import n'est en cours." };
  return done(result, "Annulation demandée : le registre reste tel qu'il était.");
}
