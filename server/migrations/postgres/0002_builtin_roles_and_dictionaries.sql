-- Built-in roles and the dictionaries every installation needs. Codes are stable; labels are editable.

INSERT INTO roles (code, name, data_scope, builtin, remark, created_at, updated_at) VALUES
    ('PLATFORM_ADMIN', '系统管理员', 'SUBTREE', 1, '管理用户、角色、字典，查看审计日志', 0, 0),
    ('LP_CADRE', '劳动保护工作干部', 'SUBTREE', 1, '省/市/县/乡镇工会劳动保护部门干部，管理本级及下级', 0, 0),
    ('AUDITOR', '审计员', 'SUBTREE', 1, '只读，含审计日志与登录日志', 0, 0);

INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r, (
    SELECT 'organisation:org:view' AS permission UNION ALL
    SELECT 'system:user:view' UNION ALL SELECT 'system:user:create' UNION ALL SELECT 'system:user:update' UNION ALL
    SELECT 'system:user:delete' UNION ALL SELECT 'system:user:export' UNION ALL
    SELECT 'system:role:view' UNION ALL SELECT 'system:role:create' UNION ALL SELECT 'system:role:update' UNION ALL
    SELECT 'system:role:delete' UNION ALL
    SELECT 'system:dict:view' UNION ALL SELECT 'system:dict:update' UNION ALL
    SELECT 'system:audit:view' UNION ALL SELECT 'system:loginlog:view'
) p WHERE r.code = 'PLATFORM_ADMIN';

INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r, (
    SELECT 'organisation:org:view' AS permission UNION ALL
    SELECT 'system:user:view' UNION ALL SELECT 'system:user:create' UNION ALL SELECT 'system:user:update' UNION ALL
    SELECT 'system:user:export' UNION ALL SELECT 'system:role:view' UNION ALL SELECT 'system:dict:view' UNION ALL
    SELECT 'system:audit:view'
) p WHERE r.code = 'LP_CADRE';

INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r, (
    SELECT 'organisation:org:view' AS permission UNION ALL SELECT 'system:user:view' UNION ALL
    SELECT 'system:role:view' UNION ALL SELECT 'system:dict:view' UNION ALL
    SELECT 'system:audit:view' UNION ALL SELECT 'system:loginlog:view'
) p WHERE r.code = 'AUDITOR';

INSERT INTO dictionaries (code, name, name_en, created_at) VALUES
    ('org_type', '工会组织类型', 'Union organisation type', 0),
    ('org_status', '组织状态', 'Organisation status', 0),
    ('user_status', '账号状态', 'Account status', 0),
    ('economic_component', '经济成分', 'Economic component', 0),
    ('size_class', '企业规模', 'Enterprise size class', 0),
    ('union_coverage_type', '建会覆盖方式', 'Union coverage type', 0),
    ('hazard_category', '隐患类别', 'Hazard category', 0),
    ('employment_form', '用工形式', 'Employment form', 0);

INSERT INTO dictionary_items (dict_code, code, label, label_en, sort_order, enabled, created_at, updated_at) VALUES
    ('org_type', 'ACFTU', '全国总工会', 'All-China Federation of Trade Unions', 1, 1, 0, 0),
    ('org_type', 'NATIONAL_INDUSTRIAL', '全国产业工会', 'National industrial union', 2, 1, 0, 0),
    ('org_type', 'PROVINCIAL_FED', '省总工会', 'Provincial federation', 3, 1, 0, 0),
    ('org_type', 'CITY_FED', '市总工会', 'City federation', 4, 1, 0, 0),
    ('org_type', 'COUNTY_FED', '县(区)总工会', 'County federation', 5, 1, 0, 0),
    ('org_type', 'LOCAL_INDUSTRIAL', '地方产业(行业)工会', 'Local industrial union', 6, 1, 0, 0),
    ('org_type', 'TOWN_STREET_PARK', '乡镇/街道/园区工会', 'Township, street or park union', 7, 1, 0, 0),
    ('org_type', 'REGIONAL_FED', '区域性工会联合会', 'Regional federation', 8, 1, 0, 0),
    ('org_type', 'SECTORAL_FED', '行业性工会联合会', 'Sectoral federation', 9, 1, 0, 0),
    ('org_type', 'BASE_UNION', '基层工会委员会', 'Base union', 10, 1, 0, 0),
    ('org_type', 'JOINT_BASE_UNION', '联合基层工会', 'Joint base union', 11, 1, 0, 0),
    ('org_type', 'BRANCH_UNION', '分工会/车间工会', 'Branch union', 12, 1, 0, 0),
    ('org_type', 'UNION_GROUP', '工会小组', 'Union group', 13, 1, 0, 0),
    ('org_status', 'ACTIVE', '正常', 'Active', 1, 1, 0, 0),
    ('org_status', 'MERGED', '已合并', 'Merged', 2, 1, 0, 0),
    ('org_status', 'DISSOLVED', '已撤销', 'Dissolved', 3, 1, 0, 0),
    ('user_status', 'ACTIVE', '正常', 'Active', 1, 1, 0, 0),
    ('user_status', 'DISABLED', '停用', 'Disabled', 2, 1, 0, 0),
    ('economic_component', '11', '国有经济', 'State-owned', 1, 1, 0, 0),
    ('economic_component', '12', '集体经济', 'Collective', 2, 1, 0, 0),
    ('economic_component', '21', '私有经济', 'Private', 3, 1, 0, 0),
    ('economic_component', '22', '港澳台经济', 'Hong Kong, Macao and Taiwan', 4, 1, 0, 0),
    ('economic_component', '23', '外商经济', 'Foreign', 5, 1, 0, 0),
    ('size_class', 'LARGE', '大型', 'Large', 1, 1, 0, 0),
    ('size_class', 'MEDIUM', '中型', 'Medium', 2, 1, 0, 0),
    ('size_class', 'SMALL', '小型', 'Small', 3, 1, 0, 0),
    ('size_class', 'MICRO', '微型', 'Micro', 4, 1, 0, 0),
    ('union_coverage_type', 'OWN_UNION', '独立建会', 'Own union', 1, 1, 0, 0),
    ('union_coverage_type', 'JOINT_BASE_UNION', '联合基层工会', 'Joint base union', 2, 1, 0, 0),
    ('union_coverage_type', 'REGIONAL_FEDERATION', '区域性工会联合会', 'Regional federation', 3, 1, 0, 0),
    ('union_coverage_type', 'SECTORAL_FEDERATION', '行业性工会联合会', 'Sectoral federation', 4, 1, 0, 0),
    ('union_coverage_type', 'ORGANISER_ONLY', '组织员', 'Organiser only', 5, 1, 0, 0),
    ('union_coverage_type', 'NONE', '未建会', 'No union', 6, 1, 0, 0),
    ('hazard_category', 'UNSAFE_CONDITION', '物的不安全状态', 'Unsafe condition of things', 1, 1, 0, 0),
    ('hazard_category', 'UNSAFE_ACT', '人的不安全行为', 'Unsafe act', 2, 1, 0, 0),
    ('hazard_category', 'MANAGEMENT_DEFECT', '管理缺陷', 'Management defect', 3, 1, 0, 0),
    ('hazard_category', 'OCCUPATIONAL_HEALTH', '职业病危害', 'Occupational-health hazard', 4, 1, 0, 0),
    ('hazard_category', 'WORK_ENVIRONMENT', '作业环境', 'Work environment', 5, 1, 0, 0),
    ('employment_form', 'LABOUR_CONTRACT', '劳动合同', 'Labour contract', 1, 1, 0, 0),
    ('employment_form', 'DISPATCH', '劳务派遣', 'Dispatched labour', 2, 1, 0, 0),
    ('employment_form', 'INTERNSHIP', '实习', 'Internship', 3, 1, 0, 0),
    ('employment_form', 'NEW_FORMS', '新就业形态', 'New forms of employment', 4, 1, 0, 0),
    ('employment_form', 'OTHER', '其他', 'Other', 5, 1, 0, 0);
