-- Supervision and inspection (监督检查, domain model §3–4, ADR 0010): stored files, in-app notifications and
-- to-dos, hazards with their W2 history, verifications and escalations, union documents (W4) numbered per
-- issuing organisation and year, the enterprise's single-use reply links, the scheduler's exactly-once record of
-- deadline actions, and its job leases.
-- Instants are INTEGER milliseconds since the Unix epoch (UTC); calendar days are YYYY-MM-DD text
-- (Asia/Shanghai); booleans are INTEGER 0/1.

-- Uploaded photos and documents, stored once per content on disk under their SHA-256 (files/ab/cd/<hash>);
-- a row per upload, so each upload keeps its own organisation for scope. Photos are re-encoded before hashing.
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL,
    media_type TEXT NOT NULL,
    byte_size INTEGER NOT NULL,
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    thumbnail_sha256 TEXT NOT NULL DEFAULT '',
    original_name TEXT NOT NULL DEFAULT '',
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    uploaded_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX files_organisation_idx ON files (organisation_id, id);
CREATE INDEX files_sha256_idx ON files (sha256);

-- In-app messages, one row per recipient.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    entity_type TEXT NOT NULL DEFAULT '',
    entity_id INTEGER,
    organisation_id INTEGER REFERENCES organisations (id),
    created_at INTEGER NOT NULL,
    read_at INTEGER
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

-- What awaits someone (我的待办): assigned to a user, or to everyone of an organisation who holds `permission`.
-- At most one open to-do per entity and kind.
CREATE TABLE todos (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    permission TEXT NOT NULL DEFAULT '',
    user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    due_date TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    done_at INTEGER
);
CREATE INDEX todos_organisation_idx ON todos (organisation_id) WHERE done_at IS NULL;
CREATE INDEX todos_user_idx ON todos (user_id) WHERE done_at IS NULL;
CREATE UNIQUE INDEX todos_one_open ON todos (entity_type, entity_id, kind) WHERE done_at IS NULL;

-- Hazards (事故隐患), handled by `organisation_id` (the union that owns the case); status follows W2.
CREATE TABLE hazards (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL DEFAULT '',
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
    inspection_id INTEGER,
    checklist_item_code TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL,
    category TEXT NOT NULL,
    grade TEXT NOT NULL,
    major_subgrade INTEGER,
    major_criterion TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    immediate_danger INTEGER NOT NULL DEFAULT 0,
    found_on TEXT NOT NULL,
    found_by TEXT NOT NULL DEFAULT '',
    rectification_deadline TEXT NOT NULL DEFAULT '',
    reply_due TEXT NOT NULL DEFAULT '',
    recheck_due TEXT NOT NULL DEFAULT '',
    rectification_plan TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    status_changed_at INTEGER NOT NULL,
    rule_set_version_id INTEGER REFERENCES rule_set_versions (id),
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    closed_at INTEGER
);
CREATE INDEX hazards_organisation_idx ON hazards (organisation_id, status, id);
CREATE INDEX hazards_enterprise_idx ON hazards (enterprise_id, id);
CREATE INDEX hazards_status_idx ON hazards (status, id);
CREATE INDEX hazards_inspection_idx ON hazards (inspection_id) WHERE inspection_id IS NOT NULL;

-- Every W2 transition: who, when, why (the case's timeline).
CREATE TABLE hazard_events (
    id INTEGER PRIMARY KEY,
    hazard_id INTEGER NOT NULL REFERENCES hazards (id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    from_status TEXT NOT NULL DEFAULT '',
    to_status TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    actor TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
CREATE INDEX hazard_events_hazard_idx ON hazard_events (hazard_id, id);

-- Photos of the hazard, the enterprise's evidence, the recheck's evidence.
CREATE TABLE hazard_files (
    hazard_id INTEGER NOT NULL REFERENCES hazards (id) ON DELETE CASCADE,
    file_id INTEGER NOT NULL REFERENCES files (id),
    purpose TEXT NOT NULL CHECK (purpose IN ('PHOTO', 'REPLY_EVIDENCE', 'VERIFICATION_EVIDENCE')),
    event_id INTEGER REFERENCES hazard_events (id),
    PRIMARY KEY (hazard_id, file_id, purpose)
);

-- 复查/验收.
CREATE TABLE hazard_verifications (
    id INTEGER PRIMARY KEY,
    hazard_id INTEGER NOT NULL REFERENCES hazards (id) ON DELETE CASCADE,
    verification_type TEXT NOT NULL,
    result TEXT NOT NULL CHECK (result IN ('PASSED', 'FAILED', 'PARTIAL')),
    verifiers TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    verified_on TEXT NOT NULL,
    event_id INTEGER REFERENCES hazard_events (id),
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX hazard_verifications_hazard_idx ON hazard_verifications (hazard_id, id);

-- 上报/移送: to the higher union (to_organisation_id) or a government body (to_agency).
CREATE TABLE hazard_escalations (
    id INTEGER PRIMARY KEY,
    hazard_id INTEGER NOT NULL REFERENCES hazards (id) ON DELETE CASCADE,
    from_organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    to_organisation_id INTEGER REFERENCES organisations (id),
    to_agency TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    automatic INTEGER NOT NULL DEFAULT 0,
    sent_at INTEGER NOT NULL,
    acknowledged_at INTEGER,
    outcome TEXT NOT NULL DEFAULT '',
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX hazard_escalations_hazard_idx ON hazard_escalations (hazard_id, id);
CREATE INDEX hazard_escalations_to_idx ON hazard_escalations (to_organisation_id, id);

-- Union documents (工会监督文书), status per W4. serial and doc_no are set when the document is issued: serials
-- run 1, 2, … per issuing organisation and year with neither gaps nor duplicates (document_number_counters is
-- advanced in the issuing transaction, so a rolled-back issue returns its number).
CREATE TABLE union_documents (
    id INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    document_type TEXT NOT NULL,
    year INTEGER,
    serial INTEGER,
    document_no TEXT NOT NULL DEFAULT '',
    enterprise_id INTEGER REFERENCES enterprises (id),
    addressee TEXT NOT NULL,
    title TEXT NOT NULL,
    content TEXT NOT NULL DEFAULT '',
    requested_actions TEXT NOT NULL DEFAULT '',
    signed_by TEXT NOT NULL DEFAULT '',
    reply_due TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    issued_at INTEGER,
    served_at INTEGER,
    service_method TEXT NOT NULL DEFAULT '',
    reply_received_at INTEGER,
    reply_decision TEXT NOT NULL DEFAULT '',
    reply_content TEXT NOT NULL DEFAULT '',
    reply_plan TEXT NOT NULL DEFAULT '',
    reply_contact TEXT NOT NULL DEFAULT '',
    review_note TEXT NOT NULL DEFAULT '',
    rule_set_version_id INTEGER REFERENCES rule_set_versions (id),
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX union_documents_organisation_idx ON union_documents (organisation_id, status, id);
CREATE INDEX union_documents_enterprise_idx ON union_documents (enterprise_id, id);
CREATE UNIQUE INDEX union_documents_number ON union_documents (organisation_id, year, serial) WHERE serial IS NOT NULL;

CREATE TABLE document_number_counters (
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    year INTEGER NOT NULL,
    last_serial INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (organisation_id, year)
);

CREATE TABLE document_hazards (
    document_id INTEGER NOT NULL REFERENCES union_documents (id) ON DELETE CASCADE,
    hazard_id INTEGER NOT NULL REFERENCES hazards (id) ON DELETE CASCADE,
    PRIMARY KEY (document_id, hazard_id)
);
CREATE INDEX document_hazards_hazard_idx ON document_hazards (hazard_id);

CREATE TABLE document_files (
    document_id INTEGER NOT NULL REFERENCES union_documents (id) ON DELETE CASCADE,
    file_id INTEGER NOT NULL REFERENCES files (id),
    purpose TEXT NOT NULL CHECK (purpose IN ('ATTACHMENT', 'REPLY_EVIDENCE')),
    PRIMARY KEY (document_id, file_id, purpose)
);

-- The enterprise's way to answer without an account: a random token shown once (only its SHA-256 is kept),
-- good for one document, until expires_at, and for one reply (used_at).
CREATE TABLE document_reply_links (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES union_documents (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    revoked_at INTEGER,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    CONSTRAINT document_reply_links_token_key UNIQUE (token_hash)
);
CREATE INDEX document_reply_links_document_idx ON document_reply_links (document_id);

-- The scheduler's record of what it did: a reminder, an overdue mark or an escalation about one entity's one
-- due date. Whoever inserts the row performs the action in the same transaction, so two processes racing over
-- the same deadline act once.
CREATE TABLE deadline_actions (
    id INTEGER PRIMARY KEY,
    entity_type TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    due_date TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    CONSTRAINT deadline_actions_once UNIQUE (entity_type, entity_id, action, due_date)
);

-- Which process runs a periodic job now (a lease, renewed while it runs); correctness does not depend on it.
CREATE TABLE job_leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL DEFAULT '',
    lease_until INTEGER NOT NULL DEFAULT 0,
    last_started_at INTEGER NOT NULL DEFAULT 0,
    last_finished_at INTEGER NOT NULL DEFAULT 0,
    last_result TEXT NOT NULL DEFAULT ''
);

-- Cadres do the whole of supervision in their subtree; auditors read. Uploading is part of each workflow and
-- is checked against the workflow's own permission, apart from the plain upload route (files:file:upload).
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r, (
    SELECT 'supervision:hazard:view' AS permission UNION ALL SELECT 'supervision:hazard:manage' UNION ALL
    SELECT 'supervision:document:view' UNION ALL SELECT 'supervision:document:manage' UNION ALL
    SELECT 'supervision:document:sign' UNION ALL SELECT 'files:file:upload' UNION ALL
    SELECT 'files:file:view' UNION ALL
    SELECT 'supervision:checklist:view' UNION ALL SELECT 'supervision:checklist:manage' UNION ALL
    SELECT 'supervision:inspection:view' UNION ALL SELECT 'supervision:inspection:manage'
) p WHERE r.code IN ('PLATFORM_ADMIN', 'LP_CADRE');

INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r, (
    SELECT 'supervision:hazard:view' AS permission UNION ALL SELECT 'supervision:document:view' UNION ALL
    SELECT 'files:file:view' UNION ALL SELECT 'supervision:checklist:view' UNION ALL
    SELECT 'supervision:inspection:view'
) p WHERE r.code = 'AUDITOR';

-- Running a periodic job by hand (POST /system/jobs/{name}/run) is the platform administrators'.
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, 'system:job:run' FROM roles r WHERE r.code = 'PLATFORM_ADMIN';
