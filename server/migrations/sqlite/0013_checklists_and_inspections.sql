-- Checklists and inspections (监督检查, domain model §3.2–3.3, workflow W1; ADR 0010 and ADR 0011).
-- A checklist template (检查表) has numbered versions; a version is a DRAFT while it is edited and becomes
-- immutable once PUBLISHED (triggers refuse any change to it, its sections and its items), so an inspection
-- that pinned a version can always show what was asked. Templates with organisation_id NULL are the provincial
-- library; an organisation copies one (copied_from_id) and adapts its copy in new versions.
-- Instants are INTEGER milliseconds since the Unix epoch (UTC); calendar days are YYYY-MM-DD text
-- (Asia/Shanghai); booleans are INTEGER 0/1.

CREATE TABLE checklist_templates (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('STATUTORY', 'SEASONAL_CAMPAIGN', 'MAJOR_HAZARD_CRITERIA', 'CUSTOM')),
    season TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    organisation_id INTEGER REFERENCES organisations (id),
    copied_from_id INTEGER REFERENCES checklist_templates (id),
    copied_from_version INTEGER,
    current_version INTEGER NOT NULL DEFAULT 0,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
-- One code per owner; the library (organisation_id NULL) counts as owner 0.
CREATE UNIQUE INDEX checklist_templates_owner_code ON checklist_templates (COALESCE(organisation_id, 0), code);
CREATE INDEX checklist_templates_organisation_idx ON checklist_templates (organisation_id, id);

CREATE TABLE checklist_versions (
    id INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES checklist_templates (id),
    version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    note TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    published_at INTEGER,
    published_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    CONSTRAINT checklist_versions_number UNIQUE (template_id, version)
);
-- At most one draft per template.
CREATE UNIQUE INDEX checklist_versions_one_draft ON checklist_versions (template_id) WHERE status = 'DRAFT';

CREATE TABLE checklist_sections (
    id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES checklist_versions (id),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    CONSTRAINT checklist_sections_position UNIQUE (version_id, position)
);

CREATE TABLE checklist_items (
    id INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES checklist_versions (id),
    section_id INTEGER NOT NULL REFERENCES checklist_sections (id),
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    text TEXT NOT NULL,
    basis_ref TEXT NOT NULL DEFAULT '',
    max_score INTEGER NOT NULL DEFAULT 0,
    answer_type TEXT NOT NULL DEFAULT 'PASS_FAIL_NA' CHECK (answer_type IN ('PASS_FAIL_NA')),
    requires_photo INTEGER NOT NULL DEFAULT 0,
    requires_note INTEGER NOT NULL DEFAULT 0,
    severity_hint TEXT NOT NULL DEFAULT 'GENERAL' CHECK (severity_hint IN ('GENERAL', 'MAJOR')),
    CONSTRAINT checklist_items_code UNIQUE (version_id, code)
);
CREATE INDEX checklist_items_section_idx ON checklist_items (section_id, position);

CREATE TRIGGER checklist_versions_no_update BEFORE UPDATE ON checklist_versions WHEN OLD.status = 'PUBLISHED'
BEGIN SELECT RAISE(ABORT, 'published checklist versions are immutable'); END;
CREATE TRIGGER checklist_versions_no_delete BEFORE DELETE ON checklist_versions WHEN OLD.status = 'PUBLISHED'
BEGIN SELECT RAISE(ABORT, 'published checklist versions are immutable'); END;
CREATE TRIGGER checklist_sections_no_insert BEFORE INSERT ON checklist_sections
WHEN (SELECT status FROM checklist_versions WHERE id = NEW.version_id) = 'PUBLISHED'
BEGIN SELECT RAISE(ABORT, 'published checklist versions are immutable'); END;
CREATE TRIGGER checklist_sections_no_update BEFORE UPDATE ON checklist_sections
WHEN (SELECT status FROM checklist_versions WHERE id = OLD.version_id) = 'PUBLISHED'
BEGIN SELECT RAISE(ABORT, 'published checklist versions are immutable'); END;
CREATE TRIGGER checklist_sections_no_delete BEFORE DELETE ON checklist_sections
WHEN (SELECT status FROM checklist_versions WHERE id = OLD.version_id) = 'PUBLISHED'
BEGIN SELECT RAISE(ABORT, 'published checklist versions are immutable'); END;
CREATE TRIGGER checklist_items_no_insert BEFORE INSERT ON checklist_items
WHEN (SELECT status FROM checklist_versions WHERE id = NEW.version_id) = 'PUBLISHED'
BEGIN SELECT RAISE(ABORT, 'published checklist versions are immutable'); END;
CREATE TRIGGER checklist_items_no_update BEFORE UPDATE ON checklist_items
WHEN (SELECT status FROM checklist_versions WHERE id = OLD.version_id) = 'PUBLISHED'
BEGIN SELECT RAISE(ABORT, 'published checklist versions are immutable'); END;
CREATE TRIGGER checklist_items_no_delete BEFORE DELETE ON checklist_items
WHEN (SELECT status FROM checklist_versions WHERE id = OLD.version_id) = 'PUBLISHED'
BEGIN SELECT RAISE(ABORT, 'published checklist versions are immutable'); END;

-- Inspections (监督检查), organised by organisation_id, status per W1. The checklist version is pinned when the
-- inspection is planned. score / max_score / answered_count / failed_count are kept by the service from the
-- answers (PASS earns the item's max score; NA leaves the item out of max_score).
CREATE TABLE inspections (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL DEFAULT '',
    organisation_id INTEGER NOT NULL REFERENCES organisations (id),
    enterprise_id INTEGER NOT NULL REFERENCES enterprises (id),
    mode TEXT NOT NULL CHECK (mode IN ('UNION_INDEPENDENT', 'JOINT_WITH_AUTHORITY', 'JOINT_WITH_MANAGEMENT',
                                        'COMMITTEE_ROUTINE', 'SPECIAL_CAMPAIGN', 'SPOT_CHECK')),
    authority_name TEXT NOT NULL DEFAULT '',
    topic TEXT NOT NULL DEFAULT '',
    planned_date TEXT NOT NULL,
    checklist_version_id INTEGER NOT NULL REFERENCES checklist_versions (id),
    status TEXT NOT NULL,
    item_count INTEGER NOT NULL DEFAULT 0,
    answered_count INTEGER NOT NULL DEFAULT 0,
    failed_count INTEGER NOT NULL DEFAULT 0,
    score INTEGER NOT NULL DEFAULT 0,
    max_score INTEGER NOT NULL DEFAULT 0,
    signatory_name TEXT NOT NULL DEFAULT '',
    signatory_title TEXT NOT NULL DEFAULT '',
    refusal_note TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    cancel_reason TEXT NOT NULL DEFAULT '',
    started_at INTEGER,
    findings_recorded_at INTEGER,
    signed_at INTEGER,
    closed_at INTEGER,
    status_changed_at INTEGER NOT NULL,
    created_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX inspections_organisation_idx ON inspections (organisation_id, status, id);
CREATE INDEX inspections_enterprise_idx ON inspections (enterprise_id, id);
CREATE INDEX inspections_planned_idx ON inspections (planned_date, id);

-- The team: certified inspectors (inspector_id, name copied for the record) and free-text members
-- (企业安全员, 部门人员…; inspector_id NULL).
CREATE TABLE inspection_team (
    id INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    inspector_id INTEGER REFERENCES lp_inspectors (id),
    name TEXT NOT NULL
);
CREATE INDEX inspection_team_inspection_idx ON inspection_team (inspection_id, position);
CREATE INDEX inspection_team_inspector_idx ON inspection_team (inspector_id) WHERE inspector_id IS NOT NULL;

-- One answer per checklist item (by the item's code in the pinned version).
CREATE TABLE inspection_answers (
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    item_code TEXT NOT NULL,
    result TEXT NOT NULL CHECK (result IN ('PASS', 'FAIL', 'NA')),
    note TEXT NOT NULL DEFAULT '',
    updated_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (inspection_id, item_code)
);

CREATE TABLE inspection_answer_files (
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    item_code TEXT NOT NULL,
    file_id INTEGER NOT NULL REFERENCES files (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (inspection_id, item_code, file_id)
);

-- Every W1 transition: who, when, why.
CREATE TABLE inspection_events (
    id INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
    event TEXT NOT NULL,
    from_status TEXT NOT NULL DEFAULT '',
    to_status TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    user_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX inspection_events_inspection_idx ON inspection_events (inspection_id, id);

-- The provincial library (organisation_id NULL): version 1 of each template, published at migration time.
-- Items are inserted while the version is a draft; the last statement publishes them all.
INSERT INTO checklist_templates (code, name, kind, season, description, organisation_id, current_version, created_at, updated_at)
VALUES ('LP-STATUTORY', '工会劳动保护监督检查（法定项目）', 'STATUTORY', '', '工会依法开展劳动保护监督检查的通用项目：组织建设、民主管理、劳动防护、职业健康、教育培训与三同时。', NULL, 1, 0, 0);
INSERT INTO checklist_versions (template_id, version, status, note, created_at, updated_at)
VALUES ((SELECT id FROM checklist_templates WHERE organisation_id IS NULL AND code = 'LP-STATUTORY'), 1, 'DRAFT', '省级检查表库初始版本', 0, 0);
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'LP-STATUTORY' AND v.version = 1), 1, '组织建设');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'LP-01' AS code, 1 AS position, '企业依法建立工会组织，工会委员会正常运转' AS text, '《工会法》第十一条' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'LP-02' AS code, 2 AS position, '建立劳动保护监督检查委员会或配备劳动保护监督检查员' AS text, '《基层工会劳动保护监督检查委员会工作条例》第二条' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'LP-03' AS code, 3 AS position, '工会小组设立劳动保护检查员并开展日常检查' AS text, '《工会小组劳动保护检查员工作条例》第二条' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'LP-STATUTORY' AND v.version = 1) AND s.position = 1;
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'LP-STATUTORY' AND v.version = 1), 2, '民主管理与知情');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'LP-04' AS code, 1 AS position, '事故隐患排查治理情况向职工大会或职工代表大会报告' AS text, '《安全生产法》第四十一条' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'LP-05' AS code, 2 AS position, '制定或修改安全生产规章制度时听取工会意见' AS text, '《安全生产法》第七条' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'LP-06' AS code, 3 AS position, '签订劳动安全卫生专项集体合同并履行' AS text, '《劳动合同法》第五十二条' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'LP-STATUTORY' AND v.version = 1) AND s.position = 2;
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'LP-STATUTORY' AND v.version = 1), 3, '劳动防护与职业健康');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'LP-07' AS code, 1 AS position, '免费提供符合国家标准或行业标准的劳动防护用品，并监督职工正确佩戴使用' AS text, '《安全生产法》第四十五条' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'LP-08' AS code, 2 AS position, '组织接触职业病危害的职工进行上岗前、在岗期间和离岗时职业健康检查' AS text, '《职业病防治法》第三十五条' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'LP-09' AS code, 3 AS position, '在醒目位置设置公告栏和职业病危害警示标识、中文警示说明' AS text, '《职业病防治法》第二十四条' AS basis_ref, 5 AS max_score, 1 AS requires_photo, 0 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'LP-10' AS code, 4 AS position, '高温天气采取防暑降温措施并按规定发放高温津贴' AS text, '《防暑降温措施管理办法》第十七条' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'LP-11' AS code, 5 AS position, '落实女职工经期、孕期、哺乳期特殊劳动保护' AS text, '《女职工劳动保护特别规定》第四条' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'LP-STATUTORY' AND v.version = 1) AND s.position = 3;
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'LP-STATUTORY' AND v.version = 1), 4, '教育培训与建设项目');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'LP-12' AS code, 1 AS position, '从业人员经安全生产教育和培训合格后上岗' AS text, '《安全生产法》第二十八条' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'LP-13' AS code, 2 AS position, '特种作业人员经专门培训取得相应资格后上岗' AS text, '《安全生产法》第三十条' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'LP-14' AS code, 3 AS position, '新建、改建、扩建项目安全设施与主体工程同时设计、同时施工、同时投入生产和使用（三同时）' AS text, '《安全生产法》第三十一条' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'LP-15' AS code, 4 AS position, '依法参加工伤保险，为从业人员缴纳保险费' AS text, '《安全生产法》第五十一条' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'LP-16' AS code, 5 AS position, '制定生产安全事故应急救援预案并定期组织演练' AS text, '《安全生产法》第八十一条' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'LP-STATUTORY' AND v.version = 1) AND s.position = 4;
INSERT INTO checklist_templates (code, name, kind, season, description, organisation_id, current_version, created_at, updated_at)
VALUES ('SEASON-FLOOD', '汛期安全专项检查', 'SEASONAL_CAMPAIGN', 'FLOOD', '主汛期前后（一般 5–9 月）对防汛预案、物资、排水和抗风措施的专项检查。', NULL, 1, 0, 0);
INSERT INTO checklist_versions (template_id, version, status, note, created_at, updated_at)
VALUES ((SELECT id FROM checklist_templates WHERE organisation_id IS NULL AND code = 'SEASON-FLOOD'), 1, 'DRAFT', '省级检查表库初始版本', 0, 0);
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-FLOOD' AND v.version = 1), 1, '预案与值守');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'FL-01' AS code, 1 AS position, '制定防汛防台应急预案并在汛前组织演练' AS text, '《安全生产法》第八十一条' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'FL-02' AS code, 2 AS position, '落实汛期 24 小时值班和雨情、险情信息报送制度' AS text, '' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'FL-03' AS code, 3 AS position, '暴雨、大风等恶劣天气停止室外高处作业、起重吊装作业' AS text, '' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-FLOOD' AND v.version = 1) AND s.position = 1;
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-FLOOD' AND v.version = 1), 2, '设施与物资');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'FL-04' AS code, 1 AS position, '储备沙袋、抽水泵、救生衣、应急照明等防汛物资并可随时取用' AS text, '' AS basis_ref, 5 AS max_score, 1 AS requires_photo, 0 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'FL-05' AS code, 2 AS position, '地下室、配电房、低洼仓库设置挡水、排水设施，防止倒灌' AS text, '' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'FL-06' AS code, 3 AS position, '临时建筑、围墙、广告牌、脚手架等完成抗风加固' AS text, '' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'FL-07' AS code, 4 AS position, '施工现场基坑、边坡排水畅通并开展位移监测' AS text, '' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'FL-08' AS code, 5 AS position, '防雷装置经检测合格且在有效期内' AS text, '《防雷减灾管理办法》第十九条' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-FLOOD' AND v.version = 1) AND s.position = 2;
INSERT INTO checklist_templates (code, name, kind, season, description, organisation_id, current_version, created_at, updated_at)
VALUES ('SEASON-SUMMER', '夏季防暑降温专项检查', 'SEASONAL_CAMPAIGN', 'SUMMER', '依据《防暑降温措施管理办法》对高温天气作业安排、津贴、饮品和休息场所的专项检查。', NULL, 1, 0, 0);
INSERT INTO checklist_versions (template_id, version, status, note, created_at, updated_at)
VALUES ((SELECT id FROM checklist_templates WHERE organisation_id IS NULL AND code = 'SEASON-SUMMER'), 1, 'DRAFT', '省级检查表库初始版本', 0, 0);
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-SUMMER' AND v.version = 1), 1, '作业安排');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'SU-01' AS code, 1 AS position, '日最高气温达到 40℃以上时停止当日室外露天作业' AS text, '《防暑降温措施管理办法》第八条' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'SU-02' AS code, 2 AS position, '日最高气温达到 37℃以上、40℃以下时，12 时至 15 时停止露天作业，连续作业时间不超过国家规定' AS text, '《防暑降温措施管理办法》第八条' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'SU-03' AS code, 3 AS position, '日最高气温达到 35℃以上、37℃以下时采取换班轮休等方式缩短连续作业时间' AS text, '《防暑降温措施管理办法》第八条' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-SUMMER' AND v.version = 1) AND s.position = 1;
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-SUMMER' AND v.version = 1), 2, '保障措施');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'SU-04' AS code, 1 AS position, '按规定发放高温津贴，不因高温停工、缩短工时扣除或降低工资' AS text, '《防暑降温措施管理办法》第十七条' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'SU-05' AS code, 2 AS position, '为高温作业职工供应足够的防暑降温饮料及必需药品' AS text, '《防暑降温措施管理办法》第十一条' AS basis_ref, 5 AS max_score, 1 AS requires_photo, 0 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'SU-06' AS code, 3 AS position, '工作场所通风、降温设施运行有效' AS text, '' AS basis_ref, 5 AS max_score, 1 AS requires_photo, 0 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'SU-07' AS code, 4 AS position, '设置阴凉通风的工间休息场所' AS text, '' AS basis_ref, 5 AS max_score, 1 AS requires_photo, 0 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'SU-08' AS code, 5 AS position, '高温作业职工进行职业健康检查，职业禁忌者调离高温岗位' AS text, '《职业病防治法》第三十五条' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'SU-09' AS code, 6 AS position, '制定中暑应急预案，现场人员掌握中暑急救知识' AS text, '' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-SUMMER' AND v.version = 1) AND s.position = 2;
INSERT INTO checklist_templates (code, name, kind, season, description, organisation_id, current_version, created_at, updated_at)
VALUES ('SEASON-HOLIDAY', '节前安全检查', 'SEASONAL_CAMPAIGN', 'HOLIDAY', '元旦、春节、国庆等节日前对值守、停产检修、消防和职工权益的安全检查。', NULL, 1, 0, 0);
INSERT INTO checklist_versions (template_id, version, status, note, created_at, updated_at)
VALUES ((SELECT id FROM checklist_templates WHERE organisation_id IS NULL AND code = 'SEASON-HOLIDAY'), 1, 'DRAFT', '省级检查表库初始版本', 0, 0);
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-HOLIDAY' AND v.version = 1), 1, '值守与作业管理');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'HO-01' AS code, 1 AS position, '落实节日期间值班和领导带班制度' AS text, '' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'HO-02' AS code, 2 AS position, '节日停产检修的动火、受限空间等特殊作业严格审批并专人监护' AS text, '' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'HO-03' AS code, 3 AS position, '停产设备落实断电、断气、清料等安全停车措施' AS text, '' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-HOLIDAY' AND v.version = 1) AND s.position = 1;
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-HOLIDAY' AND v.version = 1), 2, '消防与危险物品');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'HO-04' AS code, 1 AS position, '消防设施、器材完好有效，疏散通道、安全出口畅通' AS text, '《消防法》第十六条' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'HO-05' AS code, 2 AS position, '危险化学品储存符合规定，出入库登记完整' AS text, '《危险化学品安全管理条例》第二十四条' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'HO-06' AS code, 3 AS position, '燃气管道、电气线路无私拉乱接和老化破损' AS text, '' AS basis_ref, 5 AS max_score, 1 AS requires_photo, 0 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'HO-07' AS code, 4 AS position, '职工集体宿舍、食堂用火用电安全' AS text, '' AS basis_ref, 5 AS max_score, 1 AS requires_photo, 0 AS requires_note, 'GENERAL' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-HOLIDAY' AND v.version = 1) AND s.position = 2;
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-HOLIDAY' AND v.version = 1), 3, '职工权益');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'HO-08' AS code, 1 AS position, '节前开展安全教育提醒，返乡职工交通安全提示' AS text, '' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 0 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'HO-09' AS code, 2 AS position, '法定节假日安排加班依法支付加班工资' AS text, '《劳动法》第四十四条' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-HOLIDAY' AND v.version = 1) AND s.position = 3;
INSERT INTO checklist_templates (code, name, kind, season, description, organisation_id, current_version, created_at, updated_at)
VALUES ('SEASON-RESUMPTION', '复工复产安全检查', 'SEASONAL_CAMPAIGN', 'RESUMPTION', '春节等长假或疫情停工后恢复生产前的安全条件检查（“复工第一课”）。', NULL, 1, 0, 0);
INSERT INTO checklist_versions (template_id, version, status, note, created_at, updated_at)
VALUES ((SELECT id FROM checklist_templates WHERE organisation_id IS NULL AND code = 'SEASON-RESUMPTION'), 1, 'DRAFT', '省级检查表库初始版本', 0, 0);
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-RESUMPTION' AND v.version = 1), 1, '复工准备');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'RE-01' AS code, 1 AS position, '制定复工复产方案，开展复工前安全风险辨识' AS text, '' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'RE-02' AS code, 2 AS position, '复工前对全员开展安全教育和岗位培训（复工第一课）' AS text, '《安全生产法》第二十八条' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'RE-03' AS code, 3 AS position, '了解返岗职工健康状况，职业禁忌者不安排相应岗位' AS text, '《职业病防治法》第三十五条' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'RE-04' AS code, 4 AS position, '更新应急预案，检查应急物资和器材' AS text, '' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-RESUMPTION' AND v.version = 1) AND s.position = 1;
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-RESUMPTION' AND v.version = 1), 2, '设备与作业');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'RE-05' AS code, 1 AS position, '设备设施复工前完成检查、检修和试运行' AS text, '' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'RE-06' AS code, 2 AS position, '特种设备经定期检验合格且在有效期内' AS text, '《特种设备安全法》第四十条' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'RE-07' AS code, 3 AS position, '有限空间作业执行“先通风、再检测、后作业”并设监护人' AS text, '《工贸企业有限空间作业安全规定》第十四条' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'RE-08' AS code, 4 AS position, '动火等危险作业办理审批手续' AS text, '' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'RE-09' AS code, 5 AS position, '外包施工队伍资质合格并签订安全生产管理协议' AS text, '《安全生产法》第四十九条' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'GENERAL' AS severity_hint
    UNION ALL SELECT 'RE-10' AS code, 6 AS position, '落实卫生防护物资和防疫措施（如适用）' AS text, '' AS basis_ref, 5 AS max_score, 0 AS requires_photo, 0 AS requires_note, 'GENERAL' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'SEASON-RESUMPTION' AND v.version = 1) AND s.position = 2;
INSERT INTO checklist_templates (code, name, kind, season, description, organisation_id, current_version, created_at, updated_at)
VALUES ('MH-GONGMAO-2023', '工贸企业重大事故隐患判定标准（检查用）', 'MAJOR_HAZARD_CRITERIA', '', '依据应急管理部令第10号（2023年5月15日施行）整理的检查表：第三条通用情形及部分行业、专项情形。任一项不合格即应判定为重大事故隐患。', NULL, 1, 0, 0);
INSERT INTO checklist_versions (template_id, version, status, note, created_at, updated_at)
VALUES ((SELECT id FROM checklist_templates WHERE organisation_id IS NULL AND code = 'MH-GONGMAO-2023'), 1, 'DRAFT', '省级检查表库初始版本', 0, 0);
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'MH-GONGMAO-2023' AND v.version = 1), 1, '通用情形（第三条）');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'MH-3-1' AS code, 1 AS position, '对承包单位、承租单位的安全生产工作统一协调、管理，并定期进行安全检查' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第三条第（一）项' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'MH-3-2' AS code, 2 AS position, '特种作业人员按照规定经专门的安全作业培训并取得相应资格后上岗作业' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第三条第（二）项' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'MH-3-3' AS code, 3 AS position, '金属冶炼企业主要负责人、安全生产管理人员按照规定经考核合格' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第三条第（三）项' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'MH-GONGMAO-2023' AND v.version = 1) AND s.position = 1;
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'MH-GONGMAO-2023' AND v.version = 1), 2, '冶金企业（第四条，节选）');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'MH-4-1' AS code, 1 AS position, '会议室、活动室、休息室、操作室、交接班室、更衣室等人员聚集场所及钢铁水罐冷（热）修工位未设置在铁水、钢水、液渣吊运跨的地坪区域内' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第四条第（一）项' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'MH-GONGMAO-2023' AND v.version = 1) AND s.position = 2;
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'MH-GONGMAO-2023' AND v.version = 1), 3, '存在粉尘爆炸危险的企业（第十一条）');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'MH-11-1' AS code, 1 AS position, '粉尘爆炸危险场所未设置在非框架结构的多层建（构）筑物内，场所内未设员工宿舍、会议室、办公室、休息室等人员聚集场所' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（一）项' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'MH-11-2' AS code, 2 AS position, '不同类别可燃性粉尘、可燃性粉尘与可燃气体等未共用一套除尘系统，不同建（构）筑物、防火分区的除尘系统未互联互通' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（二）项' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'MH-11-3' AS code, 3 AS position, '干式除尘系统采取了泄爆、惰化、抑爆等爆炸防控措施' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（三）项' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'MH-11-4' AS code, 4 AS position, '铝镁等金属粉尘除尘系统未采用正压除尘；其他可燃性粉尘正压吹送时采取了火花探测消除等防范点燃源措施' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（四）项' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'MH-11-5' AS code, 5 AS position, '除尘系统未采用重力沉降室除尘，未采用干式巷道式构筑物作为除尘风道' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（五）项' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'MH-11-6' AS code, 6 AS position, '铝镁等金属粉尘、木质粉尘的干式除尘系统设置了锁气卸灰装置' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（六）项' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'MH-11-7' AS code, 7 AS position, '除尘器、收尘仓等划分为 20 区的粉尘爆炸危险场所电气设备符合防爆要求' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（七）项' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'MH-11-8' AS code, 8 AS position, '粉碎、研磨、造粒等工艺设备前设置铁、石等杂物去除装置；木制品加工企业砂光机风管设置火花探测消除装置' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（八）项' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'MH-11-9' AS code, 9 AS position, '遇湿自燃金属粉尘的收集、堆放、储存场所采取通风等防止氢气积聚措施，干式场所采取防水、防潮措施' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（九）项' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'MH-11-10' AS code, 10 AS position, '落实粉尘清理制度，作业现场无严重积尘' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（十）项' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'MH-GONGMAO-2023' AND v.version = 1) AND s.position = 3;
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'MH-GONGMAO-2023' AND v.version = 1), 4, '使用液氨制冷的企业（第十二条）');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'MH-12-1' AS code, 1 AS position, '包装、分割、产品整理场所的空调系统未采用氨直接蒸发制冷' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十二条第（一）项' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'MH-12-2' AS code, 2 AS position, '快速冻结装置设置在单独作业间内，且作业间内作业人员不超过 9 人' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十二条第（二）项' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'MH-GONGMAO-2023' AND v.version = 1) AND s.position = 4;
INSERT INTO checklist_sections (version_id, position, title) VALUES ((SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'MH-GONGMAO-2023' AND v.version = 1), 5, '有限空间作业（第十三条）');
INSERT INTO checklist_items (version_id, section_id, position, code, text, basis_ref, max_score, answer_type, requires_photo, requires_note, severity_hint)
SELECT s.version_id, s.id, i.position, i.code, i.text, i.basis_ref, i.max_score, 'PASS_FAIL_NA', i.requires_photo, i.requires_note, i.severity_hint
FROM checklist_sections s, (
SELECT 'MH-13-1' AS code, 1 AS position, '对有限空间进行辨识、建立安全管理台账，并设置明显的安全警示标志' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十三条第（一）项' AS basis_ref, 10 AS max_score, 1 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
    UNION ALL SELECT 'MH-13-2' AS code, 2 AS position, '落实有限空间作业审批，执行“先通风、再检测、后作业”，作业现场设置监护人员' AS text, '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十三条第（二）项' AS basis_ref, 10 AS max_score, 0 AS requires_photo, 1 AS requires_note, 'MAJOR' AS severity_hint
) i
WHERE s.version_id = (SELECT v.id FROM checklist_versions v JOIN checklist_templates t ON t.id = v.template_id WHERE t.organisation_id IS NULL AND t.code = 'MH-GONGMAO-2023' AND v.version = 1) AND s.position = 5;
UPDATE checklist_versions SET status = 'PUBLISHED', published_at = 0 WHERE status = 'DRAFT'
    AND template_id IN (SELECT id FROM checklist_templates WHERE organisation_id IS NULL);

