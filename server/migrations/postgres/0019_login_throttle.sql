-- The login throttle counts failed sign-ins from the login log, so every server process on one database sees
-- the same attempts (ADR 0014): recent failures per account and per client address.
CREATE INDEX login_log_username_idx ON login_log (username, at);
CREATE INDEX login_log_address_idx ON login_log (client_address, at);
