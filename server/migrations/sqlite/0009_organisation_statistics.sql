-- Counts per organisation, kept by triggers in the writing transaction (ADR 0006), so the coverage-gap roll-up
-- and the uncovered-township list read one row per organisation instead of every enterprise and inspector: at
-- province scale (300,000 enterprises, 100,000 inspectors) the root roll-up sums ~30,000 rows. Only ACTIVE
-- enterprises and ACTIVE inspectors count. Two mirrors on the enterprise feed them: `covered` (a current coverage
-- period whose type is not NONE) and `with_committee` (covered by a union with a committee in office).

ALTER TABLE enterprises ADD COLUMN covered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE enterprises ADD COLUMN with_committee INTEGER NOT NULL DEFAULT 0;
    UPDATE enterprises SET
        covered = COALESCE((SELECT MAX(c.coverage_type <> 'NONE') FROM union_coverage c
            WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0),
        with_committee = COALESCE((SELECT MAX(c.coverage_type <> 'NONE' AND EXISTS (SELECT 1 FROM lp_committees k
            WHERE k.organisation_id = c.union_organisation_id AND k.status = 'ACTIVE')) FROM union_coverage c
            WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0)
    WHERE id IN (SELECT id FROM enterprises);

CREATE TABLE organisation_statistics (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisations (id),
    enterprises INTEGER NOT NULL DEFAULT 0,
    workers INTEGER NOT NULL DEFAULT 0,
    covered INTEGER NOT NULL DEFAULT 0,
    covered_workers INTEGER NOT NULL DEFAULT 0,
    non_public INTEGER NOT NULL DEFAULT 0,
    non_public_covered INTEGER NOT NULL DEFAULT 0,
    small_and_micro INTEGER NOT NULL DEFAULT 0,
    small_and_micro_covered INTEGER NOT NULL DEFAULT 0,
    with_committee INTEGER NOT NULL DEFAULT 0,
    inspectors INTEGER NOT NULL DEFAULT 0
);

INSERT INTO organisation_statistics (organisation_id, enterprises, workers, covered, covered_workers, non_public, non_public_covered, small_and_micro, small_and_micro_covered, with_committee)
SELECT organisation_id, COUNT(*), SUM(headcount), SUM(covered), SUM(covered * headcount),
       SUM(economic_component LIKE '2%'), SUM((economic_component LIKE '2%') * covered),
       SUM(size_class IN ('SMALL', 'MICRO')), SUM((size_class IN ('SMALL', 'MICRO')) * covered), SUM(with_committee)
FROM enterprises WHERE status = 'ACTIVE' GROUP BY organisation_id;

INSERT INTO organisation_statistics (organisation_id, inspectors)
SELECT home_organisation_id, COUNT(*) FROM lp_inspectors WHERE status = 'ACTIVE' GROUP BY home_organisation_id
ON CONFLICT (organisation_id) DO UPDATE SET inspectors = excluded.inspectors;

CREATE TRIGGER organisation_statistics_enterprise_insert AFTER INSERT ON enterprises WHEN NEW.status = 'ACTIVE'
BEGIN
    INSERT INTO organisation_statistics (organisation_id, enterprises, workers, covered, covered_workers, non_public, non_public_covered, small_and_micro, small_and_micro_covered, with_committee)
    VALUES (NEW.organisation_id, 1, NEW.headcount, NEW.covered, NEW.covered * NEW.headcount,
        NEW.economic_component LIKE '2%', (NEW.economic_component LIKE '2%') * NEW.covered,
        NEW.size_class IN ('SMALL', 'MICRO'), (NEW.size_class IN ('SMALL', 'MICRO')) * NEW.covered, NEW.with_committee)
    ON CONFLICT (organisation_id) DO UPDATE SET
        enterprises = enterprises + excluded.enterprises, workers = workers + excluded.workers,
        covered = covered + excluded.covered, covered_workers = covered_workers + excluded.covered_workers,
        non_public = non_public + excluded.non_public,
        non_public_covered = non_public_covered + excluded.non_public_covered,
        small_and_micro = small_and_micro + excluded.small_and_micro,
        small_and_micro_covered = small_and_micro_covered + excluded.small_and_micro_covered,
        with_committee = with_committee + excluded.with_committee;
END;

CREATE TRIGGER organisation_statistics_enterprise_delete AFTER DELETE ON enterprises WHEN OLD.status = 'ACTIVE'
BEGIN
    UPDATE organisation_statistics SET
        enterprises = enterprises - 1, workers = workers - OLD.headcount, covered = covered - OLD.covered,
        covered_workers = covered_workers - OLD.covered * OLD.headcount,
        non_public = non_public - (OLD.economic_component LIKE '2%'),
        non_public_covered = non_public_covered - (OLD.economic_component LIKE '2%') * OLD.covered,
        small_and_micro = small_and_micro - (OLD.size_class IN ('SMALL', 'MICRO')),
        small_and_micro_covered = small_and_micro_covered - (OLD.size_class IN ('SMALL', 'MICRO')) * OLD.covered,
        with_committee = with_committee - OLD.with_committee
    WHERE organisation_id = OLD.organisation_id;
END;

-- An update is the old row taken out and the new one put in (each only when ACTIVE).
CREATE TRIGGER organisation_statistics_enterprise_update_remove
AFTER UPDATE OF organisation_id, status, headcount, economic_component, size_class, covered, with_committee ON enterprises
WHEN OLD.status = 'ACTIVE'
BEGIN
    UPDATE organisation_statistics SET
        enterprises = enterprises - 1, workers = workers - OLD.headcount, covered = covered - OLD.covered,
        covered_workers = covered_workers - OLD.covered * OLD.headcount,
        non_public = non_public - (OLD.economic_component LIKE '2%'),
        non_public_covered = non_public_covered - (OLD.economic_component LIKE '2%') * OLD.covered,
        small_and_micro = small_and_micro - (OLD.size_class IN ('SMALL', 'MICRO')),
        small_and_micro_covered = small_and_micro_covered - (OLD.size_class IN ('SMALL', 'MICRO')) * OLD.covered,
        with_committee = with_committee - OLD.with_committee
    WHERE organisation_id = OLD.organisation_id;
END;

CREATE TRIGGER organisation_statistics_enterprise_update_add
AFTER UPDATE OF organisation_id, status, headcount, economic_component, size_class, covered, with_committee ON enterprises
WHEN NEW.status = 'ACTIVE'
BEGIN
    INSERT INTO organisation_statistics (organisation_id, enterprises, workers, covered, covered_workers, non_public, non_public_covered, small_and_micro, small_and_micro_covered, with_committee)
    VALUES (NEW.organisation_id, 1, NEW.headcount, NEW.covered, NEW.covered * NEW.headcount,
        NEW.economic_component LIKE '2%', (NEW.economic_component LIKE '2%') * NEW.covered,
        NEW.size_class IN ('SMALL', 'MICRO'), (NEW.size_class IN ('SMALL', 'MICRO')) * NEW.covered, NEW.with_committee)
    ON CONFLICT (organisation_id) DO UPDATE SET
        enterprises = enterprises + excluded.enterprises, workers = workers + excluded.workers,
        covered = covered + excluded.covered, covered_workers = covered_workers + excluded.covered_workers,
        non_public = non_public + excluded.non_public,
        non_public_covered = non_public_covered + excluded.non_public_covered,
        small_and_micro = small_and_micro + excluded.small_and_micro,
        small_and_micro_covered = small_and_micro_covered + excluded.small_and_micro_covered,
        with_committee = with_committee + excluded.with_committee;
END;

-- Coverage periods end (until_date set) and begin (insert): the enterprise's mirrors follow.
CREATE TRIGGER enterprise_mirrors_on_coverage_insert AFTER INSERT ON union_coverage
BEGIN
    UPDATE enterprises SET
        covered = COALESCE((SELECT MAX(c.coverage_type <> 'NONE') FROM union_coverage c
            WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0),
        with_committee = COALESCE((SELECT MAX(c.coverage_type <> 'NONE' AND EXISTS (SELECT 1 FROM lp_committees k
            WHERE k.organisation_id = c.union_organisation_id AND k.status = 'ACTIVE')) FROM union_coverage c
            WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0)
    WHERE id IN (NEW.enterprise_id);
END;

CREATE TRIGGER enterprise_mirrors_on_coverage_update
AFTER UPDATE OF until_date, coverage_type, enterprise_id, union_organisation_id ON union_coverage
BEGIN
    UPDATE enterprises SET
        covered = COALESCE((SELECT MAX(c.coverage_type <> 'NONE') FROM union_coverage c
            WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0),
        with_committee = COALESCE((SELECT MAX(c.coverage_type <> 'NONE' AND EXISTS (SELECT 1 FROM lp_committees k
            WHERE k.organisation_id = c.union_organisation_id AND k.status = 'ACTIVE')) FROM union_coverage c
            WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0)
    WHERE id IN (OLD.enterprise_id, NEW.enterprise_id);
END;

CREATE TRIGGER enterprise_mirrors_on_coverage_delete AFTER DELETE ON union_coverage
BEGIN
    UPDATE enterprises SET
        covered = COALESCE((SELECT MAX(c.coverage_type <> 'NONE') FROM union_coverage c
            WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0),
        with_committee = COALESCE((SELECT MAX(c.coverage_type <> 'NONE' AND EXISTS (SELECT 1 FROM lp_committees k
            WHERE k.organisation_id = c.union_organisation_id AND k.status = 'ACTIVE')) FROM union_coverage c
            WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0)
    WHERE id IN (OLD.enterprise_id);
END;

-- A committee taking or leaving office changes with_committee for every enterprise its union covers now.
CREATE TRIGGER enterprise_mirrors_on_committee_insert AFTER INSERT ON lp_committees
BEGIN
    UPDATE enterprises SET
        covered = COALESCE((SELECT MAX(c.coverage_type <> 'NONE') FROM union_coverage c
            WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0),
        with_committee = COALESCE((SELECT MAX(c.coverage_type <> 'NONE' AND EXISTS (SELECT 1 FROM lp_committees k
            WHERE k.organisation_id = c.union_organisation_id AND k.status = 'ACTIVE')) FROM union_coverage c
            WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0)
    WHERE id IN (SELECT c.enterprise_id FROM union_coverage c WHERE c.until_date IS NULL AND c.union_organisation_id IN (NEW.organisation_id));
END;

CREATE TRIGGER enterprise_mirrors_on_committee_update AFTER UPDATE OF status, organisation_id ON lp_committees
BEGIN
    UPDATE enterprises SET
        covered = COALESCE((SELECT MAX(c.coverage_type <> 'NONE') FROM union_coverage c
            WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0),
        with_committee = COALESCE((SELECT MAX(c.coverage_type <> 'NONE' AND EXISTS (SELECT 1 FROM lp_committees k
            WHERE k.organisation_id = c.union_organisation_id AND k.status = 'ACTIVE')) FROM union_coverage c
            WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0)
    WHERE id IN (SELECT c.enterprise_id FROM union_coverage c WHERE c.until_date IS NULL AND c.union_organisation_id IN (OLD.organisation_id, NEW.organisation_id));
END;

CREATE TRIGGER enterprise_mirrors_on_committee_delete AFTER DELETE ON lp_committees
BEGIN
    UPDATE enterprises SET
        covered = COALESCE((SELECT MAX(c.coverage_type <> 'NONE') FROM union_coverage c
            WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0),
        with_committee = COALESCE((SELECT MAX(c.coverage_type <> 'NONE' AND EXISTS (SELECT 1 FROM lp_committees k
            WHERE k.organisation_id = c.union_organisation_id AND k.status = 'ACTIVE')) FROM union_coverage c
            WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0)
    WHERE id IN (SELECT c.enterprise_id FROM union_coverage c WHERE c.until_date IS NULL AND c.union_organisation_id IN (OLD.organisation_id));
END;

-- Inspectors in office, by home organisation.
CREATE TRIGGER organisation_statistics_inspector_insert AFTER INSERT ON lp_inspectors WHEN NEW.status = 'ACTIVE'
BEGIN
    INSERT INTO organisation_statistics (organisation_id, inspectors) VALUES (NEW.home_organisation_id, 1)
    ON CONFLICT (organisation_id) DO UPDATE SET inspectors = inspectors + 1;
END;

CREATE TRIGGER organisation_statistics_inspector_delete AFTER DELETE ON lp_inspectors WHEN OLD.status = 'ACTIVE'
BEGIN
    UPDATE organisation_statistics SET inspectors = inspectors - 1 WHERE organisation_id = OLD.home_organisation_id;
END;

CREATE TRIGGER organisation_statistics_inspector_update_remove
AFTER UPDATE OF status, home_organisation_id ON lp_inspectors WHEN OLD.status = 'ACTIVE'
BEGIN
    UPDATE organisation_statistics SET inspectors = inspectors - 1 WHERE organisation_id = OLD.home_organisation_id;
END;

CREATE TRIGGER organisation_statistics_inspector_update_add
AFTER UPDATE OF status, home_organisation_id ON lp_inspectors WHEN NEW.status = 'ACTIVE'
BEGIN
    INSERT INTO organisation_statistics (organisation_id, inspectors) VALUES (NEW.home_organisation_id, 1)
    ON CONFLICT (organisation_id) DO UPDATE SET inspectors = inspectors + 1;
END;

-- At most one current coverage period per enterprise: the mirrors, the roll-ups and the uncovered list all read
-- "the" current period; two concurrent changes of one enterprise's coverage now conflict instead of leaving two.
CREATE UNIQUE INDEX union_coverage_one_current ON union_coverage (enterprise_id) WHERE until_date IS NULL;

-- Candidate unions report their load (enterprises covered now); committee triggers find a union's enterprises.
CREATE INDEX union_coverage_union_idx ON union_coverage (union_organisation_id, until_date);
