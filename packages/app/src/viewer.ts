// Who is asking, and what their roles let them do: the one place these rules are written.
import type { MemberRole } from "@oess/domain";

/** A signed-in user and the partner organisations they belong to. */
export interface Viewer {
  userId: string;
  /** `coordinates`: the organisation coordinates the PTCE (its admins are the coordination). */
  memberships: ReadonlyArray<{ partnerId: string; role: MemberRole; coordinates: boolean }>;
  /** The session the request came with (absent for tests that build a viewer directly). */
  sessionId?: string;
}

/**
 * The coordination of the PTCE: admins of the organisation that coordinates it. They review and
 * publish every record and manage every account. An ADMIN of another organisation administers
 * that organisation only: its records (as an editor) and its members' roles.
 */
export const isCoordinator = (viewer: Viewer | null): boolean => viewer?.memberships.some((m) => m.role === "ADMIN" && m.coordinates) ?? false;

/** Whether the viewer administers this organisation: its own admins, and the coordination. */
export const isAdminOf = (viewer: Viewer | null, partnerId: string): boolean =>
  isCoordinator(viewer) || (viewer?.memberships.some((m) => m.partnerId === partnerId && m.role === "ADMIN") ?? false);

/** Whether the viewer may write this partner's records: its editors and admins, and the coordination. */
export const canEdit = (viewer: Viewer | null, partnerId: string): boolean =>
  isCoordinator(viewer) || (viewer?.memberships.some((m) => m.partnerId === partnerId && (m.role === "EDITOR" || m.role === "ADMIN")) ?? false);

/** Whether the viewer is a member of this partner, whatever the role. */
export const isMemberOf = (viewer: Viewer | null, partnerId: string): boolean => viewer?.memberships.some((m) => m.partnerId === partnerId) ?? false;
