-- Counts per organisation, kept by triggers in the writing transaction (ADR 0006), so the coverage-gap roll-up
-- and the uncovered-township list read one row per organisation instead of every enterprise and inspector: at
-- province scale (300,000 enterprises, 100,000 inspectors) the root roll-up sums ~30,000 rows. Only ACTIVE
-- enterprises and ACTIVE inspectors count. Two mirrors on the enterprise feed them: `covered` (a current coverage
-- period whose type is not NONE) and `with_committee` (covered by a union with a committee in office).

ALTER TABLE enterprises ADD COLUMN covered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE enterprises ADD COLUMN with_committee INTEGER NOT NULL DEFAULT 0;

-- Recomputes both mirrors for the given enterprises from their current coverage.
CREATE FUNCTION enterprise_mirrors_refresh(p_enterprises BIGINT[]) RETURNS void LANGUAGE sql AS $$
    UPDATE enterprises e SET
        covered = COALESCE((SELECT MAX((c.coverage_type <> 'NONE')::int) FROM union_coverage c
            WHERE c.enterprise_id = e.id AND c.until_date IS NULL), 0),
        with_committee = COALESCE((SELECT MAX((c.coverage_type <> 'NONE' AND EXISTS (SELECT 1 FROM lp_committees k
            WHERE k.organisation_id = c.union_organisation_id AND k.status = 'ACTIVE'))::int) FROM union_coverage c
            WHERE c.enterprise_id = e.id AND c.until_date IS NULL), 0)
    WHERE e.id = ANY (p_enterprises)
$$;

SELECT enterprise_mirrors_refresh(ARRAY(SELECT id FROM enterprises));

CREATE TABLE organisation_statistics (
    organisation_id BIGINT PRIMARY KEY REFERENCES organisations (id),
    enterprises BIGINT NOT NULL DEFAULT 0,
    workers BIGINT NOT NULL DEFAULT 0,
    covered BIGINT NOT NULL DEFAULT 0,
    covered_workers BIGINT NOT NULL DEFAULT 0,
    non_public BIGINT NOT NULL DEFAULT 0,
    non_public_covered BIGINT NOT NULL DEFAULT 0,
    small_and_micro BIGINT NOT NULL DEFAULT 0,
    small_and_micro_covered BIGINT NOT NULL DEFAULT 0,
    with_committee BIGINT NOT NULL DEFAULT 0,
    inspectors BIGINT NOT NULL DEFAULT 0
);

-- Adds one enterprise's contribution (sign +1) or takes it away (sign -1).
CREATE FUNCTION organisation_statistics_apply(p_organisation BIGINT, p_sign INTEGER, p_headcount BIGINT,
                                              p_covered INTEGER, p_component TEXT, p_size TEXT,
                                              p_with_committee INTEGER) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO organisation_statistics AS s (organisation_id, enterprises, workers, covered, covered_workers,
        non_public, non_public_covered, small_and_micro, small_and_micro_covered, with_committee)
    VALUES (p_organisation, p_sign, p_sign * p_headcount, p_sign * p_covered, p_sign * p_covered * p_headcount,
        p_sign * (p_component LIKE '2%')::int, p_sign * (p_component LIKE '2%')::int * p_covered,
        p_sign * (p_size IN ('SMALL', 'MICRO'))::int, p_sign * (p_size IN ('SMALL', 'MICRO'))::int * p_covered,
        p_sign * p_with_committee)
    ON CONFLICT (organisation_id) DO UPDATE SET
        enterprises = s.enterprises + excluded.enterprises, workers = s.workers + excluded.workers,
        covered = s.covered + excluded.covered, covered_workers = s.covered_workers + excluded.covered_workers,
        non_public = s.non_public + excluded.non_public,
        non_public_covered = s.non_public_covered + excluded.non_public_covered,
        small_and_micro = s.small_and_micro + excluded.small_and_micro,
        small_and_micro_covered = s.small_and_micro_covered + excluded.small_and_micro_covered,
        with_committee = s.with_committee + excluded.with_committee
$$;

INSERT INTO organisation_statistics (organisation_id, enterprises, workers, covered, covered_workers, non_public,
    non_public_covered, small_and_micro, small_and_micro_covered, with_committee)
SELECT organisation_id, COUNT(*), SUM(headcount), SUM(covered), SUM(covered * headcount),
       SUM((economic_component LIKE '2%')::int), SUM((economic_component LIKE '2%')::int * covered),
       SUM((size_class IN ('SMALL', 'MICRO'))::int), SUM((size_class IN ('SMALL', 'MICRO'))::int * covered),
       SUM(with_committee)
FROM enterprises WHERE status = 'ACTIVE' GROUP BY organisation_id;

INSERT INTO organisation_statistics AS s (organisation_id, inspectors)
SELECT home_organisation_id, COUNT(*) FROM lp_inspectors WHERE status = 'ACTIVE' GROUP BY home_organisation_id
ON CONFLICT (organisation_id) DO UPDATE SET inspectors = excluded.inspectors;

-- An update is the old row taken out and the new one put in (each only when ACTIVE).
CREATE FUNCTION organisation_statistics_on_enterprise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'ACTIVE' THEN
        PERFORM organisation_statistics_apply(OLD.organisation_id, -1, OLD.headcount, OLD.covered,
                                              OLD.economic_component, OLD.size_class, OLD.with_committee);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'ACTIVE' THEN
        PERFORM organisation_statistics_apply(NEW.organisation_id, 1, NEW.headcount, NEW.covered,
                                              NEW.economic_component, NEW.size_class, NEW.with_committee);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER organisation_statistics_on_enterprise
AFTER INSERT OR DELETE OR UPDATE OF organisation_id, status, headcount, economic_component, size_class, covered,
    with_committee
ON enterprises FOR EACH ROW EXECUTE FUNCTION organisation_statistics_on_enterprise();

-- with_committee joins two tables that two transactions may change at once (a coverage period by a union, a
-- committee of that union). At READ COMMITTED each trigger's refresh could miss the other's uncommitted row and
-- both commit a stale flag, so both take a transaction lock per union first (in id order): the second waits for
-- the first to commit, and its refresh, a later statement, sees what the first wrote. SQLite has one writer.
CREATE FUNCTION union_mirrors_lock(p_unions BIGINT[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    union_id BIGINT;
BEGIN
    FOR union_id IN SELECT DISTINCT u FROM unnest(p_unions) AS t (u) WHERE u IS NOT NULL ORDER BY 1 LOOP
        PERFORM pg_advisory_xact_lock(7302, union_id::int);
    END LOOP;
END $$;

-- Coverage periods end (until_date set) and begin (insert): the enterprise's mirrors follow.
CREATE FUNCTION enterprise_mirrors_on_coverage() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM union_mirrors_lock(ARRAY[NEW.union_organisation_id]);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM union_mirrors_lock(ARRAY[OLD.union_organisation_id]);
    ELSE
        PERFORM union_mirrors_lock(ARRAY[OLD.union_organisation_id, NEW.union_organisation_id]);
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM enterprise_mirrors_refresh(ARRAY[NEW.enterprise_id]);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM enterprise_mirrors_refresh(ARRAY[OLD.enterprise_id]);
    ELSE
        PERFORM enterprise_mirrors_refresh(ARRAY[OLD.enterprise_id, NEW.enterprise_id]);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER enterprise_mirrors_on_coverage
AFTER INSERT OR DELETE OR UPDATE OF until_date, coverage_type, enterprise_id, union_organisation_id
ON union_coverage FOR EACH ROW EXECUTE FUNCTION enterprise_mirrors_on_coverage();

-- A committee taking or leaving office changes with_committee for every enterprise its union covers now.
CREATE FUNCTION enterprise_mirrors_on_committee() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unions BIGINT[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        unions := ARRAY[NEW.organisation_id];
    ELSIF TG_OP = 'DELETE' THEN
        unions := ARRAY[OLD.organisation_id];
    ELSE
        unions := ARRAY[OLD.organisation_id, NEW.organisation_id];
    END IF;
    PERFORM union_mirrors_lock(unions);
    PERFORM enterprise_mirrors_refresh(ARRAY(SELECT c.enterprise_id FROM union_coverage c
        WHERE c.until_date IS NULL AND c.union_organisation_id = ANY (unions)));
    RETURN NULL;
END $$;

CREATE TRIGGER enterprise_mirrors_on_committee
AFTER INSERT OR DELETE OR UPDATE OF status, organisation_id ON lp_committees
FOR EACH ROW EXECUTE FUNCTION enterprise_mirrors_on_committee();

-- Inspectors in office, by home organisation.
CREATE FUNCTION organisation_statistics_on_inspector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'ACTIVE' THEN
        UPDATE organisation_statistics SET inspectors = inspectors - 1 WHERE organisation_id = OLD.home_organisation_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'ACTIVE' THEN
        INSERT INTO organisation_statistics AS s (organisation_id, inspectors) VALUES (NEW.home_organisation_id, 1)
        ON CONFLICT (organisation_id) DO UPDATE SET inspectors = s.inspectors + 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER organisation_statistics_on_inspector
AFTER INSERT OR DELETE OR UPDATE OF status, home_organisation_id ON lp_inspectors
FOR EACH ROW EXECUTE FUNCTION organisation_statistics_on_inspector();

-- At most one current coverage period per enterprise: the mirrors, the roll-ups and the uncovered list all read
-- "the" current period; two concurrent changes of one enterprise's coverage now conflict instead of leaving two.
CREATE UNIQUE INDEX union_coverage_one_current ON union_coverage (enterprise_id) WHERE until_date IS NULL;

-- Candidate unions report their load (enterprises covered now); committee triggers find a union's enterprises.
CREATE INDEX union_coverage_union_idx ON union_coverage (union_organisation_id, until_date);
