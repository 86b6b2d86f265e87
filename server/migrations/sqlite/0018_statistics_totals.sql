-- Stock counts per ancestor (ADR 0013, "Stocks per ancestor"): the province's dashboard summed
-- organisation_statistics (ADR 0006) over ~30,000 organisations for itself and again for each city, and counted
-- committees by path range — 90 of its 110 ms at province scale (docs/performance.md). organisation_statistics
-- now also counts committees in office, union-group inspectors and mass supervisors, and organisation_totals holds
-- its sums over every subtree, kept by triggers: a node's stock figures are one row.

ALTER TABLE organisation_statistics ADD COLUMN committees INTEGER NOT NULL DEFAULT 0;
ALTER TABLE organisation_statistics ADD COLUMN group_inspectors INTEGER NOT NULL DEFAULT 0;
ALTER TABLE organisation_statistics ADD COLUMN mass_supervisors INTEGER NOT NULL DEFAULT 0;

INSERT INTO organisation_statistics (organisation_id, committees)
SELECT organisation_id, COUNT(*) FROM lp_committees WHERE status = 'ACTIVE' GROUP BY organisation_id
ON CONFLICT (organisation_id) DO UPDATE SET committees = excluded.committees;
INSERT INTO organisation_statistics (organisation_id, group_inspectors, mass_supervisors)
SELECT organisation_id, SUM(kind = 'GROUP_INSPECTOR'), SUM(kind = 'MASS_SUPERVISOR') FROM lp_volunteers
WHERE status = 'ACTIVE' GROUP BY organisation_id
ON CONFLICT (organisation_id) DO UPDATE SET group_inspectors = excluded.group_inspectors,
    mass_supervisors = excluded.mass_supervisors;

CREATE TRIGGER organisation_statistics_committee_add AFTER INSERT ON lp_committees WHEN NEW.status = 'ACTIVE'
BEGIN
    INSERT INTO organisation_statistics (organisation_id, committees) VALUES (NEW.organisation_id, 1)
    ON CONFLICT (organisation_id) DO UPDATE SET committees = committees + 1;
END;
CREATE TRIGGER organisation_statistics_committee_delete AFTER DELETE ON lp_committees WHEN OLD.status = 'ACTIVE'
BEGIN
    UPDATE organisation_statistics SET committees = committees - 1 WHERE organisation_id = OLD.organisation_id;
END;
CREATE TRIGGER organisation_statistics_committee_update_remove AFTER UPDATE OF status, organisation_id ON lp_committees
WHEN OLD.status = 'ACTIVE'
BEGIN
    UPDATE organisation_statistics SET committees = committees - 1 WHERE organisation_id = OLD.organisation_id;
END;
CREATE TRIGGER organisation_statistics_committee_update_add AFTER UPDATE OF status, organisation_id ON lp_committees
WHEN NEW.status = 'ACTIVE'
BEGIN
    INSERT INTO organisation_statistics (organisation_id, committees) VALUES (NEW.organisation_id, 1)
    ON CONFLICT (organisation_id) DO UPDATE SET committees = committees + 1;
END;

CREATE TRIGGER organisation_statistics_volunteer_add AFTER INSERT ON lp_volunteers WHEN NEW.status = 'ACTIVE'
BEGIN
    INSERT INTO organisation_statistics (organisation_id, group_inspectors, mass_supervisors)
    VALUES (NEW.organisation_id, NEW.kind = 'GROUP_INSPECTOR', NEW.kind = 'MASS_SUPERVISOR')
    ON CONFLICT (organisation_id) DO UPDATE SET group_inspectors = group_inspectors + excluded.group_inspectors,
        mass_supervisors = mass_supervisors + excluded.mass_supervisors;
END;
CREATE TRIGGER organisation_statistics_volunteer_delete AFTER DELETE ON lp_volunteers WHEN OLD.status = 'ACTIVE'
BEGIN
    UPDATE organisation_statistics SET group_inspectors = group_inspectors - (OLD.kind = 'GROUP_INSPECTOR'),
        mass_supervisors = mass_supervisors - (OLD.kind = 'MASS_SUPERVISOR')
    WHERE organisation_id = OLD.organisation_id;
END;
CREATE TRIGGER organisation_statistics_volunteer_update_remove
AFTER UPDATE OF status, organisation_id, kind ON lp_volunteers WHEN OLD.status = 'ACTIVE'
BEGIN
    UPDATE organisation_statistics SET group_inspectors = group_inspectors - (OLD.kind = 'GROUP_INSPECTOR'),
        mass_supervisors = mass_supervisors - (OLD.kind = 'MASS_SUPERVISOR')
    WHERE organisation_id = OLD.organisation_id;
END;
CREATE TRIGGER organisation_statistics_volunteer_update_add
AFTER UPDATE OF status, organisation_id, kind ON lp_volunteers WHEN NEW.status = 'ACTIVE'
BEGIN
    INSERT INTO organisation_statistics (organisation_id, group_inspectors, mass_supervisors)
    VALUES (NEW.organisation_id, NEW.kind = 'GROUP_INSPECTOR', NEW.kind = 'MASS_SUPERVISOR')
    ON CONFLICT (organisation_id) DO UPDATE SET group_inspectors = group_inspectors + excluded.group_inspectors,
        mass_supervisors = mass_supervisors + excluded.mass_supervisors;
END;

-- The sums of organisation_statistics over each organisation's subtree.
CREATE TABLE organisation_totals (
    organisation_id INTEGER PRIMARY KEY,
    enterprises INTEGER NOT NULL DEFAULT 0,
    workers INTEGER NOT NULL DEFAULT 0,
    covered INTEGER NOT NULL DEFAULT 0,
    covered_workers INTEGER NOT NULL DEFAULT 0,
    non_public INTEGER NOT NULL DEFAULT 0,
    non_public_covered INTEGER NOT NULL DEFAULT 0,
    small_and_micro INTEGER NOT NULL DEFAULT 0,
    small_and_micro_covered INTEGER NOT NULL DEFAULT 0,
    with_committee INTEGER NOT NULL DEFAULT 0,
    inspectors INTEGER NOT NULL DEFAULT 0,
    committees INTEGER NOT NULL DEFAULT 0,
    group_inspectors INTEGER NOT NULL DEFAULT 0,
    mass_supervisors INTEGER NOT NULL DEFAULT 0
);

-- The same statement rebuilds the table (statistics::RebuildRollups).
INSERT INTO organisation_totals (organisation_id, enterprises, workers, covered, covered_workers, non_public,
    non_public_covered, small_and_micro, small_and_micro_covered, with_committee, inspectors, committees,
    group_inspectors, mass_supervisors)
SELECT a.ancestor_id, SUM(s.enterprises), SUM(s.workers), SUM(s.covered), SUM(s.covered_workers), SUM(s.non_public),
    SUM(s.non_public_covered), SUM(s.small_and_micro), SUM(s.small_and_micro_covered), SUM(s.with_committee),
    SUM(s.inspectors), SUM(s.committees), SUM(s.group_inspectors), SUM(s.mass_supervisors)
FROM organisation_statistics s JOIN organisation_ancestors a ON a.organisation_id = s.organisation_id
GROUP BY a.ancestor_id;

-- Every change of an organisation's counts goes, as a difference, to its ancestors-or-self.
CREATE TRIGGER organisation_totals_insert AFTER INSERT ON organisation_statistics
BEGIN
    INSERT INTO organisation_totals (organisation_id, enterprises, workers, covered, covered_workers, non_public,
        non_public_covered, small_and_micro, small_and_micro_covered, with_committee, inspectors, committees,
        group_inspectors, mass_supervisors)
    SELECT a.ancestor_id, NEW.enterprises, NEW.workers, NEW.covered, NEW.covered_workers, NEW.non_public,
        NEW.non_public_covered, NEW.small_and_micro, NEW.small_and_micro_covered, NEW.with_committee, NEW.inspectors,
        NEW.committees, NEW.group_inspectors, NEW.mass_supervisors
    FROM organisation_ancestors a WHERE a.organisation_id = NEW.organisation_id
    ON CONFLICT (organisation_id) DO UPDATE SET enterprises = enterprises + excluded.enterprises,
        workers = workers + excluded.workers, covered = covered + excluded.covered,
        covered_workers = covered_workers + excluded.covered_workers, non_public = non_public + excluded.non_public,
        non_public_covered = non_public_covered + excluded.non_public_covered,
        small_and_micro = small_and_micro + excluded.small_and_micro,
        small_and_micro_covered = small_and_micro_covered + excluded.small_and_micro_covered,
        with_committee = with_committee + excluded.with_committee, inspectors = inspectors + excluded.inspectors,
        committees = committees + excluded.committees, group_inspectors = group_inspectors + excluded.group_inspectors,
        mass_supervisors = mass_supervisors + excluded.mass_supervisors;
END;

CREATE TRIGGER organisation_totals_update AFTER UPDATE ON organisation_statistics
BEGIN
    INSERT INTO organisation_totals (organisation_id, enterprises, workers, covered, covered_workers, non_public,
        non_public_covered, small_and_micro, small_and_micro_covered, with_committee, inspectors, committees,
        group_inspectors, mass_supervisors)
    SELECT a.ancestor_id, NEW.enterprises - OLD.enterprises, NEW.workers - OLD.workers, NEW.covered - OLD.covered,
        NEW.covered_workers - OLD.covered_workers, NEW.non_public - OLD.non_public,
        NEW.non_public_covered - OLD.non_public_covered, NEW.small_and_micro - OLD.small_and_micro,
        NEW.small_and_micro_covered - OLD.small_and_micro_covered, NEW.with_committee - OLD.with_committee,
        NEW.inspectors - OLD.inspectors, NEW.committees - OLD.committees, NEW.group_inspectors - OLD.group_inspectors,
        NEW.mass_supervisors - OLD.mass_supervisors
    FROM organisation_ancestors a WHERE a.organisation_id = NEW.organisation_id
    ON CONFLICT (organisation_id) DO UPDATE SET enterprises = enterprises + excluded.enterprises,
        workers = workers + excluded.workers, covered = covered + excluded.covered,
        covered_workers = covered_workers + excluded.covered_workers, non_public = non_public + excluded.non_public,
        non_public_covered = non_public_covered + excluded.non_public_covered,
        small_and_micro = small_and_micro + excluded.small_and_micro,
        small_and_micro_covered = small_and_micro_covered + excluded.small_and_micro_covered,
        with_committee = with_committee + excluded.with_committee, inspectors = inspectors + excluded.inspectors,
        committees = committees + excluded.committees, group_inspectors = group_inspectors + excluded.group_inspectors,
        mass_supervisors = mass_supervisors + excluded.mass_supervisors;
END;

-- A moved organisation carries its subtree's totals from its old strict ancestors to its new ones (the same
-- condition as rollups_organisation_move: only the root of a move acts).
CREATE TRIGGER organisation_totals_move AFTER UPDATE OF path ON organisations
WHEN OLD.parent_id IS NOT NULL AND length(NEW.path) > 9
    AND substr(NEW.path, length(NEW.path) - 17, 9) <> printf('/%08d', OLD.parent_id)
BEGIN
    INSERT INTO organisation_totals (organisation_id, enterprises, workers, covered, covered_workers, non_public,
        non_public_covered, small_and_micro, small_and_micro_covered, with_committee, inspectors, committees,
        group_inspectors, mass_supervisors)
    SELECT a.id, s * t.enterprises, s * t.workers, s * t.covered, s * t.covered_workers, s * t.non_public,
        s * t.non_public_covered, s * t.small_and_micro, s * t.small_and_micro_covered, s * t.with_committee,
        s * t.inspectors, s * t.committees, s * t.group_inspectors, s * t.mass_supervisors
    FROM organisation_totals t
    JOIN (SELECT -1 AS s, OLD.path AS p UNION ALL SELECT 1, NEW.path) side
    JOIN organisations a ON a.path IN (substr(side.p, 1, 9), substr(side.p, 1, 18), substr(side.p, 1, 27),
        substr(side.p, 1, 36), substr(side.p, 1, 45), substr(side.p, 1, 54), substr(side.p, 1, 63),
        substr(side.p, 1, 72)) AND a.id <> NEW.id
    WHERE t.organisation_id = NEW.id
    ON CONFLICT (organisation_id) DO UPDATE SET enterprises = enterprises + excluded.enterprises,
        workers = workers + excluded.workers, covered = covered + excluded.covered,
        covered_workers = covered_workers + excluded.covered_workers, non_public = non_public + excluded.non_public,
        non_public_covered = non_public_covered + excluded.non_public_covered,
        small_and_micro = small_and_micro + excluded.small_and_micro,
        small_and_micro_covered = small_and_micro_covered + excluded.small_and_micro_covered,
        with_committee = with_committee + excluded.with_committee, inspectors = inspectors + excluded.inspectors,
        committees = committees + excluded.committees, group_inspectors = group_inspectors + excluded.group_inspectors,
        mass_supervisors = mass_supervisors + excluded.mass_supervisors;
END;
