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
         THEN strftime('%Y-%m', h.closed_at / 1000 + 28800, 'unixepoch') ELSE '' END AS closed_month,
    CASE WHEN h.grade = 'MAJOR' THEN 1 ELSE 0 END AS major,
    CASE WHEN h.status = 'CLOSED' THEN 'CLOSED' WHEN h.status = 'REJECTED' THEN 'REJECTED'
         WHEN h.status IN ('OVERDUE_REPLY', 'OVERDUE_RECTIFICATION') THEN 'OVERDUE' ELSE 'OPEN' END AS state,
    CASE WHEN h.status = 'CLOSED' AND (h.rectification_deadline = '' OR h.closed_at IS NULL
              OR strftime('%Y-%m-%d', h.closed_at / 1000 + 28800, 'unixepoch') <= h.rectification_deadline)
         THEN 1 ELSE 0 END AS on_time
FROM hazards h;

CREATE VIEW report_rollup_facts AS
SELECT r.id AS report_id, r.enterprise_id, substr(r.submitted_on, 1, 7) AS month, r.status AS state,
    CASE WHEN r.acknowledged_at IS NULL THEN 0 ELSE 1 END AS acknowledged,
    CASE WHEN r.acknowledged_at IS NULL THEN 0 ELSE (r.acknowledged_at - r.submitted_at) / 1000 END AS acknowledge_seconds
FROM worker_reports r;

CREATE TABLE hazard_rollups (
    organisation_id INTEGER NOT NULL,
    found_month TEXT NOT NULL,
    closed_month TEXT NOT NULL,
    major INTEGER NOT NULL,
    state TEXT NOT NULL,
    on_time INTEGER NOT NULL,
    hazards INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, found_month, closed_month, major, state, on_time)
) WITHOUT ROWID;
CREATE INDEX hazard_rollups_closed_idx ON hazard_rollups (organisation_id, closed_month);

CREATE TABLE report_rollups (
    organisation_id INTEGER NOT NULL,
    month TEXT NOT NULL,
    state TEXT NOT NULL,
    acknowledged INTEGER NOT NULL,
    acknowledge_seconds INTEGER NOT NULL,
    reports INTEGER NOT NULL,
    PRIMARY KEY (organisation_id, month, state, acknowledged)
) WITHOUT ROWID;

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

-- Hazards: an insert adds, a delete takes away, an update takes the old away (before) and adds the new (after).
CREATE TRIGGER hazard_rollups_insert AFTER INSERT ON hazards
BEGIN
    INSERT INTO hazard_rollups (organisation_id, found_month, closed_month, major, state, on_time, hazards)
    SELECT a.ancestor_id, f.found_month, f.closed_month, f.major, f.state, f.on_time, 1
    FROM hazard_rollup_facts f JOIN enterprises e ON e.id = f.enterprise_id
    JOIN organisation_ancestors a ON a.organisation_id = e.organisation_id
    WHERE f.hazard_id = NEW.id
    ON CONFLICT (organisation_id, found_month, closed_month, major, state, on_time)
    DO UPDATE SET hazards = hazards + excluded.hazards;
END;

CREATE TRIGGER hazard_rollups_delete BEFORE DELETE ON hazards
BEGIN
    UPDATE hazard_rollups SET hazards = hazards - 1
    WHERE (organisation_id, found_month, closed_month, major, state, on_time) IN (
        SELECT a.ancestor_id, f.found_month, f.closed_month, f.major, f.state, f.on_time
        FROM hazard_rollup_facts f JOIN enterprises e ON e.id = f.enterprise_id
        JOIN organisation_ancestors a ON a.organisation_id = e.organisation_id
        WHERE f.hazard_id = OLD.id);
END;

CREATE TRIGGER hazard_rollups_update_remove
BEFORE UPDATE OF enterprise_id, found_on, status, grade, closed_at, rectification_deadline ON hazards
WHEN OLD.enterprise_id IS NOT NEW.enterprise_id OR OLD.found_on IS NOT NEW.found_on
    OR OLD.status IS NOT NEW.status OR OLD.grade IS NOT NEW.grade OR OLD.closed_at IS NOT NEW.closed_at
    OR OLD.rectification_deadline IS NOT NEW.rectification_deadline
BEGIN
    UPDATE hazard_rollups SET hazards = hazards - 1
    WHERE (organisation_id, found_month, closed_month, major, state, on_time) IN (
        SELECT a.ancestor_id, f.found_month, f.closed_month, f.major, f.state, f.on_time
        FROM hazard_rollup_facts f JOIN enterprises e ON e.id = f.enterprise_id
        JOIN organisation_ancestors a ON a.organisation_id = e.organisation_id
        WHERE f.hazard_id = OLD.id);
END;

CREATE TRIGGER hazard_rollups_update_add
AFTER UPDATE OF enterprise_id, found_on, status, grade, closed_at, rectification_deadline ON hazards
WHEN OLD.enterprise_id IS NOT NEW.enterprise_id OR OLD.found_on IS NOT NEW.found_on
    OR OLD.status IS NOT NEW.status OR OLD.grade IS NOT NEW.grade OR OLD.closed_at IS NOT NEW.closed_at
    OR OLD.rectification_deadline IS NOT NEW.rectification_deadline
BEGIN
    INSERT INTO hazard_rollups (organisation_id, found_month, closed_month, major, state, on_time, hazards)
    SELECT a.ancestor_id, f.found_month, f.closed_month, f.major, f.state, f.on_time, 1
    FROM hazard_rollup_facts f JOIN enterprises e ON e.id = f.enterprise_id
    JOIN organisation_ancestors a ON a.organisation_id = e.organisation_id
    WHERE f.hazard_id = NEW.id
    ON CONFLICT (organisation_id, found_month, closed_month, major, state, on_time)
    DO UPDATE SET hazards = hazards + excluded.hazards;
END;

-- Worker reports, the same way.
CREATE TRIGGER report_rollups_insert AFTER INSERT ON worker_reports
BEGIN
    INSERT INTO report_rollups (organisation_id, month, state, acknowledged, acknowledge_seconds, reports)
    SELECT a.ancestor_id, f.month, f.state, f.acknowledged, f.acknowledge_seconds, 1
    FROM report_rollup_facts f JOIN enterprises e ON e.id = f.enterprise_id
    JOIN organisation_ancestors a ON a.organisation_id = e.organisation_id
    WHERE f.report_id = NEW.id
    ON CONFLICT (organisation_id, month, state, acknowledged)
    DO UPDATE SET reports = reports + excluded.reports,
                  acknowledge_seconds = acknowledge_seconds + excluded.acknowledge_seconds;
END;

CREATE TRIGGER report_rollups_delete BEFORE DELETE ON worker_reports
BEGIN
    UPDATE report_rollups SET reports = reports - 1, acknowledge_seconds = acknowledge_seconds - (
        SELECT f.acknowledge_seconds FROM report_rollup_facts f WHERE f.report_id = OLD.id)
    WHERE (organisation_id, month, state, acknowledged) IN (
        SELECT a.ancestor_id, f.month, f.state, f.acknowledged
        FROM report_rollup_facts f JOIN enterprises e ON e.id = f.enterprise_id
        JOIN organisation_ancestors a ON a.organisation_id = e.organisation_id
        WHERE f.report_id = OLD.id);
END;

CREATE TRIGGER report_rollups_update_remove
BEFORE UPDATE OF enterprise_id, submitted_on, submitted_at, status, acknowledged_at ON worker_reports
WHEN OLD.enterprise_id IS NOT NEW.enterprise_id OR OLD.submitted_on IS NOT NEW.submitted_on
    OR OLD.submitted_at IS NOT NEW.submitted_at OR OLD.status IS NOT NEW.status
    OR OLD.acknowledged_at IS NOT NEW.acknowledged_at
BEGIN
    UPDATE report_rollups SET reports = reports - 1, acknowledge_seconds = acknowledge_seconds - (
        SELECT f.acknowledge_seconds FROM report_rollup_facts f WHERE f.report_id = OLD.id)
    WHERE (organisation_id, month, state, acknowledged) IN (
        SELECT a.ancestor_id, f.month, f.state, f.acknowledged
        FROM report_rollup_facts f JOIN enterprises e ON e.id = f.enterprise_id
        JOIN organisation_ancestors a ON a.organisation_id = e.organisation_id
        WHERE f.report_id = OLD.id);
END;

CREATE TRIGGER report_rollups_update_add
AFTER UPDATE OF enterprise_id, submitted_on, submitted_at, status, acknowledged_at ON worker_reports
WHEN OLD.enterprise_id IS NOT NEW.enterprise_id OR OLD.submitted_on IS NOT NEW.submitted_on
    OR OLD.submitted_at IS NOT NEW.submitted_at OR OLD.status IS NOT NEW.status
    OR OLD.acknowledged_at IS NOT NEW.acknowledged_at
BEGIN
    INSERT INTO report_rollups (organisation_id, month, state, acknowledged, acknowledge_seconds, reports)
    SELECT a.ancestor_id, f.month, f.state, f.acknowledged, f.acknowledge_seconds, 1
    FROM report_rollup_facts f JOIN enterprises e ON e.id = f.enterprise_id
    JOIN organisation_ancestors a ON a.organisation_id = e.organisation_id
    WHERE f.report_id = NEW.id
    ON CONFLICT (organisation_id, month, state, acknowledged)
    DO UPDATE SET reports = reports + excluded.reports,
                  acknowledge_seconds = acknowledge_seconds + excluded.acknowledge_seconds;
END;

-- An enterprise that moves takes all its hazards and reports from the old organisation's ancestors (before the
-- change: the join still finds the old organisation) to the new one's (after).
CREATE TRIGGER rollups_enterprise_move_remove BEFORE UPDATE OF organisation_id ON enterprises
WHEN OLD.organisation_id IS NOT NEW.organisation_id
BEGIN
    INSERT INTO hazard_rollups (organisation_id, found_month, closed_month, major, state, on_time, hazards)
    SELECT a.ancestor_id, f.found_month, f.closed_month, f.major, f.state, f.on_time, -COUNT(*)
    FROM hazard_rollup_facts f JOIN organisation_ancestors a ON a.organisation_id = OLD.organisation_id
    WHERE f.enterprise_id = OLD.id
    GROUP BY a.ancestor_id, f.found_month, f.closed_month, f.major, f.state, f.on_time
    ON CONFLICT (organisation_id, found_month, closed_month, major, state, on_time)
    DO UPDATE SET hazards = hazards + excluded.hazards;
    INSERT INTO report_rollups (organisation_id, month, state, acknowledged, acknowledge_seconds, reports)
    SELECT a.ancestor_id, f.month, f.state, f.acknowledged, -SUM(f.acknowledge_seconds), -COUNT(*)
    FROM report_rollup_facts f JOIN organisation_ancestors a ON a.organisation_id = OLD.organisation_id
    WHERE f.enterprise_id = OLD.id
    GROUP BY a.ancestor_id, f.month, f.state, f.acknowledged
    ON CONFLICT (organisation_id, month, state, acknowledged)
    DO UPDATE SET reports = reports + excluded.reports,
                  acknowledge_seconds = acknowledge_seconds + excluded.acknowledge_seconds;
END;

CREATE TRIGGER rollups_enterprise_move_add AFTER UPDATE OF organisation_id ON enterprises
WHEN OLD.organisation_id IS NOT NEW.organisation_id
BEGIN
    INSERT INTO hazard_rollups (organisation_id, found_month, closed_month, major, state, on_time, hazards)
    SELECT a.ancestor_id, f.found_month, f.closed_month, f.major, f.state, f.on_time, COUNT(*)
    FROM hazard_rollup_facts f JOIN organisation_ancestors a ON a.organisation_id = NEW.organisation_id
    WHERE f.enterprise_id = NEW.id
    GROUP BY a.ancestor_id, f.found_month, f.closed_month, f.major, f.state, f.on_time
    ON CONFLICT (organisation_id, found_month, closed_month, major, state, on_time)
    DO UPDATE SET hazards = hazards + excluded.hazards;
    INSERT INTO report_rollups (organisation_id, month, state, acknowledged, acknowledge_seconds, reports)
    SELECT a.ancestor_id, f.month, f.state, f.acknowledged, SUM(f.acknowledge_seconds), COUNT(*)
    FROM report_rollup_facts f JOIN organisation_ancestors a ON a.organisation_id = NEW.organisation_id
    WHERE f.enterprise_id = NEW.id
    GROUP BY a.ancestor_id, f.month, f.state, f.acknowledged
    ON CONFLICT (organisation_id, month, state, acknowledged)
    DO UPDATE SET reports = reports + excluded.reports,
                  acknowledge_seconds = acknowledge_seconds + excluded.acknowledge_seconds;
END;

-- A moved organisation (its path's parent segment is no longer its old parent's: only the root of a move, as
-- its descendants keep their parent) carries its own rows, which hold its whole subtree, from its old strict
-- ancestors to its new ones. Ancestors are outside the moved subtree, so their paths are stable meanwhile.
CREATE TRIGGER rollups_organisation_move AFTER UPDATE OF path ON organisations
WHEN OLD.parent_id IS NOT NULL AND length(NEW.path) > 9
    AND substr(NEW.path, length(NEW.path) - 17, 9) <> printf('/%08d', OLD.parent_id)
BEGIN
    INSERT INTO hazard_rollups (organisation_id, found_month, closed_month, major, state, on_time, hazards)
    SELECT a.id, r.found_month, r.closed_month, r.major, r.state, r.on_time, -r.hazards
    FROM hazard_rollups r JOIN organisations a ON a.path IN (substr(OLD.path, 1, 9), substr(OLD.path, 1, 18),
        substr(OLD.path, 1, 27), substr(OLD.path, 1, 36), substr(OLD.path, 1, 45), substr(OLD.path, 1, 54),
        substr(OLD.path, 1, 63), substr(OLD.path, 1, 72)) AND a.id <> NEW.id
    WHERE r.organisation_id = NEW.id
    ON CONFLICT (organisation_id, found_month, closed_month, major, state, on_time)
    DO UPDATE SET hazards = hazards + excluded.hazards;
    INSERT INTO hazard_rollups (organisation_id, found_month, closed_month, major, state, on_time, hazards)
    SELECT a.id, r.found_month, r.closed_month, r.major, r.state, r.on_time, r.hazards
    FROM hazard_rollups r JOIN organisations a ON a.path IN (substr(NEW.path, 1, 9), substr(NEW.path, 1, 18),
        substr(NEW.path, 1, 27), substr(NEW.path, 1, 36), substr(NEW.path, 1, 45), substr(NEW.path, 1, 54),
        substr(NEW.path, 1, 63), substr(NEW.path, 1, 72)) AND a.id <> NEW.id
    WHERE r.organisation_id = NEW.id
    ON CONFLICT (organisation_id, found_month, closed_month, major, state, on_time)
    DO UPDATE SET hazards = hazards + excluded.hazards;
    INSERT INTO report_rollups (organisation_id, month, state, acknowledged, acknowledge_seconds, reports)
    SELECT a.id, r.month, r.state, r.acknowledged, -r.acknowledge_seconds, -r.reports
    FROM report_rollups r JOIN organisations a ON a.path IN (substr(OLD.path, 1, 9), substr(OLD.path, 1, 18),
        substr(OLD.path, 1, 27), substr(OLD.path, 1, 36), substr(OLD.path, 1, 45), substr(OLD.path, 1, 54),
        substr(OLD.path, 1, 63), substr(OLD.path, 1, 72)) AND a.id <> NEW.id
    WHERE r.organisation_id = NEW.id
    ON CONFLICT (organisation_id, month, state, acknowledged)
    DO UPDATE SET reports = reports + excluded.reports,
                  acknowledge_seconds = acknowledge_seconds + excluded.acknowledge_seconds;
    INSERT INTO report_rollups (organisation_id, month, state, acknowledged, acknowledge_seconds, reports)
    SELECT a.id, r.month, r.state, r.acknowledged, r.acknowledge_seconds, r.reports
    FROM report_rollups r JOIN organisations a ON a.path IN (substr(NEW.path, 1, 9), substr(NEW.path, 1, 18),
        substr(NEW.path, 1, 27), substr(NEW.path, 1, 36), substr(NEW.path, 1, 45), substr(NEW.path, 1, 54),
        substr(NEW.path, 1, 63), substr(NEW.path, 1, 72)) AND a.id <> NEW.id
    WHERE r.organisation_id = NEW.id
    ON CONFLICT (organisation_id, month, state, acknowledged)
    DO UPDATE SET reports = reports + excluded.reports,
                  acknowledge_seconds = acknowledge_seconds + excluded.acknowledge_seconds;
END;

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
