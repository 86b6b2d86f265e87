-- Stock counts per ancestor (ADR 0013, "Stocks per ancestor"): the province's dashboard summed
-- organisation_statistics (ADR 0006) over ~30,000 organisations for itself and again for each city, and counted
-- committees by path range — 90 of its 110 ms at province scale (docs/performance.md). organisation_statistics
-- now also counts committees in office, union-group inspectors and mass supervisors, and organisation_totals holds
-- its sums over every subtree, kept by triggers: a node's stock figures are one row.

ALTER TABLE organisation_statistics ADD COLUMN committees BIGINT NOT NULL DEFAULT 0;
ALTER TABLE organisation_statistics ADD COLUMN group_inspectors BIGINT NOT NULL DEFAULT 0;
ALTER TABLE organisation_statistics ADD COLUMN mass_supervisors BIGINT NOT NULL DEFAULT 0;

INSERT INTO organisation_statistics AS s (organisation_id, committees)
SELECT organisation_id, COUNT(*) FROM lp_committees WHERE status = 'ACTIVE' GROUP BY organisation_id
ON CONFLICT (organisation_id) DO UPDATE SET committees = excluded.committees;
INSERT INTO organisation_statistics AS s (organisation_id, group_inspectors, mass_supervisors)
SELECT organisation_id, SUM((kind = 'GROUP_INSPECTOR')::int), SUM((kind = 'MASS_SUPERVISOR')::int) FROM lp_volunteers
WHERE status = 'ACTIVE' GROUP BY organisation_id
ON CONFLICT (organisation_id) DO UPDATE SET group_inspectors = excluded.group_inspectors,
    mass_supervisors = excluded.mass_supervisors;

-- Adds (sign 1) or takes away (sign -1) one committee or volunteer in office.
CREATE FUNCTION organisation_statistics_network_apply(p_organisation BIGINT, p_committees INTEGER,
                                                      p_group_inspectors INTEGER, p_mass_supervisors INTEGER)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO organisation_statistics AS s (organisation_id, committees, group_inspectors, mass_supervisors)
    VALUES (p_organisation, p_committees, p_group_inspectors, p_mass_supervisors)
    ON CONFLICT (organisation_id) DO UPDATE SET committees = s.committees + excluded.committees,
        group_inspectors = s.group_inspectors + excluded.group_inspectors,
        mass_supervisors = s.mass_supervisors + excluded.mass_supervisors
$$;

CREATE FUNCTION organisation_statistics_on_committee() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'ACTIVE' THEN
        PERFORM organisation_statistics_network_apply(OLD.organisation_id, -1, 0, 0);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'ACTIVE' THEN
        PERFORM organisation_statistics_network_apply(NEW.organisation_id, 1, 0, 0);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER organisation_statistics_committee AFTER INSERT OR DELETE OR UPDATE OF status, organisation_id
ON lp_committees FOR EACH ROW EXECUTE FUNCTION organisation_statistics_on_committee();

CREATE FUNCTION organisation_statistics_on_volunteer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'ACTIVE' THEN
        PERFORM organisation_statistics_network_apply(OLD.organisation_id, 0,
            -(OLD.kind = 'GROUP_INSPECTOR')::int, -(OLD.kind = 'MASS_SUPERVISOR')::int);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'ACTIVE' THEN
        PERFORM organisation_statistics_network_apply(NEW.organisation_id, 0,
            (NEW.kind = 'GROUP_INSPECTOR')::int, (NEW.kind = 'MASS_SUPERVISOR')::int);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER organisation_statistics_volunteer AFTER INSERT OR DELETE OR UPDATE OF status, organisation_id, kind
ON lp_volunteers FOR EACH ROW EXECUTE FUNCTION organisation_statistics_on_volunteer();

-- The sums of organisation_statistics over each organisation's subtree.
CREATE TABLE organisation_totals (
    organisation_id BIGINT PRIMARY KEY,
    enterprises BIGINT NOT NULL DEFAULT 0,
    workers BIGINT NOT NULL DEFAULT 0,
    covered BIGINT NOT NULL DEFAULT 0,
    covered_workers BIGINT NOT NULL DEFAULT 0,
    non_public BIGINT NOT NULL DEFAULT 0,
    non_public_covered BIGINT NOT NULL DEFAULT 0,
    small_and_micro BIGINT NOT NULL DEFAULT 0,
    small_and_micro_covered BIGINT NOT NULL DEFAULT 0,
    with_committee BIGINT NOT NULL DEFAULT 0,
    inspectors BIGINT NOT NULL DEFAULT 0,
    committees BIGINT NOT NULL DEFAULT 0,
    group_inspectors BIGINT NOT NULL DEFAULT 0,
    mass_supervisors BIGINT NOT NULL DEFAULT 0
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

-- Adds a difference of counts to every organisation whose path is one of `p_path`'s prefixes, but `p_skip`.
CREATE FUNCTION organisation_totals_apply(p_path TEXT, p_skip BIGINT, p_sign BIGINT, d organisation_totals)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO organisation_totals AS t (organisation_id, enterprises, workers, covered, covered_workers, non_public,
        non_public_covered, small_and_micro, small_and_micro_covered, with_committee, inspectors, committees,
        group_inspectors, mass_supervisors)
    SELECT a.id, p_sign * d.enterprises, p_sign * d.workers, p_sign * d.covered, p_sign * d.covered_workers,
        p_sign * d.non_public, p_sign * d.non_public_covered, p_sign * d.small_and_micro,
        p_sign * d.small_and_micro_covered, p_sign * d.with_committee, p_sign * d.inspectors, p_sign * d.committees,
        p_sign * d.group_inspectors, p_sign * d.mass_supervisors
    FROM organisations a WHERE a.path IN (substr(p_path, 1, 9), substr(p_path, 1, 18), substr(p_path, 1, 27),
        substr(p_path, 1, 36), substr(p_path, 1, 45), substr(p_path, 1, 54), substr(p_path, 1, 63),
        substr(p_path, 1, 72)) AND a.id IS DISTINCT FROM p_skip
    ON CONFLICT (organisation_id) DO UPDATE SET enterprises = t.enterprises + excluded.enterprises,
        workers = t.workers + excluded.workers, covered = t.covered + excluded.covered,
        covered_workers = t.covered_workers + excluded.covered_workers, non_public = t.non_public + excluded.non_public,
        non_public_covered = t.non_public_covered + excluded.non_public_covered,
        small_and_micro = t.small_and_micro + excluded.small_and_micro,
        small_and_micro_covered = t.small_and_micro_covered + excluded.small_and_micro_covered,
        with_committee = t.with_committee + excluded.with_committee, inspectors = t.inspectors + excluded.inspectors,
        committees = t.committees + excluded.committees, group_inspectors = t.group_inspectors + excluded.group_inspectors,
        mass_supervisors = t.mass_supervisors + excluded.mass_supervisors
$$;

-- Every change of an organisation's counts goes, as a difference, to its ancestors-or-self.
CREATE FUNCTION organisation_totals_on_statistics() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    difference organisation_totals;
BEGIN
    difference := ROW(NEW.organisation_id, NEW.enterprises, NEW.workers, NEW.covered, NEW.covered_workers,
        NEW.non_public, NEW.non_public_covered, NEW.small_and_micro, NEW.small_and_micro_covered, NEW.with_committee,
        NEW.inspectors, NEW.committees, NEW.group_inspectors, NEW.mass_supervisors);
    IF TG_OP = 'UPDATE' THEN
        difference := ROW(NEW.organisation_id, NEW.enterprises - OLD.enterprises, NEW.workers - OLD.workers,
            NEW.covered - OLD.covered, NEW.covered_workers - OLD.covered_workers, NEW.non_public - OLD.non_public,
            NEW.non_public_covered - OLD.non_public_covered, NEW.small_and_micro - OLD.small_and_micro,
            NEW.small_and_micro_covered - OLD.small_and_micro_covered, NEW.with_committee - OLD.with_committee,
            NEW.inspectors - OLD.inspectors, NEW.committees - OLD.committees,
            NEW.group_inspectors - OLD.group_inspectors, NEW.mass_supervisors - OLD.mass_supervisors);
    END IF;
    PERFORM organisation_totals_apply((SELECT path FROM organisations WHERE id = NEW.organisation_id), NULL, 1,
                                      difference);
    RETURN NULL;
END;
$$;
CREATE TRIGGER organisation_totals_on_statistics AFTER INSERT OR UPDATE ON organisation_statistics
FOR EACH ROW EXECUTE FUNCTION organisation_totals_on_statistics();

-- A moved organisation carries its subtree's totals from its old strict ancestors to its new ones (the same
-- condition as rollups_organisation_move: only the root of a move acts).
CREATE FUNCTION organisation_totals_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moved organisation_totals;
BEGIN
    SELECT * INTO moved FROM organisation_totals WHERE organisation_id = NEW.id;
    IF FOUND THEN
        PERFORM organisation_totals_apply(OLD.path, NEW.id, -1, moved);
        PERFORM organisation_totals_apply(NEW.path, NEW.id, 1, moved);
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER organisation_totals_move AFTER UPDATE OF path ON organisations FOR EACH ROW
WHEN (OLD.parent_id IS NOT NULL AND length(NEW.path) > 9
    AND substr(NEW.path, length(NEW.path) - 17, 9) <> '/' || lpad(OLD.parent_id::text, 8, '0'))
EXECUTE FUNCTION organisation_totals_move();
