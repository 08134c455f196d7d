-- A grant from a public body must be exportable in SCDL « Subventions » 2.1.1 to be published
-- (loi n° 2000-321, art. 10): whoever writes, the database refuses to publish one that is not,
-- and says which SCDL field is missing. Drafts may stay incomplete.
CREATE FUNCTION check_scdl_publication() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  public_body boolean;
  identified boolean;
BEGIN
  IF NEW."status" <> 'PUBLISHED' OR NEW."instrument" <> 'GRANT' THEN
    RETURN NEW;
  END IF;
  SELECT "is_public_body" INTO public_body FROM "partner" WHERE "id" = NEW."funder_id";
  IF NOT coalesce(public_body, false) THEN
    RETURN NEW;
  END IF;
  IF NEW."convention_date" IS NULL THEN
    RAISE EXCEPTION 'SCDL dateConvention: une subvention d''une personne publique ne peut être publiée sans date de convention'
      USING ERRCODE = 'check_violation', COLUMN = 'convention_date';
  END IF;
  IF NEW."amount" <= 0 THEN
    RAISE EXCEPTION 'SCDL montant: une subvention publiée doit avoir un montant positif'
      USING ERRCODE = 'check_violation', COLUMN = 'amount';
  END IF;
  IF btrim(NEW."payment_terms") = '' OR length(NEW."payment_terms") >= 256 THEN
    RAISE EXCEPTION 'SCDL conditionsVersement: « unique », « échelonné » ou un texte de moins de 256 caractères'
      USING ERRCODE = 'check_violation', COLUMN = 'payment_terms';
  END IF;
  SELECT CASE WHEN NEW."beneficiary_enterprise_id" IS NOT NULL THEN e."siret" IS NOT NULL OR e."rna" IS NOT NULL ELSE p."siret" IS NOT NULL END
    INTO identified
    FROM (SELECT 1) AS one
    LEFT JOIN "enterprise" e ON e."id" = NEW."beneficiary_enterprise_id"
    LEFT JOIN "partner" p ON p."id" = NEW."beneficiary_partner_id";
  IF NOT coalesce(identified, false) THEN
    RAISE EXCEPTION 'SCDL idBeneficiaire: le bénéficiaire d''une subvention publiée doit avoir un SIRET ou un numéro RNA'
      USING ERRCODE = 'check_violation', COLUMN = 'beneficiary_enterprise_id';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "funding_scdl_publication" BEFORE INSERT OR UPDATE ON "funding"
  FOR EACH ROW EXECUTE FUNCTION check_scdl_publication();
