-- The annual statistical report (统计年报, workflow W11), ADR 0013. Owned by the annual_reports module.

-- One report per organisation and statistical year (October 1 of year - 1 to September 30 of year).
-- Scope filters join organisations and read its path (always current, also after a move).
CREATE TABLE statistical_reports (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    year INTEGER NOT NULL,
    status TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    check_note TEXT NOT NULL DEFAULT '',
    return_comment TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    refreshed_at INTEGER NOT NULL,
    submitted_at INTEGER,
    submitted_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    submitted_by_name TEXT NOT NULL DEFAULT '',
    approved_at INTEGER,
    approved_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    approved_by_name TEXT NOT NULL DEFAULT '',
    CONSTRAINT statistical_reports_organisation_year_key UNIQUE (organisation_id, year),
    CONSTRAINT statistical_reports_status_check CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'))
);
CREATE INDEX statistical_reports_year_idx ON statistical_reports (year, organisation_id);

-- The figures: the system value computed from the records, and the filler's manual value that replaces it
-- when set (§12.4 rule 8: only one of them counts).
CREATE TABLE statistical_report_items (
    report_id INTEGER NOT NULL REFERENCES statistical_reports (id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    system_value INTEGER NOT NULL DEFAULT 0,
    manual_value INTEGER,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (report_id, code),
    CONSTRAINT statistical_report_items_manual_check CHECK (manual_value IS NULL OR manual_value >= 0)
);

-- The report's timeline.
CREATE TABLE statistical_report_events (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES statistical_reports (id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    from_status TEXT NOT NULL DEFAULT '',
    to_status TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    actor TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE INDEX statistical_report_events_report_idx ON statistical_report_events (report_id, id);
