-- Each user carries a copy of their organisation's materialised path, so data-scope filters on users are one
-- index range on users instead of a join that probes every organisation in the range. The database keeps the
-- copy right: on insert, on a change of organisation, and when an organisation's path changes (a move).
ALTER TABLE users ADD COLUMN organisation_path TEXT NOT NULL DEFAULT '';
UPDATE users SET organisation_path = (SELECT path FROM organisations o WHERE o.id = users.organisation_id);
CREATE INDEX users_organisation_path_idx ON users (organisation_path, id);

CREATE FUNCTION users_copy_organisation_path() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.organisation_path := (SELECT path FROM organisations WHERE id = NEW.organisation_id);
    RETURN NEW;
END;
$$;
CREATE TRIGGER users_organisation_path_on_write BEFORE INSERT OR UPDATE OF organisation_id ON users
    FOR EACH ROW EXECUTE FUNCTION users_copy_organisation_path();

CREATE FUNCTION organisations_path_to_users() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE users SET organisation_path = NEW.path WHERE organisation_id = NEW.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER organisations_path_to_users AFTER UPDATE OF path ON organisations
    FOR EACH ROW EXECUTE FUNCTION organisations_path_to_users();
