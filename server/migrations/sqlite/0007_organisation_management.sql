-- Union organisations are created with the approval of the higher union (工会法 Art 12) and can be moved
-- within the tree; permission keys for it.
ALTER TABLE organisations ADD COLUMN approved_by_organisation_id INTEGER REFERENCES organisations (id);
ALTER TABLE organisations ADD COLUMN approval_date TEXT NOT NULL DEFAULT '';

INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r, (
    SELECT 'organisation:org:create' AS permission UNION ALL SELECT 'organisation:org:update' UNION ALL
    SELECT 'organisation:org:move'
) p WHERE r.code = 'PLATFORM_ADMIN';

INSERT INTO role_permissions (role_id, permission)
SELECT r.id, p.permission FROM roles r, (
    SELECT 'organisation:org:create' AS permission UNION ALL SELECT 'organisation:org:update'
) p WHERE r.code = 'LP_CADRE';
