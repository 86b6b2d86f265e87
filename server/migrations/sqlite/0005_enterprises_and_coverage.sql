-- Organisation network, first part: enterprises (企业) and which union covers each (建会覆盖).
-- An enterprise belongs to a territorial organisation (township/street union or county federation); it
-- carries a copy of that organisation's path, kept by triggers as for users, so scope filters and roll-ups by
-- child organisation (GROUP BY substr(organisation_path, 1, n)) are index ranges on this one table.

CREATE TABLE enterprises (
    id INTEGER PRIMARY KEY,
    credit_code TEXT NOT NULL,
    name TEXT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    organisation_path TEXT NOT NULL DEFAULT '',
    industry_section TEXT NOT NULL,
    industry_division TEXT NOT NULL DEFAULT '',
    economic_component TEXT NOT NULL,
    registration_type TEXT NOT NULL DEFAULT '',
    size_class TEXT NOT NULL,
    headcount INTEGER NOT NULL DEFAULT 0,
    address TEXT NOT NULL DEFAULT '',
    admin_division_code TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'ACTIVE',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CONSTRAINT enterprises_credit_code_key UNIQUE (credit_code)
);
CREATE INDEX enterprises_path_idx ON enterprises (organisation_path, id);
CREATE INDEX enterprises_organisation_idx ON enterprises (organisation_id);

CREATE TRIGGER enterprises_organisation_path_on_insert AFTER INSERT ON enterprises
BEGIN
    UPDATE enterprises SET organisation_path = (SELECT path FROM organisations WHERE id = NEW.organisation_id) WHERE id = NEW.id;
END;

CREATE TRIGGER enterprises_organisation_path_on_move AFTER UPDATE OF organisation_id ON enterprises
BEGIN
    UPDATE enterprises SET organisation_path = (SELECT path FROM organisations WHERE id = NEW.organisation_id) WHERE id = NEW.id;
END;

CREATE TRIGGER organisations_path_to_enterprises AFTER UPDATE OF path ON organisations
BEGIN
    UPDATE enterprises SET organisation_path = NEW.path WHERE organisation_id = NEW.id;
END;

-- One row per period of coverage; the current one has until_date NULL. Dates are YYYY-MM-DD text.
CREATE TABLE union_coverage (
    id INTEGER PRIMARY KEY,
    enterprise_id INTEGER NOT NULL REFERENCES enterprises (id) ON DELETE CASCADE,
    coverage_type TEXT NOT NULL,
    union_organisation_id INTEGER REFERENCES organisations (id),
    supervising_organisation_id INTEGER REFERENCES organisations (id),
    since_date TEXT NOT NULL,
    until_date TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX union_coverage_enterprise_idx ON union_coverage (enterprise_id, until_date);
