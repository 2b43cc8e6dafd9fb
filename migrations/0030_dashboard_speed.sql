-- Hand-written (drizzle-kit generate --custom): the register's status counts on the dashboard are kept per
-- cp_reminders_version and day (src/oversight/dashboard-repo.ts, as the reminders are), so a pause must count the
-- version up too: a pause starting or ending moves a contact person between 'paused' and the other statuses.
CREATE CONSTRAINT TRIGGER cp_pauses_reminders_version AFTER INSERT OR UPDATE OR DELETE ON cp_pauses
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cp_reminders_changed();
