-- Bulk writes (the demo seed, imports, bulk reviews) without a cost per row where one per
-- statement does.

-- The SCDL publication rules of 0005, checked once per statement on all its rows at once: a
-- statement that publishes or imports ten thousand grants makes one query, not two lookups per
-- row. The rules, their order and their messages are 0005's: the first rule the first faulty row
-- breaks is named, with its column, and the statement is refused.
DROP TRIGGER "funding_scdl_publication" ON "funding";
DROP FUNCTION check_scdl_publication();

CREATE FUNCTION check_scdl_publications() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  broken text;
BEGIN
  SELECT CASE
      WHEN f."convention_date" IS NULL THEN 'convention_date'
      WHEN f."amount" <= 0 THEN 'amount'
      WHEN btrim(f."payment_terms") = '' OR length(f."payment_terms") >= 256 THEN 'payment_terms'
      ELSE 'beneficiary'
    END
    INTO broken
    FROM new_rows f
    JOIN "partner" funder ON funder."id" = f."funder_id" AND funder."is_public_body"
    LEFT JOIN "enterprise" e ON e."id" = f."beneficiary_enterprise_id"
    LEFT JOIN "partner" p ON p."id" = f."beneficiary_partner_id"
   WHERE f."status" = 'PUBLISHED' AND f."instrument" = 'GRANT'
     AND (f."convention_date" IS NULL OR f."amount" <= 0 OR btrim(f."payment_terms") = '' OR length(f."payment_terms") >= 256
          OR NOT coalesce(CASE WHEN f."beneficiary_enterprise_id" IS NOT NULL THEN e."siret" IS NOT NULL OR e."rna" IS NOT NULL ELSE p."siret" IS NOT NULL END, false))
   LIMIT 1;
  IF broken = 'convention_date' THEN
    RAISE EXCEPTION 'SCDL dateConvention: une subvention d''une personne publique ne peut être publiée sans date de convention'
      USING ERRCODE = 'check_violation', COLUMN = 'convention_date';
  ELSIF broken = 'amount' THEN
    RAISE EXCEPTION 'SCDL montant: une subvention publiée doit avoir un montant positif'
      USING ERRCODE = 'check_violation', COLUMN = 'amount';
  ELSIF broken = 'payment_terms' THEN
    RAISE EXCEPTION 'SCDL conditionsVersement: « unique », « échelonné » ou un texte de moins de 256 caractères'
      USING ERRCODE = 'check_violation', COLUMN = 'payment_terms';
  ELSIF broken = 'beneficiary' THEN
    RAISE EXCEPTION 'SCDL idBeneficiaire: le bénéficiaire d''une subvention publiée doit avoir un SIRET ou un numéro RNA'
      USING ERRCODE = 'check_violation', COLUMN = 'beneficiary_enterprise_id';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "funding_scdl_publication_insert" AFTER INSERT ON "funding"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION check_scdl_publications();
CREATE TRIGGER "funding_scdl_publication_update" AFTER UPDATE ON "funding"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION check_scdl_publications();

-- Both rollups rebuilt from the records in one pass, for a bulk load that sets the rollup triggers
-- aside (the demo seed: one sum over a million records instead of a merge per inserted batch).
-- With the default work_mem, PostgreSQL sorts the million facts on disk to group them; the groups
-- (some tens of thousands) fit in memory many times over.
CREATE FUNCTION indicator_rollup_refill() RETURNS void LANGUAGE plpgsql SET work_mem = '64MB' AS $$
BEGIN
  DELETE FROM indicator_rollup_partner;
  DELETE FROM indicator_rollup;
  EXECUTE indicator_rollup_merge(
    indicator_facts_sql('job_record', 'job_record', 1) || ' UNION ALL ' || indicator_facts_sql('incubation', 'incubation', 1)
    || ' UNION ALL ' || indicator_facts_sql('funding', 'funding', 1) || ' UNION ALL ' || indicator_fact_sql('created', 'enterprise e', 1));
END
$$;
