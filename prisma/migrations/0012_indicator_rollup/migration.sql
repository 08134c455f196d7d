-- The published facts summed at the grain of the indicator dimensions (issue « read path »):
-- `indicators`, the headline figures and the indicators exports read these rollups instead of
-- scanning every published record. They are kept exact by triggers, in the transaction of every
-- write to the fact tables (publication, correction, unpublication, import, seed, truncation),
-- whatever code makes it. Two grains (at 910 939 fundings: 308 and 38 986 rows):
--   indicator_rollup_partner: source × year × partner × instrument × aid nature × incubation outcome;
--   indicator_rollup: the same × commune × legal family.
-- computeIndicators reads the smallest one that has every dimension a query groups or filters by;
-- finer ones (NAF section, cooperative kind, legal category) are summed from the records.
-- `facts` counts the records behind a row, and a row whose count falls to zero is removed, so
-- that a combination exists here exactly when a GROUP BY of the facts would give it.
-- Sources: 1 jobs (job_record), 2 incubations, 3 enterprises created, 4 fundings.
CREATE TABLE "indicator_rollup_partner" (
    "source" SMALLINT NOT NULL,
    "year" INTEGER,
    "partner_id" UUID,
    "instrument" TEXT,
    "aid_nature" TEXT,
    "incubation_outcome" TEXT,
    "jobs" BIGINT NOT NULL,
    "fte" NUMERIC NOT NULL,
    "incubated" BIGINT NOT NULL,
    "created" BIGINT NOT NULL,
    "amount" NUMERIC NOT NULL,
    "fundings" BIGINT NOT NULL,
    "facts" BIGINT NOT NULL,
    CONSTRAINT "indicator_rollup_partner_grain" UNIQUE NULLS NOT DISTINCT ("source", "year", "partner_id", "instrument", "aid_nature", "incubation_outcome")
);
CREATE TABLE "indicator_rollup" (
    "source" SMALLINT NOT NULL,
    "year" INTEGER,
    "commune_code" TEXT,
    "legal_family" TEXT,
    "partner_id" UUID,
    "instrument" TEXT,
    "aid_nature" TEXT,
    "incubation_outcome" TEXT,
    "jobs" BIGINT NOT NULL,
    "fte" NUMERIC NOT NULL,
    "incubated" BIGINT NOT NULL,
    "created" BIGINT NOT NULL,
    "amount" NUMERIC NOT NULL,
    "fundings" BIGINT NOT NULL,
    "facts" BIGINT NOT NULL,
    CONSTRAINT "indicator_rollup_grain" UNIQUE NULLS NOT DISTINCT ("source", "year", "commune_code", "legal_family", "partner_id", "instrument", "aid_nature", "incubation_outcome")
);
CREATE INDEX "indicator_rollup_partner_emptied" ON "indicator_rollup_partner" ("facts") WHERE "facts" = 0;
CREATE INDEX "indicator_rollup_emptied" ON "indicator_rollup" ("facts") WHERE "facts" = 0;
-- The dashboard's views of one commune or one legal family.
CREATE INDEX "indicator_rollup_commune" ON "indicator_rollup" ("commune_code", "legal_family");
CREATE INDEX "indicator_rollup_family" ON "indicator_rollup" ("legal_family");

-- The facts of one kind, with the sign given (+1 added, -1 removed), read from `source`: a FROM
-- clause where the record is j (jobs), i (incubation), e (enterprise created) or f (funding), and
-- its enterprise e. The same facts as computeIndicators reads from the records
-- (packages/db/src/queries/indicators.ts), which the tests compare the rollups with.
CREATE FUNCTION indicator_fact_sql(kind TEXT, source TEXT, sign INT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT format(CASE kind
    WHEN 'jobs' THEN 'SELECT 1, j.year, e.commune_code, e.legal_family::text, NULL::uuid, NULL::text, NULL::text, NULL::text,
        j.jobs_created::bigint * %2$s, j.fte * %2$s, 0::bigint, 0::bigint, 0::numeric, 0::bigint, %2$s::bigint FROM %1$s WHERE j.status = ''PUBLISHED'''
    WHEN 'incubations' THEN 'SELECT 2, extract(year FROM i.start_date)::int, e.commune_code, e.legal_family::text, i.supporting_partner_id, NULL::text, NULL::text, i.outcome::text,
        0::bigint, 0::numeric, %2$s::bigint, 0::bigint, 0::numeric, 0::bigint, %2$s::bigint FROM %1$s WHERE i.status = ''PUBLISHED'''
    WHEN 'created' THEN 'SELECT 3, extract(year FROM e.founded_on)::int, e.commune_code, e.legal_family::text, NULL::uuid, NULL::text, NULL::text, NULL::text,
        0::bigint, 0::numeric, 0::bigint, %2$s::bigint, 0::numeric, 0::bigint, %2$s::bigint FROM %1$s WHERE e.status = ''PUBLISHED'' AND e.founded_on IS NOT NULL'
    WHEN 'fundings' THEN 'SELECT 4, f.year, e.commune_code, e.legal_family::text, f.funder_id, f.instrument::text, f.aid_nature::text, NULL::text,
        0::bigint, 0::numeric, 0::bigint, 0::bigint, f.amount * %2$s, %2$s::bigint, %2$s::bigint FROM %1$s WHERE f.status = ''PUBLISHED'''
  END, source, sign)
$$;

-- The facts a set of rows of `source_table` contributes: `rows_name` is the set (a transition
-- table). An enterprise contributes its creation and, through its dimensions, its records' facts.
CREATE FUNCTION indicator_facts_sql(source_table TEXT, rows_name TEXT, sign INT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE source_table
    WHEN 'job_record' THEN indicator_fact_sql('jobs', rows_name || ' j JOIN enterprise e ON e.id = j.enterprise_id', sign)
    WHEN 'incubation' THEN indicator_fact_sql('incubations', rows_name || ' i JOIN enterprise e ON e.id = i.enterprise_id', sign)
    WHEN 'funding' THEN indicator_fact_sql('fundings', rows_name || ' f LEFT JOIN enterprise e ON e.id = f.beneficiary_enterprise_id', sign)
    WHEN 'enterprise' THEN concat_ws(' UNION ALL ',
      indicator_fact_sql('created', rows_name || ' e', sign),
      indicator_fact_sql('jobs', rows_name || ' e JOIN job_record j ON j.enterprise_id = e.id', sign),
      indicator_fact_sql('incubations', rows_name || ' e JOIN incubation i ON i.enterprise_id = e.id', sign),
      indicator_fact_sql('fundings', rows_name || ' e JOIN funding f ON f.beneficiary_enterprise_id = e.id', sign))
  END
$$;

-- Adds the facts (their signed sums per combination) to both rollups, in one statement.
CREATE FUNCTION indicator_rollup_merge(facts_sql TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT format(
    'WITH d (source, year, commune_code, legal_family, partner_id, instrument, aid_nature, incubation_outcome, jobs, fte, incubated, created, amount, fundings, facts) AS (%s),
     by_partner AS (
       INSERT INTO indicator_rollup_partner AS r (source, year, partner_id, instrument, aid_nature, incubation_outcome, jobs, fte, incubated, created, amount, fundings, facts)
       SELECT source, year, partner_id, instrument, aid_nature, incubation_outcome, sum(jobs), sum(fte), sum(incubated), sum(created), sum(amount), sum(fundings), sum(facts)
       FROM d GROUP BY source, year, partner_id, instrument, aid_nature, incubation_outcome
       ON CONFLICT ON CONSTRAINT indicator_rollup_partner_grain DO UPDATE SET
         jobs = r.jobs + excluded.jobs, fte = r.fte + excluded.fte, incubated = r.incubated + excluded.incubated, created = r.created + excluded.created,
         amount = r.amount + excluded.amount, fundings = r.fundings + excluded.fundings, facts = r.facts + excluded.facts)
     INSERT INTO indicator_rollup AS r (source, year, commune_code, legal_family, partner_id, instrument, aid_nature, incubation_outcome, jobs, fte, incubated, created, amount, fundings, facts)
     SELECT source, year, commune_code, legal_family, partner_id, instrument, aid_nature, incubation_outcome, sum(jobs), sum(fte), sum(incubated), sum(created), sum(amount), sum(fundings), sum(facts)
     FROM d GROUP BY source, year, commune_code, legal_family, partner_id, instrument, aid_nature, incubation_outcome
     ON CONFLICT ON CONSTRAINT indicator_rollup_grain DO UPDATE SET
       jobs = r.jobs + excluded.jobs, fte = r.fte + excluded.fte, incubated = r.incubated + excluded.incubated, created = r.created + excluded.created,
       amount = r.amount + excluded.amount, fundings = r.fundings + excluded.fundings, facts = r.facts + excluded.facts', facts_sql)
$$;

-- Once per statement, from its transition tables: a bulk insert of 10 000 records is one merge.
-- The statements are run by EXECUTE in this function, which sees the transition tables.
CREATE FUNCTION indicator_rollup_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE indicator_rollup_merge(indicator_facts_sql(TG_TABLE_NAME, 'old_rows', -1));
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    EXECUTE indicator_rollup_merge(indicator_facts_sql(TG_TABLE_NAME, 'new_rows', 1));
  END IF;
  DELETE FROM indicator_rollup_partner WHERE facts = 0;
  DELETE FROM indicator_rollup WHERE facts = 0;
  RETURN NULL;
END
$$;

-- TRUNCATE has no transition table: a truncated source is emptied (an enterprise is truncated
-- only with the records that refer to it, so all of them).
CREATE FUNCTION indicator_rollup_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  truncated INT := CASE TG_TABLE_NAME WHEN 'job_record' THEN 1 WHEN 'incubation' THEN 2 WHEN 'funding' THEN 4 END;
BEGIN
  DELETE FROM indicator_rollup_partner WHERE TG_TABLE_NAME = 'enterprise' OR source = truncated;
  DELETE FROM indicator_rollup WHERE TG_TABLE_NAME = 'enterprise' OR source = truncated;
  RETURN NULL;
END
$$;

CREATE TRIGGER "job_record_rollup_insert" AFTER INSERT ON "job_record" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_sync();
CREATE TRIGGER "job_record_rollup_update" AFTER UPDATE ON "job_record" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_sync();
CREATE TRIGGER "job_record_rollup_delete" AFTER DELETE ON "job_record" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_sync();
CREATE TRIGGER "job_record_rollup_truncate" AFTER TRUNCATE ON "job_record" FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_truncate();
CREATE TRIGGER "incubation_rollup_insert" AFTER INSERT ON "incubation" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_sync();
CREATE TRIGGER "incubation_rollup_update" AFTER UPDATE ON "incubation" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_sync();
CREATE TRIGGER "incubation_rollup_delete" AFTER DELETE ON "incubation" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_sync();
CREATE TRIGGER "incubation_rollup_truncate" AFTER TRUNCATE ON "incubation" FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_truncate();
CREATE TRIGGER "funding_rollup_insert" AFTER INSERT ON "funding" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_sync();
CREATE TRIGGER "funding_rollup_update" AFTER UPDATE ON "funding" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_sync();
CREATE TRIGGER "funding_rollup_delete" AFTER DELETE ON "funding" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_sync();
CREATE TRIGGER "funding_rollup_truncate" AFTER TRUNCATE ON "funding" FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_truncate();
CREATE TRIGGER "enterprise_rollup_insert" AFTER INSERT ON "enterprise" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_sync();
CREATE TRIGGER "enterprise_rollup_update" AFTER UPDATE ON "enterprise" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_sync();
CREATE TRIGGER "enterprise_rollup_delete" AFTER DELETE ON "enterprise" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_sync();
CREATE TRIGGER "enterprise_rollup_truncate" AFTER TRUNCATE ON "enterprise" FOR EACH STATEMENT EXECUTE FUNCTION indicator_rollup_truncate();

-- The facts already published.
DO $$
BEGIN
  EXECUTE indicator_rollup_merge(
    indicator_facts_sql('job_record', 'job_record', 1) || ' UNION ALL ' || indicator_facts_sql('incubation', 'incubation', 1)
    || ' UNION ALL ' || indicator_facts_sql('funding', 'funding', 1) || ' UNION ALL ' || indicator_fact_sql('created', 'enterprise e', 1));
END
$$;
