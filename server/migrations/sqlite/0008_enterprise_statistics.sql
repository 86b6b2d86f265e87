-- Coverage counts per organisation, kept by triggers in the writing transaction (ADR 0006), so the coverage-gap
-- roll-up and the uncovered-township list read one row per organisation instead of every enterprise: at province
-- scale (300,000 enterprises) the root roll-up sums ~30,000 rows. Only ACTIVE enterprises count.
-- enterprises.covered mirrors the current coverage (a period without end whose type is not NONE).

ALTER TABLE enterprises ADD COLUMN covered INTEGER NOT NULL DEFAULT 0;
UPDATE enterprises SET covered = 1 WHERE id IN (
    SELECT enterprise_id FROM union_coverage WHERE until_date IS NULL AND coverage_type <> 'NONE');

CREATE TABLE enterprise_statistics (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisations (id),
    enterprises INTEGER NOT NULL DEFAULT 0,
    workers INTEGER NOT NULL DEFAULT 0,
    covered INTEGER NOT NULL DEFAULT 0,
    covered_workers INTEGER NOT NULL DEFAULT 0,
    non_public INTEGER NOT NULL DEFAULT 0,
    non_public_covered INTEGER NOT NULL DEFAULT 0,
    small_and_micro INTEGER NOT NULL DEFAULT 0,
    small_and_micro_covered INTEGER NOT NULL DEFAULT 0
);

INSERT INTO enterprise_statistics (organisation_id, enterprises, workers, covered, covered_workers, non_public,
    non_public_covered, small_and_micro, small_and_micro_covered)
SELECT organisation_id, COUNT(*), SUM(headcount), SUM(covered), SUM(covered * headcount),
       SUM(economic_component LIKE '2%'), SUM((economic_component LIKE '2%') * covered),
       SUM(size_class IN ('SMALL', 'MICRO')), SUM((size_class IN ('SMALL', 'MICRO')) * covered)
FROM enterprises WHERE status = 'ACTIVE' GROUP BY organisation_id;

CREATE TRIGGER enterprise_statistics_on_insert AFTER INSERT ON enterprises WHEN NEW.status = 'ACTIVE'
BEGIN
    INSERT INTO enterprise_statistics (organisation_id, enterprises, workers, covered, covered_workers, non_public,
        non_public_covered, small_and_micro, small_and_micro_covered)
    VALUES (NEW.organisation_id, 1, NEW.headcount, NEW.covered, NEW.covered * NEW.headcount,
        NEW.economic_component LIKE '2%', (NEW.economic_component LIKE '2%') * NEW.covered,
        NEW.size_class IN ('SMALL', 'MICRO'), (NEW.size_class IN ('SMALL', 'MICRO')) * NEW.covered)
    ON CONFLICT (organisation_id) DO UPDATE SET
        enterprises = enterprises + excluded.enterprises, workers = workers + excluded.workers,
        covered = covered + excluded.covered, covered_workers = covered_workers + excluded.covered_workers,
        non_public = non_public + excluded.non_public,
        non_public_covered = non_public_covered + excluded.non_public_covered,
        small_and_micro = small_and_micro + excluded.small_and_micro,
        small_and_micro_covered = small_and_micro_covered + excluded.small_and_micro_covered;
END;

CREATE TRIGGER enterprise_statistics_on_delete AFTER DELETE ON enterprises WHEN OLD.status = 'ACTIVE'
BEGIN
    UPDATE enterprise_statistics SET
        enterprises = enterprises - 1, workers = workers - OLD.headcount, covered = covered - OLD.covered,
        covered_workers = covered_workers - OLD.covered * OLD.headcount,
        non_public = non_public - (OLD.economic_component LIKE '2%'),
        non_public_covered = non_public_covered - (OLD.economic_component LIKE '2%') * OLD.covered,
        small_and_micro = small_and_micro - (OLD.size_class IN ('SMALL', 'MICRO')),
        small_and_micro_covered = small_and_micro_covered - (OLD.size_class IN ('SMALL', 'MICRO')) * OLD.covered
    WHERE organisation_id = OLD.organisation_id;
END;

-- An update is the old row taken out and the new one put in (both only when ACTIVE).
CREATE TRIGGER enterprise_statistics_on_update_remove
AFTER UPDATE OF organisation_id, status, headcount, economic_component, size_class, covered ON enterprises
WHEN OLD.status = 'ACTIVE'
BEGIN
    UPDATE enterprise_statistics SET
        enterprises = enterprises - 1, workers = workers - OLD.headcount, covered = covered - OLD.covered,
        covered_workers = covered_workers - OLD.covered * OLD.headcount,
        non_public = non_public - (OLD.economic_component LIKE '2%'),
        non_public_covered = non_public_covered - (OLD.economic_component LIKE '2%') * OLD.covered,
        small_and_micro = small_and_micro - (OLD.size_class IN ('SMALL', 'MICRO')),
        small_and_micro_covered = small_and_micro_covered - (OLD.size_class IN ('SMALL', 'MICRO')) * OLD.covered
    WHERE organisation_id = OLD.organisation_id;
END;

CREATE TRIGGER enterprise_statistics_on_update_add
AFTER UPDATE OF organisation_id, status, headcount, economic_component, size_class, covered ON enterprises
WHEN NEW.status = 'ACTIVE'
BEGIN
    INSERT INTO enterprise_statistics (organisation_id, enterprises, workers, covered, covered_workers, non_public,
        non_public_covered, small_and_micro, small_and_micro_covered)
    VALUES (NEW.organisation_id, 1, NEW.headcount, NEW.covered, NEW.covered * NEW.headcount,
        NEW.economic_component LIKE '2%', (NEW.economic_component LIKE '2%') * NEW.covered,
        NEW.size_class IN ('SMALL', 'MICRO'), (NEW.size_class IN ('SMALL', 'MICRO')) * NEW.covered)
    ON CONFLICT (organisation_id) DO UPDATE SET
        enterprises = enterprises + excluded.enterprises, workers = workers + excluded.workers,
        covered = covered + excluded.covered, covered_workers = covered_workers + excluded.covered_workers,
        non_public = non_public + excluded.non_public,
        non_public_covered = non_public_covered + excluded.non_public_covered,
        small_and_micro = small_and_micro + excluded.small_and_micro,
        small_and_micro_covered = small_and_micro_covered + excluded.small_and_micro_covered;
END;

-- The current coverage decides enterprises.covered; periods end (until_date set) and begin (insert).
CREATE TRIGGER union_coverage_covered_on_insert AFTER INSERT ON union_coverage
BEGIN
    UPDATE enterprises SET covered = COALESCE((SELECT MAX(c.coverage_type <> 'NONE') FROM union_coverage c
        WHERE c.enterprise_id = NEW.enterprise_id AND c.until_date IS NULL), 0)
    WHERE id = NEW.enterprise_id;
END;

CREATE TRIGGER union_coverage_covered_on_update AFTER UPDATE OF until_date, coverage_type, enterprise_id ON union_coverage
BEGIN
    UPDATE enterprises SET covered = COALESCE((SELECT MAX(c.coverage_type <> 'NONE') FROM union_coverage c
        WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0)
    WHERE id IN (OLD.enterprise_id, NEW.enterprise_id);
END;

CREATE TRIGGER union_coverage_covered_on_delete AFTER DELETE ON union_coverage
BEGIN
    UPDATE enterprises SET covered = COALESCE((SELECT MAX(c.coverage_type <> 'NONE') FROM union_coverage c
        WHERE c.enterprise_id = OLD.enterprise_id AND c.until_date IS NULL), 0)
    WHERE id = OLD.enterprise_id;
END;

-- Candidate unions report their load (enterprises covered now).
CREATE INDEX union_coverage_union_idx ON union_coverage (union_organisation_id, until_date);
