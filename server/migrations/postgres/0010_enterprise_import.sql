-- Enterprise import (issue 3 item 6): the permission key for the built-in roles that keep enterprise lists,
-- and the enterprise registration types (登记注册类型, 国统字〔2011〕86号 with 个体经营) as a dictionary, so an
-- imported "私营有限责任公司" becomes 173. The rules still accept any three digits: the list is for labels.
INSERT INTO role_permissions (role_id, permission)
SELECT r.id, 'organisation:enterprise:import' FROM roles r WHERE r.code IN ('PLATFORM_ADMIN', 'LP_CADRE');

INSERT INTO dictionaries (code, name, name_en, created_at) VALUES ('registration_type', '登记注册类型', 'Enterprise registration type', 0);

INSERT INTO dictionary_items (dict_code, code, label, label_en, sort_order, enabled, created_at, updated_at) VALUES
    ('registration_type', '110', '国有企业', 'State-owned enterprise', 1, 1, 0, 0),
    ('registration_type', '120', '集体企业', 'Collective enterprise', 2, 1, 0, 0),
    ('registration_type', '130', '股份合作企业', 'Joint-stock cooperative', 3, 1, 0, 0),
    ('registration_type', '140', '联营企业', 'Joint operation', 4, 1, 0, 0),
    ('registration_type', '150', '有限责任公司', 'Limited liability company', 5, 1, 0, 0),
    ('registration_type', '151', '国有独资公司', 'Wholly state-owned company', 6, 1, 0, 0),
    ('registration_type', '159', '其他有限责任公司', 'Other limited liability company', 7, 1, 0, 0),
    ('registration_type', '160', '股份有限公司', 'Company limited by shares', 8, 1, 0, 0),
    ('registration_type', '170', '私营企业', 'Private enterprise', 9, 1, 0, 0),
    ('registration_type', '171', '私营独资企业', 'Private sole proprietorship', 10, 1, 0, 0),
    ('registration_type', '172', '私营合伙企业', 'Private partnership', 11, 1, 0, 0),
    ('registration_type', '173', '私营有限责任公司', 'Private limited liability company', 12, 1, 0, 0),
    ('registration_type', '174', '私营股份有限公司', 'Private company limited by shares', 13, 1, 0, 0),
    ('registration_type', '190', '其他企业', 'Other enterprise', 14, 1, 0, 0),
    ('registration_type', '200', '港、澳、台商投资企业', 'Hong Kong, Macao or Taiwan invested', 15, 1, 0, 0),
    ('registration_type', '300', '外商投资企业', 'Foreign invested', 16, 1, 0, 0),
    ('registration_type', '400', '个体经营', 'Individual business', 17, 1, 0, 0);
