-- Permission keys of the enterprise pages for the built-in roles, and the GB/T 4754-2017 sections (门类).
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r, (
    SELECT 'organisation:enterprise:view' AS permission UNION ALL SELECT 'organisation:enterprise:create' UNION ALL
    SELECT 'organisation:enterprise:update' UNION ALL SELECT 'organisation:enterprise:delete' UNION ALL
    SELECT 'organisation:enterprise:export'
) p WHERE r.code = 'PLATFORM_ADMIN';

INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r, (
    SELECT 'organisation:enterprise:view' AS permission UNION ALL SELECT 'organisation:enterprise:create' UNION ALL
    SELECT 'organisation:enterprise:update' UNION ALL SELECT 'organisation:enterprise:export'
) p WHERE r.code = 'LP_CADRE';

INSERT INTO role_permissions (role_id, permission)
SELECT r.id, 'organisation:enterprise:view' FROM roles r WHERE r.code = 'AUDITOR';

INSERT INTO dictionaries (code, name, name_en, created_at) VALUES ('industry_section', '国民经济行业门类', 'Industry section (GB/T 4754-2017)', 0);

INSERT INTO dictionary_items (dict_code, code, label, label_en, sort_order, enabled, created_at, updated_at) VALUES
    ('industry_section', 'A', '农、林、牧、渔业', 'Agriculture, forestry, animal husbandry and fishery', 1, 1, 0, 0),
    ('industry_section', 'B', '采矿业', 'Mining', 2, 1, 0, 0),
    ('industry_section', 'C', '制造业', 'Manufacturing', 3, 1, 0, 0),
    ('industry_section', 'D', '电力、热力、燃气及水生产和供应业', 'Electricity, heat, gas and water supply', 4, 1, 0, 0),
    ('industry_section', 'E', '建筑业', 'Construction', 5, 1, 0, 0),
    ('industry_section', 'F', '批发和零售业', 'Wholesale and retail trade', 6, 1, 0, 0),
    ('industry_section', 'G', '交通运输、仓储和邮政业', 'Transport, storage and post', 7, 1, 0, 0),
    ('industry_section', 'H', '住宿和餐饮业', 'Accommodation and catering', 8, 1, 0, 0),
    ('industry_section', 'I', '信息传输、软件和信息技术服务业', 'Information transmission, software and IT services', 9, 1, 0, 0),
    ('industry_section', 'J', '金融业', 'Finance', 10, 1, 0, 0),
    ('industry_section', 'K', '房地产业', 'Real estate', 11, 1, 0, 0),
    ('industry_section', 'L', '租赁和商务服务业', 'Leasing and business services', 12, 1, 0, 0),
    ('industry_section', 'M', '科学研究和技术服务业', 'Scientific research and technical services', 13, 1, 0, 0),
    ('industry_section', 'N', '水利、环境和公共设施管理业', 'Water, environment and public facilities management', 14, 1, 0, 0),
    ('industry_section', 'O', '居民服务、修理和其他服务业', 'Resident, repair and other services', 15, 1, 0, 0),
    ('industry_section', 'P', '教育', 'Education', 16, 1, 0, 0),
    ('industry_section', 'Q', '卫生和社会工作', 'Health and social work', 17, 1, 0, 0),
    ('industry_section', 'R', '文化、体育和娱乐业', 'Culture, sports and entertainment', 18, 1, 0, 0),
    ('industry_section', 'S', '公共管理、社会保障和社会组织', 'Public administration, social security and social organisations', 19, 1, 0, 0),
    ('industry_section', 'T', '国际组织', 'International organisations', 20, 1, 0, 0);
