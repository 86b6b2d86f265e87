-- The three-tier labour-protection supervision network (domain model §2.3, §2.4): supervision committees of
-- base unions with their members, inspectors with their appointment workflow (W10) and its history, union-group
-- inspectors and mass safety supervisors, and yearly staffing and funding per organisation.
-- Rows point at their organisation; scope filters join organisations and use its path range (ADR 0003).

CREATE TABLE lp_committees (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    established_on TEXT NOT NULL,
    approved_by TEXT NOT NULL DEFAULT '',
    term_end TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'ACTIVE',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX lp_committees_organisation_idx ON lp_committees (organisation_id, status);
-- One union has at most one committee in office at a time.
CREATE UNIQUE INDEX lp_committees_one_active ON lp_committees (organisation_id) WHERE status = 'ACTIVE';

CREATE TABLE lp_committee_members (
    id INTEGER PRIMARY KEY,
    committee_id INTEGER NOT NULL REFERENCES lp_committees (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX lp_committee_members_committee_idx ON lp_committee_members (committee_id, sort_order);

CREATE TABLE lp_inspectors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    gender TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    home_organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    appointing_organisation_id INTEGER REFERENCES organisations (id),
    certificate_no TEXT,
    employment_mode TEXT NOT NULL,
    appointment_date TEXT NOT NULL DEFAULT '',
    term_end TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'NOMINATED',
    notes TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT lp_inspectors_certificate_no_key UNIQUE (certificate_no)
);
CREATE INDEX lp_inspectors_home_idx ON lp_inspectors (home_organisation_id, status);

CREATE TABLE lp_inspector_status_history (
    id INTEGER PRIMARY KEY,
    inspector_id INTEGER NOT NULL REFERENCES lp_inspectors (id) ON DELETE CASCADE,
    from_status TEXT NOT NULL DEFAULT '',
    to_status TEXT NOT NULL,
    transition_date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    username TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE INDEX lp_inspector_status_history_inspector_idx ON lp_inspector_status_history (inspector_id, id);

-- 工会小组劳动保护检查员 (kind GROUP_INSPECTOR) and 群众安全生产监督员 (kind MASS_SUPERVISOR, with a subtype).
CREATE TABLE lp_volunteers (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    subtype TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    enterprise_id INTEGER REFERENCES enterprises (id) ON DELETE SET NULL,
    team TEXT NOT NULL DEFAULT '',
    appointed_on TEXT NOT NULL,
    term_end TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'ACTIVE',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX lp_volunteers_organisation_idx ON lp_volunteers (organisation_id, kind);

-- 编制与经费: one row per organisation and year. Money is integer fen (分), never floating point.
CREATE TABLE lp_staffing (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    year INTEGER NOT NULL,
    has_lp_department INTEGER NOT NULL DEFAULT 0,
    lp_department_name TEXT NOT NULL DEFAULT '',
    fulltime_lp_cadres INTEGER NOT NULL DEFAULT 0,
    parttime_lp_cadres INTEGER NOT NULL DEFAULT 0,
    authorised_posts INTEGER NOT NULL DEFAULT 0,
    budget_planned_fen INTEGER NOT NULL DEFAULT 0,
    budget_spent_fen INTEGER NOT NULL DEFAULT 0,
    notes TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT lp_staffing_organisation_year_key UNIQUE (organisation_id, year)
);
CREATE INDEX lp_staffing_year_idx ON lp_staffing (year);

-- Permission keys of the network pages. organisation:inspector:appoint is checked by the inspector service
-- for appointments and re-appointments (the transition route itself needs organisation:inspector:manage).
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r, (
    SELECT 'organisation:network:view' AS permission UNION ALL SELECT 'organisation:network:manage' UNION ALL
    SELECT 'organisation:inspector:manage' UNION ALL SELECT 'organisation:inspector:appoint'
) p WHERE r.code IN ('PLATFORM_ADMIN', 'LP_CADRE');

INSERT INTO role_permissions (role_id, permission)
SELECT r.id, 'organisation:network:view' FROM roles r WHERE r.code = 'AUDITOR';
