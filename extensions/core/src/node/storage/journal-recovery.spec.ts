import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ANCHOR_FILE_NAME } from './commit-anchor';
import { EncryptedStore } from './encrypted-store';
import { StorageCorruptError } from './storage-errors';
import { Migration } from './store-types';
import { TempFolders } from './test-support/temp-folders';

const NOTES: Migration[] = [{ version: 1, description: 'notes', sql: 'CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)' }];

/** Byte ranges of the records of a journal file (12-byte file header, then 48 bytes + payload each). */
function recordOffsets(file: string): { start: number; end: number }[] {
    const bytes = fs.readFileSync(file);
    const records = [];
    for (let offset = 12; offset < bytes.length;) {
        const end = offset + 48 + bytes.readUInt32BE(offset + 4);
        records.push({ start: offset, end });
        offset = end;
    }
    return records;
}

function flipByte(file: string, at: number): void {
    const bytes = fs.readFileSync(file);
    bytes[at] ^= 0x20;
    fs.writeFileSync(file, bytes);
}

describe('EncryptedStore recovery rules', function (): void {
    this.timeout(60_000);
    const temp = new TempFolders();
    afterEach(() => temp.removeAll());

    async function open(dataDir: string, warnings: string[] = []): Promise<EncryptedStore> {
        return EncryptedStore.open({ dataDir, migrations: NOTES, onWarning: message => warnings.push(message) });
    }

    /**
     * A folder whose journal 1 holds the migration then `count` one-note transactions. With
     * `lastUnconfirmed`, the commit anchor is left as it was before the last one: what a crash during
     * that append leaves (the record was written, perhaps torn, but never confirmed to anyone).
     */
    async function folderWithNotes(count: number, lastUnconfirmed = false): Promise<{ dataDir: string; journal: string }> {
        const dataDir = temp.make();
        const store = await open(dataDir);
        let anchorBefore: Buffer | undefined;
        for (let i = 1; i <= count; i++) {
            if (i === count && lastUnconfirmed) {
                anchorBefore = fs.readFileSync(path.join(dataDir, ANCHOR_FILE_NAME));
            }
            await store.transaction(tx => tx.run('INSERT INTO note (id, text) VALUES (?, ?)', [i, `note ${i}`]));
        }
        await store.close();
        if (anchorBefore) {
            fs.writeFileSync(path.join(dataDir, ANCHOR_FILE_NAME), anchorBefore);
        }
        return { dataDir, journal: path.join(dataDir, 'journal-00000001.mpj') };
    }

    async function noteIds(dataDir: string, warnings: string[] = []): Promise<number[]> {
        const store = await open(dataDir, warnings);
        try {
            return store.all<{ id: number }>('SELECT id FROM note ORDER BY id').map(row => row.id);
        } finally {
            await store.close();
        }
    }

    it('drops a truncated last record (torn write, never confirmed) and keeps every earlier commit, saying so', async () => {
        const { dataDir, journal } = await folderWithNotes(5, true);
        fs.truncateSync(journal, fs.statSync(journal).size - 7);
        const warnings: string[] = [];
        assert.deepEqual(await noteIds(dataDir, warnings), [1, 2, 3, 4]);
        assert.match(warnings.join('\n'), /dropped 1 incomplete record \(\d+ bytes\) left by an interrupted write/);
        // The torn tail was cut off: new commits append cleanly after commit 4.
        const store = await open(dataDir);
        await store.transaction(tx => tx.run('INSERT INTO note (id, text) VALUES (?, ?)', [9, 'after crash']));
        await store.close();
        assert.deepEqual(await noteIds(dataDir), [1, 2, 3, 4, 9]);
    });

    it('drops an unconfirmed last record with a flipped bit (payload or header) and keeps earlier commits', async () => {
        const { dataDir, journal } = await folderWithNotes(5, true);
        const records = recordOffsets(journal);
        const last = records[records.length - 1];
        flipByte(journal, last.end - 3);
        assert.deepEqual(await noteIds(dataDir), [1, 2, 3, 4]);

        const second = await folderWithNotes(3, true);
        const secondRecords = recordOffsets(second.journal);
        flipByte(second.journal, secondRecords[secondRecords.length - 1].start + 5); // its length field
        assert.deepEqual(await noteIds(second.dataDir), [1, 2]);
    });

    it('never reopens with fewer records: a damaged confirmed last record, a journal cut at a record boundary or deleted are refused, and nothing is changed', async () => {
        const damages: [string, (dataDir: string, journal: string) => void][] = [
            ['a flipped byte in the last record', (_dir, journal) => { const records = recordOffsets(journal); flipByte(journal, records[records.length - 1].end - 3); }],
            ['a cut exactly at a record boundary', (_dir, journal) => { const records = recordOffsets(journal); fs.truncateSync(journal, records[records.length - 1].start); }],
            ['the journal deleted', (_dir, journal) => fs.rmSync(journal)],
            ['every snapshot and journal deleted', dir => {
                for (const name of fs.readdirSync(dir).filter(n => /^(snapshot|journal)-/.test(n))) {
                    fs.rmSync(path.join(dir, name));
                }
            }]
        ];
        for (const [what, damage] of damages) {
            const { dataDir, journal } = await folderWithNotes(5);
            damage(dataDir, journal);
            const before = fs.readdirSync(dataDir).sort().map(name => [name, fs.readFileSync(path.join(dataDir, name)).toString('base64')]);
            await assert.rejects(open(dataDir), (error: Error) => error instanceof StorageCorruptError
                && /6 (were committed|transactions were committed)|missing from the chain/.test(error.message) && /restore a backup|missing from the chain/.test(error.message), what);
            const after = fs.readdirSync(dataDir).sort().map(name => [name, fs.readFileSync(path.join(dataDir, name)).toString('base64')]);
            assert.deepEqual(after, before, `${what}: the folder is left as found`);
        }
    });

    it('reports a damaged record followed by valid ones as corruption, naming the journal', async () => {
        const { dataDir, journal } = await folderWithNotes(5);
        const records = recordOffsets(journal);
        flipByte(journal, records[2].end - 1);
        await assert.rejects(open(dataDir), (error: StorageCorruptError) => error instanceof StorageCorruptError
            && error.file === journal && /journal-00000001\.mpj: record at byte \d+ fails its integrity check but valid records follow/.test(error.message));
        // A damaged length field must not hide the records after it either.
        const again = await folderWithNotes(5);
        flipByte(again.journal, recordOffsets(again.journal)[2].start + 6);
        await assert.rejects(open(again.dataDir), /valid records follow/);
        // Nothing was modified by the failed opens: the lock is free and the files are as they were.
        assert.equal(fs.existsSync(path.join(dataDir, 'store.lock')), false);
    });

    it('detects records swapped between positions (sequence and AAD are checked)', async () => {
        const { dataDir, journal } = await folderWithNotes(4);
        const bytes = fs.readFileSync(journal);
        const [, r2, r3] = recordOffsets(journal);
        const swapped = Buffer.concat([bytes.subarray(0, r2.start), bytes.subarray(r3.start, r3.end), bytes.subarray(r2.start, r2.end), bytes.subarray(r3.end)]);
        fs.writeFileSync(journal, swapped);
        await assert.rejects(open(dataDir), (error: StorageCorruptError) => error instanceof StorageCorruptError && /sequence gap/.test(error.message));
    });

    it('falls back to the previous snapshot and its journals when the newest snapshot is corrupt, and keeps it', async () => {
        const dataDir = temp.make();
        const store = await open(dataDir);
        const add = (id: number) => store.transaction(tx => tx.run('INSERT INTO note (id, text) VALUES (?, ?)', [id, `note ${id}`]));
        await add(1);
        await store.snapshot(); // generation 2
        await add(2);
        await store.snapshot(); // generation 3; generation 1 is removed, 2 kept as fallback
        await add(3);
        await store.close();
        assert.deepEqual(fs.readdirSync(dataDir).filter(name => /^(snapshot|journal)-/.test(name)).sort(),
            ['journal-00000002.mpj', 'journal-00000003.mpj', 'snapshot-00000002.mps', 'snapshot-00000003.mps']);
        const newest = path.join(dataDir, 'snapshot-00000003.mps');
        flipByte(newest, fs.statSync(newest).size - 100);
        const warnings: string[] = [];
        assert.deepEqual(await noteIds(dataDir, warnings), [1, 2, 3]);
        assert.match(warnings.join('\n'), /snapshot-00000003\.mps: snapshot fails its integrity check.*recovered from snapshot-00000002\.mps/);
        assert.ok(fs.existsSync(path.join(dataDir, 'snapshot-00000002.mps')), 'the previous snapshot is kept');
        assert.ok(fs.existsSync(`${newest}.corrupt`), 'the corrupt snapshot is kept aside for inspection');
    });

    it('recovers from a crash in the middle of a compaction (new journal created, snapshot not yet renamed)', async () => {
        const dataDir = temp.make();
        const store = await open(dataDir);
        const add = (id: number) => store.transaction(tx => tx.run('INSERT INTO note (id, text) VALUES (?, ?)', [id, `note ${id}`]));
        await add(1);
        await store.snapshot(); // generation 2
        await add(2);
        await store.snapshot(); // generation 3
        await add(3);
        await store.close();
        // As if the process died after switching to journal 3 but before snapshot 3 was renamed into place.
        fs.renameSync(path.join(dataDir, 'snapshot-00000003.mps'), path.join(dataDir, `snapshot-00000003.mps.${process.pid}.tmp`));
        assert.deepEqual(await noteIds(dataDir), [1, 2, 3]);
        assert.equal(fs.readdirSync(dataDir).some(name => name.endsWith('.tmp')), false, 'the leftover temp file is removed');
        const again = await open(dataDir);
        await again.transaction(tx => tx.run('INSERT INTO note (id, text) VALUES (?, ?)', [4, 'after']));
        await again.snapshot();
        await again.close();
        assert.deepEqual(await noteIds(dataDir), [1, 2, 3, 4]);
    });

    it('fails clearly, and starts nothing empty, when no snapshot is readable', async () => {
        const dataDir = temp.make();
        const store = await open(dataDir);
        await store.transaction(tx => tx.run('INSERT INTO note (id, text) VALUES (?, ?)', [1, 'x']));
        await store.snapshot();
        await store.close();
        for (const name of fs.readdirSync(dataDir).filter(n => n.startsWith('snapshot-'))) {
            flipByte(path.join(dataDir, name), 30);
        }
        await assert.rejects(open(dataDir), (error: StorageCorruptError) => error instanceof StorageCorruptError
            && /no readable snapshot is left/.test(error.message) && /snapshot-00000002\.mps/.test(error.message) && /snapshot-00000001\.mps/.test(error.message));
        for (const name of fs.readdirSync(dataDir).filter(n => n.startsWith('snapshot-'))) {
            fs.rmSync(path.join(dataDir, name));
        }
        await assert.rejects(open(dataDir), /journal files exist but no snapshot/);
    });

    it('reports a missing journal in the chain', async () => {
        const dataDir = temp.make();
        const store = await open(dataDir);
        await store.transaction(tx => tx.run('INSERT INTO note (id, text) VALUES (?, ?)', [1, 'x']));
        await store.snapshot(); // snapshot 2, journal 2
        await store.transaction(tx => tx.run('INSERT INTO note (id, text) VALUES (?, ?)', [2, 'y']));
        await store.snapshot(); // snapshot 3, journal 3
        await store.close();
        fs.rmSync(path.join(dataDir, 'snapshot-00000003.mps'));
        fs.rmSync(path.join(dataDir, 'journal-00000002.mpj'));
        await assert.rejects(open(dataDir), /journal-00000002\.mpj: journal file is missing from the chain/);
    });
});
