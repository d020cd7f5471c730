-- Development data for deploy/compose/dev.yml.
CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, price DECIMAL(10, 2));
INSERT INTO products VALUES (1, 'teapot', 24.50), (2, 'cup', 6.00), (3, 'saucer', 4.25);
