/**
 * Test helper for the lock race: waits until the start time given, tries to take the data folder's
 * lock once and prints `held` (then keeps it until killed, so a racer that starts late still finds it
 * held) or `locked` (and exits).
 */
import { DataFolderLock } from '../data-folder-lock';

const [dataDir, startAt] = [process.argv[2], Number(process.argv[3])];
while (Date.now() < startAt) {
    // spin: every racer starts at the same instant
}
try {
    DataFolderLock.acquire(dataDir);
    process.stdout.write('held\n');
    setInterval(() => undefined, 60_000);
} catch (error) {
    process.stdout.write(`locked ${(error as Error).name}\n`);
    process.exit(0);
}
