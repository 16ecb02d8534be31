-- An event's version: raised by the database itself whenever the event, one of its sessions or one of its assessment
-- components is written, whatever the code path or the instance that writes it. A person's records keep the rows of
-- the events they read, which many people share, by this version (records/EventRows, issue #14 point 3), and read
-- only the versions when they know every event of the person.
ALTER TABLE event ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION event_version_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version = OLD.version THEN
        NEW.version := OLD.version + 1;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER event_version_on_update BEFORE UPDATE ON event FOR EACH ROW EXECUTE FUNCTION event_version_raise();

-- a session or a component written: its event's version goes up (both events when one moved)
CREATE FUNCTION event_version_of_part() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        UPDATE event SET version = version + 1 WHERE id = NEW.event_id;
    END IF;
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.event_id <> NEW.event_id) THEN
        UPDATE event SET version = version + 1 WHERE id = OLD.event_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER event_version_on_session AFTER INSERT OR UPDATE OR DELETE ON event_session
    FOR EACH ROW EXECUTE FUNCTION event_version_of_part();
CREATE TRIGGER event_version_on_component AFTER INSERT OR UPDATE OR DELETE ON assessment_component
    FOR EACH ROW EXECUTE FUNCTION event_version_of_part();
