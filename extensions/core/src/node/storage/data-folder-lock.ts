import * as fs from 'fs';
import * as path from 'path';
import { StorageLockedError } from './storage-errors';
import { isErrnoException, isProcessAlive } from './durable-fs';

export const LOCK_FILE_NAME = 'store.lock';

/** Lock files held by this process: a second open of the same folder in-process is refused too. */
const heldByThisProcess = new Set<string>();

/**
 * Single-writer lock on a data folder: a file created exclusively holding the owner's pid. A lock
 * whose pid is no longer alive (a crash) is taken over. Known limit: if the dead owner's pid has been
 * reused by an unrelated live process, the folder is reported in use until the lock file is removed.
 */
export class DataFolderLock {
    private released = false;

    private constructor(private readonly file: string) {}

    static acquire(dataDir: string): DataFolderLock {
        const file = path.resolve(dataDir, LOCK_FILE_NAME);
        for (let attempt = 0; attempt < 5; attempt++) {
            try {
                const fd = fs.openSync(file, 'wx', 0o600);
                try {
                    fs.writeFileSync(fd, `${process.pid}\n`);
                    fs.fsyncSync(fd);
                } finally {
                    fs.closeSync(fd);
                }
                heldByThisProcess.add(file);
                return new DataFolderLock(file);
            } catch (error) {
                if (!isErrnoException(error, 'EEXIST')) {
                    throw error;
                }
            }
            const owner = readOwner(file);
            if (owner !== undefined && (owner === process.pid ? heldByThisProcess.has(file) : isProcessAlive(owner))) {
                throw new StorageLockedError(path.resolve(dataDir), owner);
            }
            if (owner === undefined && attempt === 0) {
                // Empty lock: its owner may be between create and write; look again once.
                sleepSync(50);
                continue;
            }
            try {
                fs.unlinkSync(file);
            } catch (error) {
                if (!isErrnoException(error, 'ENOENT')) {
                    throw error;
                }
            }
        }
        throw new StorageLockedError(path.resolve(dataDir), readOwner(file) ?? 0);
    }

    release(): void {
        if (this.released) {
            return;
        }
        this.released = true;
        heldByThisProcess.delete(this.file);
        if (readOwner(this.file) === process.pid) {
            try {
                fs.unlinkSync(this.file);
            } catch (error) {
                if (!isErrnoException(error, 'ENOENT')) {
                    throw error;
                }
            }
        }
    }
}

function readOwner(file: string): number | undefined {
    try {
        const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
        return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
        return undefined;
    }
}

function sleepSync(ms: number): void {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
