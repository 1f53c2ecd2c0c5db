/**
 * Test helper run with child_process.fork by storage-crash.spec: commits transactions in a loop and
 * reports each acknowledged one (after `transaction()` resolved, i.e. after fsync) over IPC, until
 * it is killed. Argument: the data folder. A small compaction threshold makes snapshots happen often.
 */
import { EncryptedStore } from '../encrypted-store';
import { CRASH_TEST_MIGRATIONS } from './crash-test-schema';

async function main(): Promise<void> {
    const dataDir = process.argv[2];
    const store = await EncryptedStore.open({ dataDir, compactJournalBytes: 2048, migrations: CRASH_TEST_MIGRATIONS, onWarning: () => undefined });
    let next = (store.get<{ id: number | null }>('SELECT max(id) AS id FROM item')?.id ?? 0) + 1;
    process.send!({ ready: true, next });
    for (;;) {
        const id = next++;
        await store.transaction(tx => {
            tx.run('INSERT INTO item (id, name, body) VALUES (?, ?, ?)', [id, `item ${id}`, 'x'.repeat(100 + (id % 7) * 40)]);
            tx.run('UPDATE counter SET total = total + 1, last_id = ? WHERE one = 1', [id]);
        });
        process.send!({ acked: id });
    }
}

main().catch(error => {
    process.send!({ error: String(error && error.stack || error) });
    process.exit(3);
});
