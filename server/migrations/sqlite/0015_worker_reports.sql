-- Worker hazard reports (职工隐患随手拍), ADR 0012. Owned by the reports module.

-- A QR code on a wall: a random code that opens the report page for an enterprise (and optionally one site).
CREATE TABLE report_entry_points (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    enterprise_id INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    site_name TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER,
    CONSTRAINT report_entry_points_code_key UNIQUE (code)
);
CREATE INDEX report_entry_points_enterprise_idx ON report_entry_points (enterprise_id, id);
-- One live entry point per enterprise and site name.
CREATE UNIQUE INDEX report_entry_points_one_live ON report_entry_points (enterprise_id, site_name)
    WHERE revoked_at IS NULL;

-- A report. Nothing here identifies an anonymous reporter: no address, no agent, no account, and
-- submitted_at is truncated to the hour. A named reporter's identity lives in worker_report_identities only.
CREATE TABLE worker_reports (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL DEFAULT '',
    receipt_hash TEXT NOT NULL,
    entry_point_id INTEGER REFERENCES report_entry_points (id) ON DELETE SET NULL,
    enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
    site_name TEXT NOT NULL DEFAULT '',
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    organisation_path TEXT NOT NULL,
    category TEXT NOT NULL,
    description TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    anonymity TEXT NOT NULL,
    status TEXT NOT NULL,
    submitted_at INTEGER NOT NULL,
    submitted_on TEXT NOT NULL,
    acknowledge_due TEXT NOT NULL,
    rule_set_version_id INTEGER REFERENCES rule_set_versions (id),
    acknowledged_at INTEGER,
    decided_at INTEGER,
    overdue_at INTEGER,
    escalated_to_organisation_id INTEGER REFERENCES organisations (id),
    reject_reason TEXT NOT NULL DEFAULT '',
    hazard_id INTEGER REFERENCES hazards (id) ON DELETE SET NULL,
    unread_worker_messages INTEGER NOT NULL DEFAULT 0,
    unread_union_messages INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    CONSTRAINT worker_reports_receipt_key UNIQUE (receipt_hash)
);
CREATE INDEX worker_reports_path_idx ON worker_reports (organisation_path, id);
CREATE INDEX worker_reports_enterprise_idx ON worker_reports (enterprise_id, id);
CREATE INDEX worker_reports_open_idx ON worker_reports (acknowledge_due) WHERE status = 'SUBMITTED';
CREATE INDEX worker_reports_hazard_idx ON worker_reports (hazard_id) WHERE hazard_id IS NOT NULL;

-- The case's timeline. Events caused by the worker carry hour-truncated times and no user.
CREATE TABLE worker_report_events (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES worker_reports (id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    from_status TEXT NOT NULL DEFAULT '',
    to_status TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    actor TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE INDEX worker_report_events_report_idx ON worker_report_events (report_id, id);

-- Messages between the worker (through the receipt) and the union.
CREATE TABLE worker_report_messages (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES worker_reports (id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    actor TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE INDEX worker_report_messages_report_idx ON worker_report_messages (report_id, id);

CREATE TABLE worker_report_files (
    report_id INTEGER NOT NULL REFERENCES worker_reports (id) ON DELETE CASCADE,
    file_id INTEGER NOT NULL REFERENCES files (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (report_id, file_id)
);

-- Photos uploaded through an entry point before the report is sent: the token (hashed) ties them to it.
CREATE TABLE worker_report_uploads (
    token_hash TEXT PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files (id),
    entry_point_id INTEGER NOT NULL REFERENCES report_entry_points (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    report_id INTEGER REFERENCES worker_reports (id) ON DELETE CASCADE
);

-- A named reporter: visible only through GET /worker-reports/{id}/reporter (ADR 0012), every view audited.
CREATE TABLE worker_report_identities (
    report_id INTEGER PRIMARY KEY REFERENCES worker_reports (id) ON DELETE CASCADE,
    reporter_name TEXT NOT NULL,
    reporter_phone TEXT NOT NULL
);

-- Cadres read and handle reports and print posters; only platform administrators see named reporters by
-- default (a federation grants reports:reporter:view to its triage staff through a role).
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r, (
    SELECT 'reports:report:view' AS permission UNION ALL SELECT 'reports:report:manage' UNION ALL
    SELECT 'reports:entry:view' UNION ALL SELECT 'reports:entry:manage'
) p WHERE r.code IN ('PLATFORM_ADMIN', 'LP_CADRE');
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, 'reports:reporter:view' FROM roles r WHERE r.code = 'PLATFORM_ADMIN';
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r, (
    SELECT 'reports:report:view' AS permission UNION ALL SELECT 'reports:entry:view'
) p WHERE r.code = 'AUDITOR';
