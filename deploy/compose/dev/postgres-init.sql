-- Development data for deploy/compose/dev.yml.
CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL, note text);
INSERT INTO items SELECT g, 'item ' || g, CASE WHEN g % 3 = 0 THEN NULL ELSE repeat('x', g % 40) END FROM generate_series(1, 1000) g;
