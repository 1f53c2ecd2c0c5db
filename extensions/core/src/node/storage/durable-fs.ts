import * as fs from 'fs';
import * as path from 'path';

/**
 * Small file-system helpers for crash safety: a rename is only durable once its directory is
 * fsync'd, and a new file only holds its bytes once the file itself is fsync'd.
 */

export function fsyncDirSync(dir: string): void {
    let fd: number | undefined;
    try {
        fd = fs.openSync(dir, 'r');
        fs.fsyncSync(fd);
    } catch (error) {
        // Windows cannot open or fsync a directory; NTFS journals renames itself.
        if (process.platform !== 'win32') {
            throw error;
        }
    } finally {
        if (fd !== undefined) {
            fs.closeSync(fd);
        }
    }
}

/** Writes a small file through a temp file: write, fsync, rename, fsync the directory. */
export function writeFileAtomicSync(file: string, data: Uint8Array | string, mode = 0o600): void {
    const temp = `${file}.${process.pid}.tmp`;
    const fd = fs.openSync(temp, 'w', mode);
    try {
        fs.writeFileSync(fd, data);
        fs.fsyncSync(fd);
    } finally {
        fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
    fsyncDirSync(path.dirname(file));
}

/** Writes all of `data` at the current end of `fd` (positional write loop: short writes happen). */
export function writeAllSync(fd: number, data: Uint8Array, position: number): void {
    let offset = 0;
    while (offset < data.length) {
        offset += fs.writeSync(fd, data, offset, data.length - offset, position + offset);
    }
}

export function isErrnoException(error: unknown, code: string): boolean {
    return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === code;
}

export function isProcessAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return isErrnoException(error, 'EPERM');
    }
}
