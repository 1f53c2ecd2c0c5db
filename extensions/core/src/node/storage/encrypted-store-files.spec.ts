import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EncryptedStore } from './encrypted-store';
import { StorageCorruptError, StorageError } from './storage-errors';

describe('EncryptedStore: stored files (original CVs)', () => {
    let root: string;

    beforeEach(() => { root = fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-files-')); });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it('writes, reads and deletes a file, sealed: its bytes never appear in clear on disk', async () => {
        const store = await EncryptedStore.open({ dataDir: path.join(root, 'data') });
        const secret = Buffer.from('%PDF-1.4 Curriculum vitae de Hélène Dupont, helene.dupont@example.fr');
        await store.writeBlob('cv/1234-abcd', secret);
        assert.deepStrictEqual(Buffer.from(await store.readBlob('cv/1234-abcd')), secret);
        const onDisk = fs.readFileSync(path.join(root, 'data', 'files', 'cv', '1234-abcd.mpb'));
        assert.strictEqual(onDisk.indexOf('Dupont'), -1);
        assert.strictEqual(onDisk.indexOf('%PDF'), -1);
        await store.deleteBlob('cv/1234-abcd');
        await assert.rejects(store.readBlob('cv/1234-abcd'), (e: Error) => e instanceof StorageError && /does not exist/.test(e.message));
        await store.close();
    });

    it('detects a damaged or swapped file and refuses unsafe names', async () => {
        const store = await EncryptedStore.open({ dataDir: path.join(root, 'data') });
        await store.writeBlob('cv/a', Buffer.from('first CV'));
        await store.writeBlob('cv/b', Buffer.from('second CV'));
        const folder = path.join(root, 'data', 'files', 'cv');
        fs.copyFileSync(path.join(folder, 'a.mpb'), path.join(folder, 'b.mpb'));
        await assert.rejects(store.readBlob('cv/b'), (e: Error) => e instanceof StorageCorruptError);
        const damaged = fs.readFileSync(path.join(folder, 'a.mpb'));
        damaged[damaged.length - 1] ^= 0x01;
        fs.writeFileSync(path.join(folder, 'a.mpb'), damaged);
        await assert.rejects(store.readBlob('cv/a'), (e: Error) => e instanceof StorageCorruptError && /integrity/.test(e.message));
        for (const bad of ['../key', '/etc/passwd', 'cv/../../x', '']) {
            await assert.rejects(store.writeBlob(bad, Buffer.from('x')), (e: Error) => e instanceof StorageError && /invalid stored file name/.test(e.message));
        }
        await store.close();
    });

    it('carries the files in a backup and restores them with the database', async () => {
        const store = await EncryptedStore.open({ dataDir: path.join(root, 'data'), migrations: [{ version: 1, description: 't', sql: 'CREATE TABLE t (id TEXT)' }] });
        await store.transaction(tx => tx.run('INSERT INTO t VALUES (?)', ['cv/kept']));
        await store.writeBlob('cv/kept', Buffer.from('the CV'));
        const backup = path.join(root, 'backup.mpbak');
        await store.backup(backup);
        await store.close();
        await EncryptedStore.restore(backup, path.join(root, 'restored'), { keyFile: path.join(root, 'data', 'store.key') });
        const restored = await EncryptedStore.open({ dataDir: path.join(root, 'restored') });
        assert.deepStrictEqual(restored.all('SELECT id FROM t'), [{ id: 'cv/kept' }]);
        assert.strictEqual(Buffer.from(await restored.readBlob('cv/kept')).toString(), 'the CV');
        await restored.close();
    });
});
