// The audit log's codes, in French.
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  CREATE: "Création",
  UPDATE: "Modification",
  SUBMIT: "Soumission pour relecture",
  PUBLISH: "Publication",
  REJECT: "Rejet",
  DELETE: "Suppression",
  GRANT_ROLE: "Rôle donné",
  REVOKE_ROLE: "Rôle retiré",
  HIDE: "Commentaire masqué",
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  Enterprise: "Entreprise",
  Incubation: "Incubation",
  JobRecord: "Emplois de l'année",
  Funding: "Financement",
  User: "Compte",
  Membership: "Rôle",
  Comment: "Commentaire",
};
