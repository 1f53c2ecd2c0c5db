import * as assert from 'node:assert/strict';
import { loadSqlJs } from './sql-js-loader';
import { SqlRunner } from './sql-runner';

describe('SqlRunner', () => {
    it('offers fold() for accent- and case-insensitive searches, still there after an export', async () => {
        const SQL = await loadSqlJs();
        const runner = new SqlRunner(new SQL.Database());
        const folded = () => runner.all<{ f: string; n: null }>('SELECT fold(?) AS f, fold(NULL) AS n', ['Société Générale — Œuvres'])[0];
        assert.deepEqual(folded(), { f: 'societe generale - oeuvres', n: null });
        runner.export(); // sql.js closes and reopens the database here, dropping its functions
        assert.deepEqual(folded(), { f: 'societe generale - oeuvres', n: null });
        runner.db.close();
    });
});
