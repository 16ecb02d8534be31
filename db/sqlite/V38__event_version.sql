-- An event's version: raised by the database itself whenever the event, one of its sessions or one of its assessment
-- components is written, whatever the code path or the instance that writes it. A person's records keep the rows of
-- the events they read, which many people share, by this version (records/EventRows, issue #14 point 3), and read
-- only the versions when they know every event of the person.
ALTER TABLE event ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- the raise below changes the version, so this one does not fire again for it
CREATE TRIGGER event_version_on_update AFTER UPDATE ON event WHEN NEW.version = OLD.version
BEGIN
    UPDATE event SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TRIGGER event_version_on_session_insert AFTER INSERT ON event_session
BEGIN
    UPDATE event SET version = version + 1 WHERE id = NEW.event_id;
END;

CREATE TRIGGER event_version_on_session_update AFTER UPDATE ON event_session
BEGIN
    UPDATE event SET version = version + 1 WHERE id IN (OLD.event_id, NEW.event_id);
END;

CREATE TRIGGER event_version_on_session_delete AFTER DELETE ON event_session
BEGIN
    UPDATE event SET version = version + 1 WHERE id = OLD.event_id;
END;

CREATE TRIGGER event_version_on_component_insert AFTER INSERT ON assessment_component
BEGIN
    UPDATE event SET version = version + 1 WHERE id = NEW.event_id;
END;

CREATE TRIGGER event_version_on_component_update AFTER UPDATE ON assessment_component
BEGIN
    UPDATE event SET version = version + 1 WHERE id IN (OLD.event_id, NEW.event_id);
END;

CREATE TRIGGER event_version_on_component_delete AFTER DELETE ON assessment_component
BEGIN
    UPDATE event SET version = version + 1 WHERE id = OLD.event_id;
END;
