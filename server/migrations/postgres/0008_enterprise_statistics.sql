-- Coverage counts per organisation, kept by triggers in the writing transaction (ADR 0006), so the coverage-gap
-- roll-up and the uncovered-township list read one row per organisation instead of every enterprise: at province
-- scale (300,000 enterprises) the root roll-up sums ~30,000 rows. Only ACTIVE enterprises count.
-- enterprises.covered mirrors the current coverage (a period without end whose type is not NONE).

ALTER TABLE enterprises ADD COLUMN covered INTEGER NOT NULL DEFAULT 0;
UPDATE enterprises SET covered = 1 WHERE id IN (
    SELECT enterprise_id FROM union_coverage WHERE until_date IS NULL AND coverage_type <> 'NONE');

CREATE TABLE enterprise_statistics (
    organisation_id BIGINT PRIMARY KEY REFERENCES organisations (id),
    enterprises BIGINT NOT NULL DEFAULT 0,
    workers BIGINT NOT NULL DEFAULT 0,
    covered BIGINT NOT NULL DEFAULT 0,
    covered_workers BIGINT NOT NULL DEFAULT 0,
    non_public BIGINT NOT NULL DEFAULT 0,
    non_public_covered BIGINT NOT NULL DEFAULT 0,
    small_and_micro BIGINT NOT NULL DEFAULT 0,
    small_and_micro_covered BIGINT NOT NULL DEFAULT 0
);

-- Adds one enterprise's contribution (sign +1) or takes it away (sign -1).
CREATE FUNCTION enterprise_statistics_apply(p_organisation BIGINT, p_sign INTEGER, p_headcount BIGINT,
                                            p_covered INTEGER, p_component TEXT, p_size TEXT) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO enterprise_statistics AS s (organisation_id, enterprises, workers, covered, covered_workers,
        non_public, non_public_covered, small_and_micro, small_and_micro_covered)
    VALUES (p_organisation, p_sign, p_sign * p_headcount, p_sign * p_covered, p_sign * p_covered * p_headcount,
        p_sign * (p_component LIKE '2%')::int, p_sign * (p_component LIKE '2%')::int * p_covered,
        p_sign * (p_size IN ('SMALL', 'MICRO'))::int, p_sign * (p_size IN ('SMALL', 'MICRO'))::int * p_covered)
    ON CONFLICT (organisation_id) DO UPDATE SET
        enterprises = s.enterprises + excluded.enterprises, workers = s.workers + excluded.workers,
        covered = s.covered + excluded.covered, covered_workers = s.covered_workers + excluded.covered_workers,
        non_public = s.non_public + excluded.non_public,
        non_public_covered = s.non_public_covered + excluded.non_public_covered,
        small_and_micro = s.small_and_micro + excluded.small_and_micro,
        small_and_micro_covered = s.small_and_micro_covered + excluded.small_and_micro_covered
$$;

INSERT INTO enterprise_statistics (organisation_id, enterprises, workers, covered, covered_workers, non_public,
    non_public_covered, small_and_micro, small_and_micro_covered)
SELECT organisation_id, COUNT(*), SUM(headcount), SUM(covered), SUM(covered * headcount),
       SUM((economic_component LIKE '2%')::int), SUM((economic_component LIKE '2%')::int * covered),
       SUM((size_class IN ('SMALL', 'MICRO'))::int), SUM((size_class IN ('SMALL', 'MICRO'))::int * covered)
FROM enterprises WHERE status = 'ACTIVE' GROUP BY organisation_id;

-- An update is the old row taken out and the new one put in (both only when ACTIVE).
CREATE FUNCTION enterprise_statistics_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'ACTIVE' THEN
        PERFORM enterprise_statistics_apply(OLD.organisation_id, -1, OLD.headcount, OLD.covered,
                                            OLD.economic_component, OLD.size_class);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'ACTIVE' THEN
        PERFORM enterprise_statistics_apply(NEW.organisation_id, 1, NEW.headcount, NEW.covered,
                                            NEW.economic_component, NEW.size_class);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER enterprise_statistics_on_write
AFTER INSERT OR DELETE OR UPDATE OF organisation_id, status, headcount, economic_component, size_class, covered
ON enterprises FOR EACH ROW EXECUTE FUNCTION enterprise_statistics_on_write();

-- The current coverage decides enterprises.covered; periods end (until_date set) and begin (insert).
CREATE FUNCTION union_coverage_to_enterprise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE enterprises e SET covered = COALESCE((SELECT MAX((c.coverage_type <> 'NONE')::int) FROM union_coverage c
        WHERE c.enterprise_id = e.id AND c.until_date IS NULL), 0)
    WHERE e.id IN (CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.enterprise_id END,
                   CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.enterprise_id END);
    RETURN NULL;
END $$;

CREATE TRIGGER union_coverage_to_enterprise
AFTER INSERT OR DELETE OR UPDATE OF until_date, coverage_type, enterprise_id ON union_coverage
FOR EACH ROW EXECUTE FUNCTION union_coverage_to_enterprise();

-- Candidate unions report their load (enterprises covered now).
CREATE INDEX union_coverage_union_idx ON union_coverage (union_organisation_id, until_date);
