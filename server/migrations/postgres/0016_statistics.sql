-- Statistics (ADR 0013): hazards and worker reports counted for every ancestor-or-self of their enterprise's
-- organisation (territorial attribution), by month and by the attributes the indicators need, kept by
-- triggers in the writing transaction. A node's figures read its own rows, its children's breakdown their
-- rows: the cost does not grow with the data (5 million hazards at province scale).

-- The ancestors-or-self of every organisation, from the prefixes of its path (segments of 9 characters:
-- ADR 0003; 8 prefixes cover the deepest level with room to spare).
CREATE VIEW organisation_ancestors AS
SELECT d.id AS organisation_id, a.id AS ancestor_id
FROM organisations d JOIN organisations a ON a.path IN (substr(d.path, 1, 9), substr(d.path, 1, 18),
    substr(d.path, 1, 27), substr(d.path, 1, 36), substr(d.path, 1, 45), substr(d.path, 1, 54),
    substr(d.path, 1, 63), substr(d.path, 1, 72));

-- One hazard's attributes as counted. Months and the on-time day are China time (UTC+8; timestamps are ms).
CREATE VIEW hazard_rollup_facts AS
SELECT h.id AS hazard_id, h.enterprise_id, substr(h.found_on, 1, 7) AS found_month,
    CASE WHEN h.status = 'CLOSED' AND h.closed_at IS NOT NULL
         THEN to_char(to_timestamp(h.closed_at / 1000 + 28800) AT TIME ZONE 'UTC', 'YYYY-MM') ELSE '' END
        AS closed_month,
    CASE WHEN h.grade = 'MAJOR' THEN 1 ELSE 0 END AS major,
    CASE WHEN h.status = 'CLOSED' THEN 'CLOSED' WHEN h.status = 'REJECTED' THEN 'REJECTED'
         WHEN h.status IN ('OVERDUE_REPLY', 'OVERDUE_RECTIFICATION') THEN 'OVERDUE' ELSE 'OPEN' END AS state,
    CASE WHEN h.status = 'CLOSED' AND (h.rectification_deadline = '' OR h.closed_at IS NULL
              OR to_char(to_timestamp(h.closed_at / 1000 + 28800) AT TIME ZONE 'UTC', 'YYYY-MM-DD')
                 <= h.rectification_deadline)
         THEN 1 ELSE 0 END AS on_time
FROM hazards h;

CREATE VIEW report_rollup_facts AS
SELECT r.id AS report_id, r.enterprise_id, substr(r.submitted_on, 1, 7) AS month, r.status AS state,
    CASE WHEN r.acknowledged_at IS NULL THEN 0 ELSE 1 END AS acknowledged,
    CASE WHEN r.acknowledged_at IS NULL THEN 0 ELSE (r.acknowledged_at - r.submitted_at) / 1000 END
        AS acknowledge_seconds
FROM worker_reports r;

CREATE TABLE hazard_rollups (
    organisation_id BIGINT NOT NULL,
    found_month TEXT NOT NULL,
    closed_month TEXT NOT NULL,
    major INTEGER NOT NULL,
    state TEXT NOT NULL,
    on_time INTEGER NOT NULL,
    hazards BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, found_month, closed_month, major, state, on_time)
);
CREATE INDEX hazard_rollups_closed_idx ON hazard_rollups (organisation_id, closed_month);

CREATE TABLE report_rollups (
    organisation_id BIGINT NOT NULL,
    month TEXT NOT NULL,
    state TEXT NOT NULL,
    acknowledged INTEGER NOT NULL,
    acknowledge_seconds BIGINT NOT NULL,
    reports BIGINT NOT NULL,
    PRIMARY KEY (organisation_id, month, state, acknowledged)
);

-- The same two statements rebuild the tables (statistics::RebuildRollups, after bulk loads).
INSERT INTO hazard_rollups (organisation_id, found_month, closed_month, major, state, on_time, hazards)
SELECT a.ancestor_id, g.found_month, g.closed_month, g.major, g.state, g.on_time, SUM(g.hazards)
FROM (SELECT e.organisation_id, f.found_month, f.closed_month, f.major, f.state, f.on_time, COUNT(*) AS hazards
      FROM hazard_rollup_facts f JOIN enterprises e ON e.id = f.enterprise_id
      GROUP BY e.organisation_id, f.found_month, f.closed_month, f.major, f.state, f.on_time) g
JOIN organisation_ancestors a ON a.organisation_id = g.organisation_id
GROUP BY a.ancestor_id, g.found_month, g.closed_month, g.major, g.state, g.on_time;

INSERT INTO report_rollups (organisation_id, month, state, acknowledged, acknowledge_seconds, reports)
SELECT a.ancestor_id, g.month, g.state, g.acknowledged, SUM(g.acknowledge_seconds), SUM(g.reports)
FROM (SELECT e.organisation_id, f.month, f.state, f.acknowledged, SUM(f.acknowledge_seconds) AS acknowledge_seconds,
             COUNT(*) AS reports
      FROM report_rollup_facts f JOIN enterprises e ON e.id = f.enterprise_id
      GROUP BY e.organisation_id, f.month, f.state, f.acknowledged) g
JOIN organisation_ancestors a ON a.organisation_id = g.organisation_id
GROUP BY a.ancestor_id, g.month, g.state, g.acknowledged;

-- Adds (sign 1) or takes away (sign -1) one hazard (report), or every hazard (report) of one enterprise, as the
-- tables read now, to the ancestors of the enterprise's organisation as it reads now. One function per key, so
-- each statement's plan uses that key's index.
CREATE FUNCTION hazard_rollups_apply_one(p_key BIGINT, p_sign INTEGER) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO hazard_rollups AS r (organisation_id, found_month, closed_month, major, state, on_time, hazards)
    SELECT a.ancestor_id, f.found_month, f.closed_month, f.major, f.state, f.on_time, p_sign * COUNT(*)
    FROM hazard_rollup_facts f JOIN enterprises e ON e.id = f.enterprise_id
    JOIN organisation_ancestors a ON a.organisation_id = e.organisation_id
    WHERE f.hazard_id = p_key
    GROUP BY a.ancestor_id, f.found_month, f.closed_month, f.major, f.state, f.on_time
    ON CONFLICT (organisation_id, found_month, closed_month, major, state, on_time)
    DO UPDATE SET hazards = r.hazards + excluded.hazards
$$;

CREATE FUNCTION hazard_rollups_apply_enterprise(p_key BIGINT, p_sign INTEGER) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO hazard_rollups AS r (organisation_id, found_month, closed_month, major, state, on_time, hazards)
    SELECT a.ancestor_id, f.found_month, f.closed_month, f.major, f.state, f.on_time, p_sign * COUNT(*)
    FROM hazard_rollup_facts f JOIN enterprises e ON e.id = f.enterprise_id
    JOIN organisation_ancestors a ON a.organisation_id = e.organisation_id
    WHERE f.enterprise_id = p_key
    GROUP BY a.ancestor_id, f.found_month, f.closed_month, f.major, f.state, f.on_time
    ON CONFLICT (organisation_id, found_month, closed_month, major, state, on_time)
    DO UPDATE SET hazards = r.hazards + excluded.hazards
$$;

CREATE FUNCTION report_rollups_apply_one(p_key BIGINT, p_sign INTEGER) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO report_rollups AS r (organisation_id, month, state, acknowledged, acknowledge_seconds, reports)
    SELECT a.ancestor_id, f.month, f.state, f.acknowledged, p_sign * SUM(f.acknowledge_seconds), p_sign * COUNT(*)
    FROM report_rollup_facts f JOIN enterprises e ON e.id = f.enterprise_id
    JOIN organisation_ancestors a ON a.organisation_id = e.organisation_id
    WHERE f.report_id = p_key
    GROUP BY a.ancestor_id, f.month, f.state, f.acknowledged
    ON CONFLICT (organisation_id, month, state, acknowledged)
    DO UPDATE SET reports = r.reports + excluded.reports,
                  acknowledge_seconds = r.acknowledge_seconds + excluded.acknowledge_seconds
$$;

CREATE FUNCTION report_rollups_apply_enterprise(p_key BIGINT, p_sign INTEGER) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO report_rollups AS r (organisation_id, month, state, acknowledged, acknowledge_seconds, reports)
    SELECT a.ancestor_id, f.month, f.state, f.acknowledged, p_sign * SUM(f.acknowledge_seconds), p_sign * COUNT(*)
    FROM report_rollup_facts f JOIN enterprises e ON e.id = f.enterprise_id
    JOIN organisation_ancestors a ON a.organisation_id = e.organisation_id
    WHERE f.enterprise_id = p_key
    GROUP BY a.ancestor_id, f.month, f.state, f.acknowledged
    ON CONFLICT (organisation_id, month, state, acknowledged)
    DO UPDATE SET reports = r.reports + excluded.reports,
                  acknowledge_seconds = r.acknowledge_seconds + excluded.acknowledge_seconds
$$;

-- Before a change the tables still read the old row (take it away); after it they read the new one (add it).
CREATE FUNCTION hazard_rollups_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM hazard_rollups_apply_one(OLD.id, -1);
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END;
$$;
CREATE FUNCTION hazard_rollups_after() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM hazard_rollups_apply_one(NEW.id, 1);
    RETURN NULL;
END;
$$;
CREATE TRIGGER hazard_rollups_insert AFTER INSERT ON hazards FOR EACH ROW EXECUTE FUNCTION hazard_rollups_after();
CREATE TRIGGER hazard_rollups_delete BEFORE DELETE ON hazards FOR EACH ROW EXECUTE FUNCTION hazard_rollups_before();
CREATE TRIGGER hazard_rollups_update_remove
BEFORE UPDATE OF enterprise_id, found_on, status, grade, closed_at, rectification_deadline ON hazards FOR EACH ROW
WHEN (OLD.enterprise_id IS DISTINCT FROM NEW.enterprise_id OR OLD.found_on IS DISTINCT FROM NEW.found_on
    OR OLD.status IS DISTINCT FROM NEW.status OR OLD.grade IS DISTINCT FROM NEW.grade
    OR OLD.closed_at IS DISTINCT FROM NEW.closed_at OR OLD.rectification_deadline IS DISTINCT FROM NEW.rectification_deadline)
EXECUTE FUNCTION hazard_rollups_before();
CREATE TRIGGER hazard_rollups_update_add
AFTER UPDATE OF enterprise_id, found_on, status, grade, closed_at, rectification_deadline ON hazards FOR EACH ROW
WHEN (OLD.enterprise_id IS DISTINCT FROM NEW.enterprise_id OR OLD.found_on IS DISTINCT FROM NEW.found_on
    OR OLD.status IS DISTINCT FROM NEW.status OR OLD.grade IS DISTINCT FROM NEW.grade
    OR OLD.closed_at IS DISTINCT FROM NEW.closed_at OR OLD.rectification_deadline IS DISTINCT FROM NEW.rectification_deadline)
EXECUTE FUNCTION hazard_rollups_after();

CREATE FUNCTION report_rollups_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_rollups_apply_one(OLD.id, -1);
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END;
$$;
CREATE FUNCTION report_rollups_after() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM report_rollups_apply_one(NEW.id, 1);
    RETURN NULL;
END;
$$;
CREATE TRIGGER report_rollups_insert AFTER INSERT ON worker_reports FOR EACH ROW
EXECUTE FUNCTION report_rollups_after();
CREATE TRIGGER report_rollups_delete BEFORE DELETE ON worker_reports FOR EACH ROW
EXECUTE FUNCTION report_rollups_before();
CREATE TRIGGER report_rollups_update_remove
BEFORE UPDATE OF enterprise_id, submitted_on, submitted_at, status, acknowledged_at ON worker_reports FOR EACH ROW
WHEN (OLD.enterprise_id IS DISTINCT FROM NEW.enterprise_id OR OLD.submitted_on IS DISTINCT FROM NEW.submitted_on
    OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.acknowledged_at IS DISTINCT FROM NEW.acknowledged_at)
EXECUTE FUNCTION report_rollups_before();
CREATE TRIGGER report_rollups_update_add
AFTER UPDATE OF enterprise_id, submitted_on, submitted_at, status, acknowledged_at ON worker_reports FOR EACH ROW
WHEN (OLD.enterprise_id IS DISTINCT FROM NEW.enterprise_id OR OLD.submitted_on IS DISTINCT FROM NEW.submitted_on
    OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.acknowledged_at IS DISTINCT FROM NEW.acknowledged_at)
EXECUTE FUNCTION report_rollups_after();

-- An enterprise that moves takes all its hazards and reports from the old organisation's ancestors (before the
-- change: the join still finds the old organisation) to the new one's (after).
CREATE FUNCTION rollups_enterprise_move_before() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM hazard_rollups_apply_enterprise(OLD.id, -1);
    PERFORM report_rollups_apply_enterprise(OLD.id, -1);
    RETURN NEW;
END;
$$;
CREATE FUNCTION rollups_enterprise_move_after() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM hazard_rollups_apply_enterprise(NEW.id, 1);
    PERFORM report_rollups_apply_enterprise(NEW.id, 1);
    RETURN NULL;
END;
$$;
CREATE TRIGGER rollups_enterprise_move_remove BEFORE UPDATE OF organisation_id ON enterprises FOR EACH ROW
WHEN (OLD.organisation_id IS DISTINCT FROM NEW.organisation_id) EXECUTE FUNCTION rollups_enterprise_move_before();
CREATE TRIGGER rollups_enterprise_move_add AFTER UPDATE OF organisation_id ON enterprises FOR EACH ROW
WHEN (OLD.organisation_id IS DISTINCT FROM NEW.organisation_id) EXECUTE FUNCTION rollups_enterprise_move_after();

-- A moved organisation (its path's parent segment is no longer its old parent's: only the root of a move, as
-- its descendants keep their parent) carries its own rows, which hold its whole subtree, from its old strict
-- ancestors to its new ones. Ancestors are outside the moved subtree, so their paths are stable meanwhile.
CREATE FUNCTION rollups_organisation_shift(p_node BIGINT, p_path TEXT, p_sign INTEGER) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO hazard_rollups AS t (organisation_id, found_month, closed_month, major, state, on_time, hazards)
    SELECT a.id, r.found_month, r.closed_month, r.major, r.state, r.on_time, p_sign * r.hazards
    FROM hazard_rollups r JOIN organisations a ON a.path IN (substr(p_path, 1, 9), substr(p_path, 1, 18),
        substr(p_path, 1, 27), substr(p_path, 1, 36), substr(p_path, 1, 45), substr(p_path, 1, 54),
        substr(p_path, 1, 63), substr(p_path, 1, 72)) AND a.id <> p_node
    WHERE r.organisation_id = p_node
    ON CONFLICT (organisation_id, found_month, closed_month, major, state, on_time)
    DO UPDATE SET hazards = t.hazards + excluded.hazards;
    INSERT INTO report_rollups AS t (organisation_id, month, state, acknowledged, acknowledge_seconds, reports)
    SELECT a.id, r.month, r.state, r.acknowledged, p_sign * r.acknowledge_seconds, p_sign * r.reports
    FROM report_rollups r JOIN organisations a ON a.path IN (substr(p_path, 1, 9), substr(p_path, 1, 18),
        substr(p_path, 1, 27), substr(p_path, 1, 36), substr(p_path, 1, 45), substr(p_path, 1, 54),
        substr(p_path, 1, 63), substr(p_path, 1, 72)) AND a.id <> p_node
    WHERE r.organisation_id = p_node
    ON CONFLICT (organisation_id, month, state, acknowledged)
    DO UPDATE SET reports = t.reports + excluded.reports,
                  acknowledge_seconds = t.acknowledge_seconds + excluded.acknowledge_seconds;
$$;
CREATE FUNCTION rollups_organisation_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM rollups_organisation_shift(NEW.id, OLD.path, -1);
    PERFORM rollups_organisation_shift(NEW.id, NEW.path, 1);
    RETURN NULL;
END;
$$;
CREATE TRIGGER rollups_organisation_move AFTER UPDATE OF path ON organisations FOR EACH ROW
WHEN (OLD.parent_id IS NOT NULL AND length(NEW.path) > 9
    AND substr(NEW.path, length(NEW.path) - 17, 9) <> '/' || lpad(OLD.parent_id::text, 8, '0'))
EXECUTE FUNCTION rollups_organisation_move();

-- Leaders read the dashboard; the annual report is filled by cadres and approved by the level above.
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r, (
    SELECT 'statistics:dashboard:view' AS permission UNION ALL SELECT 'statistics:annual:view' UNION ALL
    SELECT 'statistics:annual:edit' UNION ALL SELECT 'statistics:annual:approve'
) p WHERE r.code IN ('PLATFORM_ADMIN', 'LP_CADRE');
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r, (
    SELECT 'statistics:dashboard:view' AS permission UNION ALL SELECT 'statistics:annual:view'
) p WHERE r.code = 'AUDITOR';
