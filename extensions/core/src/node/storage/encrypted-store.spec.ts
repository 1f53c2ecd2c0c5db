import { strict as assert } from 'assert';
import { fork } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { EncryptedStore } from './encrypted-store';
import { StorageError, StorageKeyError, StorageLockedError } from './storage-errors';
import { Migration } from './store-types';
import { TempFolders } from './test-support/temp-folders';

const PEOPLE: Migration[] = [{
    version: 1,
    description: 'person table',
    sql: 'CREATE TABLE person (id TEXT PRIMARY KEY, first_name TEXT NOT NULL, email TEXT UNIQUE, photo BLOB, created_at TEXT NOT NULL)'
}];

describe('EncryptedStore', function (): void {
    this.timeout(60_000);
    const temp = new TempFolders();
    afterEach(() => temp.removeAll());

    function openStore(dataDir: string, extra: Partial<Parameters<typeof EncryptedStore.open>[0]> = {}): Promise<EncryptedStore> {
        return EncryptedStore.open({ dataDir, migrations: PEOPLE, onWarning: () => undefined, ...extra });
    }

    async function addPerson(store: EncryptedStore, id: string, firstName: string, email: string | null = null): Promise<void> {
        await store.transaction(tx => tx.run('INSERT INTO person (id, first_name, email, created_at) VALUES (?, ?, ?, ?)',
            [id, firstName, email, '2026-01-01T00:00:00Z']));
    }

    it('commits, reads and keeps the data across reopen (journal replay)', async () => {
        const dataDir = temp.make();
        const store = await openStore(dataDir);
        await addPerson(store, 'p1', 'Amélie', 'amelie@example.fr');
        const changes = await store.transaction(tx => tx.run('UPDATE person SET first_name = :name WHERE id = :id', { ':name': 'Amélie-Rose', ':id': 'p1' }).changes);
        assert.equal(changes, 1);
        assert.deepEqual(store.all('SELECT id, first_name FROM person'), [{ id: 'p1', first_name: 'Amélie-Rose' }]);
        await store.close();
        const reopened = await openStore(dataDir);
        assert.equal(reopened.get<{ first_name: string }>('SELECT first_name FROM person WHERE id = ?', ['p1'])?.first_name, 'Amélie-Rose');
        assert.equal(reopened.get('SELECT * FROM person WHERE id = ?', ['nobody']), undefined);
        await reopened.close();
    });

    it('round-trips blobs, numbers and nulls through the journal', async () => {
        const dataDir = temp.make();
        const store = await openStore(dataDir);
        const photo = new Uint8Array([0, 1, 2, 250, 255]);
        await store.transaction(tx => tx.run('INSERT INTO person (id, first_name, photo, email, created_at) VALUES ($id, $n, $p, $e, $c)',
            { $id: 'b', $n: 'Zoé', $p: photo, $e: null, $c: '2026' }));
        await store.close();
        const reopened = await openStore(dataDir);
        const row = reopened.get<{ photo: Uint8Array; email: null }>('SELECT photo, email FROM person')!;
        assert.deepEqual(Array.from(row.photo), Array.from(photo));
        assert.equal(row.email, null);
        await reopened.close();
    });

    it('rolls back a transaction whose function throws, and journals nothing of it', async () => {
        const dataDir = temp.make();
        const store = await openStore(dataDir);
        await addPerson(store, 'p1', 'Jean');
        await assert.rejects(store.transaction(tx => {
            tx.run('INSERT INTO person (id, first_name, created_at) VALUES (?, ?, ?)', ['p2', 'Paul', 'x']);
            throw new Error('business rule failed');
        }), /business rule failed/);
        await assert.rejects(store.transaction(tx => tx.run('INSERT INTO person (id, first_name, created_at) VALUES (?, ?, ?)', ['p1', 'dup', 'x'])),
            /UNIQUE constraint failed/);
        assert.deepEqual(store.all('SELECT id FROM person'), [{ id: 'p1' }]);
        await store.close();
        const reopened = await openStore(dataDir);
        assert.deepEqual(reopened.all('SELECT id FROM person'), [{ id: 'p1' }]);
        await reopened.close();
    });

    it('undoes the partial effects of a failed statement that fn caught, so memory matches the journal', async () => {
        const dataDir = temp.make();
        const store = await openStore(dataDir);
        await addPerson(store, 'p1', 'Jean');
        await store.transaction(tx => {
            assert.throws(() => tx.exec(`INSERT INTO person (id, first_name, created_at) VALUES ('half', 'H', 'x');
                                         INSERT INTO person (id, first_name, created_at) VALUES ('p1', 'dup', 'x');`), /UNIQUE/);
            tx.run('INSERT INTO person (id, first_name, created_at) VALUES (?, ?, ?)', ['p2', 'Paul', 'x']);
        });
        assert.deepEqual(store.all('SELECT id FROM person ORDER BY id'), [{ id: 'p1' }, { id: 'p2' }]);
        // OR ROLLBACK ends the whole transaction inside SQLite: the transaction must then fail as a whole.
        await assert.rejects(store.transaction(tx => {
            tx.run('INSERT INTO person (id, first_name, created_at) VALUES (?, ?, ?)', ['p3', 'Zoé', 'x']);
            try {
                tx.run('INSERT OR ROLLBACK INTO person (id, first_name, created_at) VALUES (?, ?, ?)', ['p1', 'dup', 'x']);
            } catch {
                tx.run('INSERT INTO person (id, first_name, created_at) VALUES (?, ?, ?)', ['p4', 'never', 'x']);
            }
        }), /aborted this transaction/);
        assert.deepEqual(store.all('SELECT id FROM person ORDER BY id'), [{ id: 'p1' }, { id: 'p2' }]);
        await store.close();
        const reopened = await openStore(dataDir);
        assert.deepEqual(reopened.all('SELECT id FROM person ORDER BY id'), [{ id: 'p1' }, { id: 'p2' }]);
        await reopened.close();
    });

    it('refuses writes outside a transaction, async transaction functions, nested transactions and bad parameters', async () => {
        const store = await openStore(temp.make());
        assert.throws(() => store.all('INSERT INTO person (id, first_name, created_at) VALUES (?, ?, ?)', ['x', 'y', 'z']), /readonly/);
        await assert.rejects(store.transaction(async () => 1), (error: StorageError) => error.code === 'STORAGE_USAGE');
        let nested: Promise<unknown> | undefined;
        await store.transaction(() => { nested = store.transaction(() => 1); });
        await assert.rejects(nested!, (error: StorageError) => error.code === 'STORAGE_USAGE' && /inside a transaction/.test(error.message));
        await assert.rejects(store.transaction(tx => tx.run('SELECT ?', [true as unknown as number])), /boolean/);
        await assert.rejects(store.transaction(tx => tx.run('SELECT ?', [Number.NaN])), /unsupported value/);
        await assert.rejects(store.transaction(tx => tx.run('SELECT :a', { a: 1 })), /needs its prefix/);
        assert.equal(store.all('SELECT * FROM person').length, 0);
        await store.close();
        assert.throws(() => store.all('SELECT 1'), (error: StorageError) => error.code === 'STORAGE_CLOSED');
    });

    it('journals a write made through tx.all (INSERT ... RETURNING)', async () => {
        const dataDir = temp.make();
        const store = await openStore(dataDir);
        const rows = await store.transaction(tx => tx.all<{ id: string }>(
            'INSERT INTO person (id, first_name, created_at) VALUES (?, ?, ?) RETURNING id', ['r1', 'Rémi', 'x']));
        assert.deepEqual(rows, [{ id: 'r1' }]);
        // store.all called by code running inside a transaction function goes through that transaction.
        await store.transaction(() => store.all('INSERT INTO person (id, first_name, created_at) VALUES (?, ?, ?) RETURNING id', ['r2', 'Rose', 'x']));
        await store.close();
        const reopened = await openStore(dataDir);
        assert.equal(reopened.all('SELECT id FROM person').length, 2);
        await reopened.close();
    });

    it('compacts into snapshots when the journal passes the threshold and still opens with everything', async () => {
        const dataDir = temp.make();
        const store = await openStore(dataDir, { compactJournalBytes: 2048 });
        for (let i = 0; i < 60; i++) {
            await addPerson(store, `p${i}`, `Name ${i}`);
        }
        const generation = (prefix: string) => Math.max(...fs.readdirSync(dataDir).filter(name => name.startsWith(prefix)).map(name => Number(/\d+/.exec(name)![0])));
        assert.ok(generation('journal-') >= 3, `the threshold did not trigger compactions: journal generation ${generation('journal-')}`);
        await store.snapshot();
        const snapshots = fs.readdirSync(dataDir).filter(name => name.startsWith('snapshot-')).sort();
        assert.equal(snapshots.length, 2, 'the newest snapshot and its predecessor are kept');
        await addPerson(store, 'last', 'Dernier');
        await store.close();
        const reopened = await openStore(dataDir, { compactJournalBytes: 2048 });
        assert.equal(reopened.get<{ n: number }>('SELECT count(*) AS n FROM person')!.n, 61);
        await reopened.close();
    });

    it('runs FTS4 full-text search in the sql.js build', async () => {
        const dataDir = temp.make();
        const store = await openStore(dataDir, {
            migrations: [...PEOPLE, { version: 2, description: 'cv text index', sql: 'CREATE VIRTUAL TABLE cv_text USING fts4(body, tokenize=unicode61)' }]
        });
        await store.transaction(tx => {
            tx.run('INSERT INTO cv_text (docid, body) VALUES (?, ?)', [1, 'Cariste CACES R489 catégorie 3, préparateur de commandes']);
            tx.run('INSERT INTO cv_text (docid, body) VALUES (?, ?)', [2, 'Soudeur TIG MIG, habilitation électrique B0']);
        });
        assert.deepEqual(store.all('SELECT docid FROM cv_text WHERE cv_text MATCH ?', ['caces']), [{ docid: 1 }]);
        assert.deepEqual(store.all('SELECT docid FROM cv_text WHERE cv_text MATCH ?', ['soud*']), [{ docid: 2 }]);
        await store.close();
        const reopened = await openStore(dataDir, {
            migrations: [...PEOPLE, { version: 2, description: 'cv text index', sql: 'CREATE VIRTUAL TABLE cv_text USING fts4(body, tokenize=unicode61)' }]
        });
        assert.deepEqual(reopened.all('SELECT docid FROM cv_text WHERE cv_text MATCH ?', ['electrique']), [{ docid: 2 }]);
        await reopened.close();
    });

    describe('migrations', () => {
        const V2: Migration = { version: 2, description: 'phone column', sql: 'ALTER TABLE person ADD COLUMN phone TEXT; CREATE INDEX person_phone ON person(phone);' };

        it('applies pending migrations once, in order, and records the version', async () => {
            const dataDir = temp.make();
            const store = await openStore(dataDir);
            assert.equal(store.schemaVersion, 1);
            await store.close();
            const upgraded = await openStore(dataDir, { migrations: [...PEOPLE, V2] });
            assert.equal(upgraded.schemaVersion, 2);
            await upgraded.transaction(tx => tx.run('INSERT INTO person (id, first_name, phone, created_at) VALUES (?, ?, ?, ?)', ['a', 'A', '+33600000000', 'x']));
            await upgraded.close();
            const again = await openStore(dataDir, { migrations: [...PEOPLE, V2] });
            assert.equal(again.schemaVersion, 2);
            assert.equal(again.get<{ phone: string }>('SELECT phone FROM person')!.phone, '+33600000000');
            await again.close();
        });

        it('rolls back all pending migrations when one fails, and reports which', async () => {
            const dataDir = temp.make();
            const broken: Migration = { version: 3, description: 'broken', sql: 'CREATE TABLE oops (' };
            await assert.rejects(openStore(dataDir, { migrations: [...PEOPLE, V2, broken] }), /migration 3 \(broken\) failed/);
            const store = await openStore(dataDir, { migrations: [] });
            assert.equal(store.schemaVersion, 0);
            assert.equal(store.all(`SELECT name FROM sqlite_master WHERE name = 'person'`).length, 0);
            await store.close();
        });

        it('refuses a database newer than the migrations, and badly ordered migrations', async () => {
            const dataDir = temp.make();
            await (await openStore(dataDir, { migrations: [...PEOPLE, V2] })).close();
            await assert.rejects(openStore(dataDir), (error: StorageError) => error.code === 'STORAGE_SCHEMA' && /version 2, newer/.test(error.message));
            await assert.rejects(openStore(temp.make(), { migrations: [V2, ...PEOPLE] }), /strictly increasing/);
        });
    });

    describe('encryption at rest', () => {
        it('writes no plaintext: a seeded name, email and text are in no file of the folder', async () => {
            const dataDir = temp.make();
            const store = await openStore(dataDir, { compactJournalBytes: 4096 });
            await addPerson(store, 'p1', 'Gwendoline', 'gwendoline.kerbrat@exemple-agence.fr');
            for (let i = 0; i < 30; i++) {
                await addPerson(store, `q${i}`, `Kerbrat${i}`);
            }
            await store.snapshot();
            await addPerson(store, 'p2', 'Maïwenn', 'maiwenn.le-goff@exemple-agence.fr');
            const backupFile = path.join(dataDir, 'backup.mpb');
            await store.backup(backupFile);
            await store.close();
            const files = fs.readdirSync(dataDir);
            assert.ok(files.some(name => name.startsWith('journal-')) && files.some(name => name.startsWith('snapshot-')));
            for (const name of files) {
                const bytes = fs.readFileSync(path.join(dataDir, name));
                for (const secret of ['Gwendoline', 'gwendoline.kerbrat@exemple-agence.fr', 'exemple-agence', 'Kerbrat', 'Maïwenn', 'person', 'first_name']) {
                    assert.equal(bytes.includes(Buffer.from(secret, 'utf8')), false, `${name} contains "${secret}" in clear`);
                }
            }
        });

        it('creates the key file with 0600 permissions and refuses to open without it or with another key', async () => {
            const dataDir = temp.make();
            const store = await openStore(dataDir);
            await addPerson(store, 'a', 'A');
            await store.close();
            const keyFile = path.join(dataDir, 'store.key');
            if (process.platform !== 'win32') {
                assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
                assert.equal(fs.statSync(dataDir).mode & 0o077, 0, 'the data folder is private');
            }
            const key = fs.readFileSync(keyFile);
            fs.rmSync(keyFile);
            await assert.rejects(openStore(dataDir), (error: StorageKeyError) => error instanceof StorageKeyError
                && error.file === keyFile && /key file is missing/.test(error.message));
            fs.writeFileSync(keyFile, Buffer.alloc(32, 7));
            await assert.rejects(openStore(dataDir), (error: StorageKeyError) => error instanceof StorageKeyError && /does not match/.test(error.message));
            await assert.rejects(openStore(dataDir, { passphrase: 'x' }), /encrypted with a key file, not a passphrase/);
            fs.writeFileSync(keyFile, key);
            const reopened = await openStore(dataDir);
            assert.equal(reopened.all('SELECT id FROM person').length, 1);
            await reopened.close();
        });

        it('derives the key from a passphrase, and reports a wrong or missing passphrase clearly', async () => {
            const dataDir = temp.make();
            const store = await openStore(dataDir, { passphrase: 'correct horse battery staple' });
            await addPerson(store, 'p1', 'Loïc');
            await store.close();
            assert.equal(fs.existsSync(path.join(dataDir, 'store.key')), false, 'no key file in passphrase mode');
            await assert.rejects(openStore(dataDir, { passphrase: 'wrong horse' }), (error: StorageKeyError) => error instanceof StorageKeyError && /wrong passphrase/.test(error.message));
            await assert.rejects(openStore(dataDir), (error: StorageKeyError) => error instanceof StorageKeyError && /passphrase/.test(error.message));
            const reopened = await openStore(dataDir, { passphrase: 'correct horse battery staple' });
            assert.equal(reopened.all('SELECT id FROM person').length, 1);
            await reopened.close();
        });
    });

    describe('single-writer lock', () => {
        it('refuses a second open in the same process and names the holder', async () => {
            const dataDir = temp.make();
            const store = await openStore(dataDir);
            await assert.rejects(openStore(dataDir), (error: StorageLockedError) =>
                error instanceof StorageLockedError && error.message === `data folder ${dataDir} in use by process ${process.pid}`);
            await store.close();
            await (await openStore(dataDir)).close();
        });

        it('refuses a folder held by another live process, and takes over the lock once that process is dead', async () => {
            const dataDir = temp.make();
            const child = fork(path.join(__dirname, 'test-support', 'lock-holder.js'), [dataDir], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
            await new Promise<void>((resolve, reject) => child.once('message', message => message === 'ready' ? resolve() : reject(new Error(JSON.stringify(message)))));
            await assert.rejects(openStore(dataDir), (error: StorageLockedError) =>
                error instanceof StorageLockedError && error.pid === child.pid && new RegExp(`in use by process ${child.pid}`).test(error.message));
            const exited = new Promise(resolve => child.once('exit', resolve));
            child.kill('SIGKILL');
            await exited;
            assert.equal(fs.readFileSync(path.join(dataDir, 'store.lock'), 'utf8').trim(), String(child.pid), 'the dead process left its lock');
            const store = await openStore(dataDir);
            assert.equal(fs.readFileSync(path.join(dataDir, 'store.lock'), 'utf8').trim(), String(process.pid));
            await store.close();
            assert.equal(fs.existsSync(path.join(dataDir, 'store.lock')), false);
        });
    });

    describe('backup and restore', () => {
        it('restores a key-file backup into a fresh folder with the key file', async () => {
            const dataDir = temp.make();
            const store = await openStore(dataDir);
            await addPerson(store, 'p1', 'Inès', 'ines@example.fr');
            const backupFile = temp.path('matchpro.mpb');
            await store.backup(backupFile);
            await addPerson(store, 'p2', 'after the backup');
            await store.close();
            const target = temp.path('restored');
            await assert.rejects(EncryptedStore.restore(backupFile, target), (error: StorageKeyError) => error instanceof StorageKeyError && /key file is missing/.test(error.message));
            await EncryptedStore.restore(backupFile, target, { keyFile: path.join(dataDir, 'store.key') });
            const restored = await openStore(target);
            assert.deepEqual(restored.all('SELECT id, email FROM person'), [{ id: 'p1', email: 'ines@example.fr' }]);
            await addPerson(restored, 'p3', 'after restore');
            await restored.close();
            const again = await openStore(target);
            assert.equal(again.all('SELECT id FROM person').length, 2);
            await again.close();
        });

        it('restores a passphrase backup with the passphrase only, and refuses a wrong one', async () => {
            const dataDir = temp.make();
            const store = await openStore(dataDir, { passphrase: 'sésame ouvre-toi' });
            await addPerson(store, 'p1', 'Yannick');
            const backupFile = temp.path('matchpro.mpb');
            await store.backup(backupFile);
            await store.close();
            const target = temp.path('restored');
            await assert.rejects(EncryptedStore.restore(backupFile, target, { passphrase: 'nope' }), /wrong passphrase/);
            assert.equal(fs.existsSync(target), false, 'a failed restore leaves nothing');
            await EncryptedStore.restore(backupFile, target, { passphrase: 'sésame ouvre-toi' });
            const restored = await openStore(target, { passphrase: 'sésame ouvre-toi' });
            assert.equal(restored.all('SELECT id FROM person').length, 1);
            await restored.close();
        });

        it('refuses to restore into a non-empty folder, and detects a tampered backup', async () => {
            const dataDir = temp.make();
            const store = await openStore(dataDir);
            await addPerson(store, 'p1', 'Nadia');
            const backupFile = temp.path('matchpro.mpb');
            await store.backup(backupFile);
            await store.close();
            await assert.rejects(EncryptedStore.restore(backupFile, dataDir, { keyFile: path.join(dataDir, 'store.key') }),
                (error: StorageError) => error.code === 'STORAGE_RESTORE' && /not empty/.test(error.message));
            const bytes = fs.readFileSync(backupFile);
            bytes[bytes.length - 10] ^= 0x01;
            fs.writeFileSync(backupFile, bytes);
            await assert.rejects(EncryptedStore.restore(backupFile, temp.path('r'), { keyFile: path.join(dataDir, 'store.key') }),
                (error: StorageError) => error.code === 'STORAGE_CORRUPT' && /integrity check/.test(error.message));
        });
    });
});
