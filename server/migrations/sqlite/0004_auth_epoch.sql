-- A counter bumped in the same transaction as every change that can revoke or alter a signed-in user's
-- rights (sign-out, password change or reset, user disabled or deleted, roles changed). Servers cache the
-- principal of each session and re-read it only when this counter moved, so one tiny read per request
-- replaces four, and every server process sees a revocation on its very next request.
CREATE TABLE auth_epoch (
    id INTEGER PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO auth_epoch (id, value) VALUES (1, 0);
