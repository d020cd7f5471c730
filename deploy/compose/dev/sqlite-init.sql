-- Development data for deploy/compose/dev.yml.
CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
INSERT OR IGNORE INTO notes VALUES (1, 'first note'), (2, 'second note');
