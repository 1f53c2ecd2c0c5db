import * as fs from 'fs';
import * as path from 'path';
import { StorageLockedError } from './storage-errors';
import { isErrnoException, isProcessAlive } from './durable-fs';

export const LOCK_FILE_NAME = 'store.lock';

/** Lock files held by this process: a second open of the same folder in-process is refused too. */
const heldByThisProcess = new Set<string>();

/**
 * Single-writer lock on a data folder: a file created exclusively (O_EXCL) holding the owner's pid.
 * A lock whose owner is dead (a crash) is taken over, and the takeover itself is exclusive: only the
 * holder of `store.lock.takeover` (also created with O_EXCL) may remove a stale lock, after checking
 * again that its owner is dead, so two processes finding the same stale lock never both end up
 * holding the folder. Known limits: if the dead owner's pid has been reused by an unrelated live
 * process, the folder is reported in use until the lock file is removed; a takeover file left by a
 * process that died during the few microseconds of a takeover is cleared after 5 seconds.
 */
export class DataFolderLock {
    private released = false;

    private constructor(private readonly file: string) {}

    static acquire(dataDir: string): DataFolderLock {
        const file = path.resolve(dataDir, LOCK_FILE_NAME);
        for (let attempt = 0; attempt < 50; attempt++) {
            if (createExclusive(file)) {
                heldByThisProcess.add(file);
                return new DataFolderLock(file);
            }
            const owner = readOwner(file);
            if (owner !== undefined && (owner === process.pid ? heldByThisProcess.has(file) : isProcessAlive(owner))) {
                throw new StorageLockedError(path.resolve(dataDir), owner);
            }
            if (owner === undefined && attempt < 3) {
                // Empty lock: its owner may be between create and write; look again.
                sleepSync(50);
                continue;
            }
            if (!removeStaleLock(file)) {
                sleepSync(10 + Math.floor(Math.random() * 20)); // another process is taking over: let it finish
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

/** O_EXCL create with this process's pid, durably; false when the file exists. */
function createExclusive(file: string): boolean {
    let fd: number;
    try {
        fd = fs.openSync(file, 'wx', 0o600);
    } catch (error) {
        if (isErrnoException(error, 'EEXIST')) {
            return false;
        }
        throw error;
    }
    try {
        fs.writeFileSync(fd, `${process.pid}\n`);
        fs.fsyncSync(fd);
    } finally {
        fs.closeSync(fd);
    }
    return true;
}

/**
 * Removes the lock if, while this process holds the takeover file, its owner is still dead or
 * unreadable. False when another process holds the takeover.
 */
function removeStaleLock(file: string): boolean {
    const takeover = `${file}.takeover`;
    if (!createExclusive(takeover)) {
        const holder = readOwner(takeover);
        const age = fileAgeMs(takeover);
        if ((holder === undefined || !isProcessAlive(holder)) && age !== undefined && age > 5000) {
            unlinkIfPresent(takeover);
        }
        return false;
    }
    try {
        const owner = readOwner(file);
        if (owner === undefined || (owner !== process.pid && !isProcessAlive(owner))) {
            unlinkIfPresent(file);
        }
        return true;
    } finally {
        unlinkIfPresent(takeover);
    }
}

function unlinkIfPresent(file: string): void {
    try {
        fs.unlinkSync(file);
    } catch (error) {
        if (!isErrnoException(error, 'ENOENT')) {
            throw error;
        }
    }
}

function fileAgeMs(file: string): number | undefined {
    try {
        return Date.now() - fs.statSync(file).mtimeMs;
    } catch {
        return undefined;
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
