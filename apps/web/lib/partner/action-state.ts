// What a partner-space form gets back from its server action, shown in place by the form.
export interface ActionState {
  /** What went wrong, in French. */
  error?: string;
  /** Problems by field name, shown next to each field. */
  problems?: Record<string, string>;
  /** What was done, in French. */
  ok?: string;
  /** The values sent, so that a refused form keeps what was typed. */
  values?: Record<string, string>;
  /** Someone else changed the record meanwhile: reload before saving again. */
  stale?: boolean;
}

/** The success messages that a redirect carries in `?fait=`, so that a page can say what was done. */
const DONE_MESSAGES = {
  enregistre: "Brouillon enregistré.",
  modifie: "Modifications enregistrées.",
  supprime: "Brouillon supprimé.",
} as const;

export const doneMessage = (code: string | string[] | undefined): string | undefined => Object.entries(DONE_MESSAGES).find(([k]) => k === code)?.[1];
