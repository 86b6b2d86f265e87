-- Rules and time for supervision (ADR 0009): the working-day calendar (statutory holidays and adjusted working
-- days per year) and the versioned deadline rule set (a platform default plus organisation overrides). A published
-- version is immutable (triggers refuse UPDATE and DELETE), so a deadline computed earlier can always be explained.

CREATE TABLE calendar_days (
    day TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name TEXT NOT NULL DEFAULT ''
);
CREATE INDEX calendar_days_year_idx ON calendar_days (year);

CREATE TABLE rule_set_versions (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER REFERENCES organisations (id),
    version INTEGER NOT NULL,
    effective_from TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
-- One numbering per owner; the platform default (organisation_id NULL) counts as owner 0.
CREATE UNIQUE INDEX rule_set_versions_owner_version ON rule_set_versions (COALESCE(organisation_id, 0), version);
CREATE INDEX rule_set_versions_organisation_idx ON rule_set_versions (organisation_id, effective_from);

CREATE TABLE rule_set_rules (
    version_id INTEGER NOT NULL REFERENCES rule_set_versions (id),
    code TEXT NOT NULL,
    value INTEGER NOT NULL,
    unit TEXT NOT NULL,
    PRIMARY KEY (version_id, code)
);

CREATE TRIGGER rule_set_versions_no_update BEFORE UPDATE ON rule_set_versions
BEGIN SELECT RAISE(ABORT, 'rule set versions are immutable'); END;
CREATE TRIGGER rule_set_versions_no_delete BEFORE DELETE ON rule_set_versions
BEGIN SELECT RAISE(ABORT, 'rule set versions are immutable'); END;
CREATE TRIGGER rule_set_rules_no_update BEFORE UPDATE ON rule_set_rules
BEGIN SELECT RAISE(ABORT, 'rule set versions are immutable'); END;
CREATE TRIGGER rule_set_rules_no_delete BEFORE DELETE ON rule_set_rules
BEGIN SELECT RAISE(ABORT, 'rule set versions are immutable'); END;

-- The official arrangements (国务院办公厅): 2025 from 国办发明电〔2024〕12号, 2026 from the notice of 2025-11-04.
-- Every other day is a working day from Monday to Friday and a rest day on Saturday and Sunday.
INSERT INTO calendar_days (day, year, kind, name) VALUES
    ('2025-01-01', 2025, 'HOLIDAY', '元旦'),
    ('2025-01-26', 2025, 'WORKDAY', '春节调休上班'),
    ('2025-01-28', 2025, 'HOLIDAY', '春节'),
    ('2025-01-29', 2025, 'HOLIDAY', '春节'),
    ('2025-01-30', 2025, 'HOLIDAY', '春节'),
    ('2025-01-31', 2025, 'HOLIDAY', '春节'),
    ('2025-02-01', 2025, 'HOLIDAY', '春节'),
    ('2025-02-02', 2025, 'HOLIDAY', '春节'),
    ('2025-02-03', 2025, 'HOLIDAY', '春节'),
    ('2025-02-04', 2025, 'HOLIDAY', '春节'),
    ('2025-02-08', 2025, 'WORKDAY', '春节调休上班'),
    ('2025-04-04', 2025, 'HOLIDAY', '清明节'),
    ('2025-04-05', 2025, 'HOLIDAY', '清明节'),
    ('2025-04-06', 2025, 'HOLIDAY', '清明节'),
    ('2025-04-27', 2025, 'WORKDAY', '劳动节调休上班'),
    ('2025-05-01', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-02', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-03', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-04', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-05', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-31', 2025, 'HOLIDAY', '端午节'),
    ('2025-06-01', 2025, 'HOLIDAY', '端午节'),
    ('2025-06-02', 2025, 'HOLIDAY', '端午节'),
    ('2025-09-28', 2025, 'WORKDAY', '国庆节调休上班'),
    ('2025-10-01', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-02', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-03', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-04', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-05', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-06', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-07', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-08', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-11', 2025, 'WORKDAY', '国庆节调休上班'),
    ('2026-01-01', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-02', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-03', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-04', 2026, 'WORKDAY', '元旦调休上班'),
    ('2026-02-14', 2026, 'WORKDAY', '春节调休上班'),
    ('2026-02-15', 2026, 'HOLIDAY', '春节'),
    ('2026-02-16', 2026, 'HOLIDAY', '春节'),
    ('2026-02-17', 2026, 'HOLIDAY', '春节'),
    ('2026-02-18', 2026, 'HOLIDAY', '春节'),
    ('2026-02-19', 2026, 'HOLIDAY', '春节'),
    ('2026-02-20', 2026, 'HOLIDAY', '春节'),
    ('2026-02-21', 2026, 'HOLIDAY', '春节'),
    ('2026-02-22', 2026, 'HOLIDAY', '春节'),
    ('2026-02-23', 2026, 'HOLIDAY', '春节'),
    ('2026-02-28', 2026, 'WORKDAY', '春节调休上班'),
    ('2026-04-04', 2026, 'HOLIDAY', '清明节'),
    ('2026-04-05', 2026, 'HOLIDAY', '清明节'),
    ('2026-04-06', 2026, 'HOLIDAY', '清明节'),
    ('2026-05-01', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-02', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-03', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-04', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-05', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-09', 2026, 'WORKDAY', '劳动节调休上班'),
    ('2026-06-19', 2026, 'HOLIDAY', '端午节'),
    ('2026-06-20', 2026, 'HOLIDAY', '端午节'),
    ('2026-06-21', 2026, 'HOLIDAY', '端午节'),
    ('2026-09-20', 2026, 'WORKDAY', '国庆节调休上班'),
    ('2026-09-25', 2026, 'HOLIDAY', '中秋节'),
    ('2026-09-26', 2026, 'HOLIDAY', '中秋节'),
    ('2026-09-27', 2026, 'HOLIDAY', '中秋节'),
    ('2026-10-01', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-02', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-03', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-04', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-05', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-06', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-07', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-10', 2026, 'WORKDAY', '国庆节调休上班');

-- The platform default rule set, version 1 (domain model §3.5; [D] marks defaults the model proposes).
INSERT INTO rule_set_versions (organisation_id, version, effective_from, note, created_by, created_at)
VALUES (NULL, 1, '2000-01-01', '平台默认规则集（领域模型 §3.5）', 'system', 0);

INSERT INTO rule_set_rules (version_id, code, value, unit)
SELECT v.id, r.code, r.value, r.unit FROM rule_set_versions v, (
    SELECT 'ENTERPRISE_REPLY' AS code, 7 AS value, 'CALENDAR_DAYS' AS unit UNION ALL
    SELECT 'EVACUATION_DECISION', 1, 'HOURS' UNION ALL
    SELECT 'OPINION_REPLY', 15, 'WORKING_DAYS' UNION ALL
    SELECT 'GENERAL_RECTIFICATION', 7, 'CALENDAR_DAYS' UNION ALL
    SELECT 'RECHECK_AFTER_DONE', 5, 'WORKING_DAYS' UNION ALL
    SELECT 'REMINDER_BEFORE_DUE', 3, 'CALENDAR_DAYS' UNION ALL
    SELECT 'ESCALATE_AFTER_OVERDUE', 5, 'WORKING_DAYS' UNION ALL
    SELECT 'WORKER_REPORT_ACK', 2, 'WORKING_DAYS'
) r WHERE v.organisation_id IS NULL AND v.version = 1;

-- Every built-in role that signs in reads the rules and the calendar; cadres publish overrides for their subtree;
-- only platform administrators edit the calendar.
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, 'rules:ruleset:view' FROM roles r WHERE r.code IN ('PLATFORM_ADMIN', 'LP_CADRE', 'AUDITOR');
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, 'rules:ruleset:manage' FROM roles r WHERE r.code IN ('PLATFORM_ADMIN', 'LP_CADRE');
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, 'rules:calendar:manage' FROM roles r WHERE r.code = 'PLATFORM_ADMIN';
