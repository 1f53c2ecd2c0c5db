/**
 * Test helper run with child_process.fork: opens a data folder, says `ready` over IPC and holds the
 * lock until told to close (or killed).
 */
import { EncryptedStore } from '../encrypted-store';

async function main(): Promise<void> {
    const store = await EncryptedStore.open({ dataDir: process.argv[2], onWarning: () => undefined });
    process.on('message', async message => {
        if (message === 'close') {
            await store.close();
            process.exit(0);
        }
    });
    process.send!('ready');
}

main().catch(error => {
    process.send!({ error: String(error) });
    process.exit(3);
});
