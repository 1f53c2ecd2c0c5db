import { Migration } from '../store-types';

/** Schema shared by the crash test and its child writer. */
export const CRASH_TEST_MIGRATIONS: Migration[] = [{
    version: 1,
    description: 'items and a counter updated in the same transactions',
    sql: `CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL, body TEXT NOT NULL);
          CREATE TABLE counter (one INTEGER PRIMARY KEY CHECK (one = 1), total INTEGER NOT NULL, last_id INTEGER NOT NULL);
          INSERT INTO counter VALUES (1, 0, 0);`
}];
