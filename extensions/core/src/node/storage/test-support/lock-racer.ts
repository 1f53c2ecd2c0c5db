/**
 * Test helper for the lock race: waits until the start time given, tries to take the data folder's
 * lock once, prints `held` (and keeps it for a second) or `locked`.
 */
import { DataFolderLock } from '../data-folder-lock';

const [dataDir, startAt] = [process.argv[2], Number(process.argv[3])];
while (Date.now() < startAt) {
    // spin: every racer starts at the same instant
}
try {
    const lock = DataFolderLock.acquire(dataDir);
    process.stdout.write('held\n');
    setTimeout(() => { lock.release(); process.exit(0); }, 1000);
} catch (error) {
    process.stdout.write(`locked ${(error as Error).name}\n`);
    process.exit(0);
}
