import * as fs from 'fs';
import * as path from 'path';
import { isErrnoException } from './durable-fs';
import { StorageCorruptError } from './storage-errors';
import { SEAL_OVERHEAD, StoreKey } from './store-key';

export const ANCHOR_FILE_NAME = 'journal.anchor';
const MAGIC = Buffer.from('MPANCH01');
const SLOT_BYTES = 64;
const SLOTS = 2;

/**
 * Where the journal must end: the sequence number of the last committed transaction, sealed with the
 * folder's key, beside the journals. Recovery compares it with what the journals hold, so a journal
 * that was shortened (even exactly at a record boundary), damaged in its last record or deleted is
 * reported as lost data instead of being taken for an interrupted write.
 *
 * Written after the journal record is fdatasync'd and committed, in one of two slots in turn (a torn
 * slot leaves the other). It is not fsync'd itself: after a power cut it may lag a few commits behind
 * (the check then covers fewer records); it can never get ahead of the journal.
 */
export class CommitAnchor {
    private warned = false;

    private constructor(private readonly fd: number, private readonly key: StoreKey, private readonly warn: (message: string) => void) {}

    /** The anchored sequence number, or undefined when the folder has no anchor (new, or older than it). */
    static read(dataDir: string, key: StoreKey): number | undefined {
        const file = path.join(dataDir, ANCHOR_FILE_NAME);
        let buffer: Buffer;
        try {
            buffer = fs.readFileSync(file);
        } catch (error) {
            if (isErrnoException(error, 'ENOENT')) {
                return undefined;
            }
            throw error;
        }
        let best: number | undefined;
        for (let slot = 0; slot < SLOTS; slot++) {
            const at = slot * SLOT_BYTES;
            if (buffer.length < at + MAGIC.length + SEAL_OVERHEAD + 8 || !buffer.subarray(at, at + MAGIC.length).equals(MAGIC)) {
                continue;
            }
            const plain = key.open(buffer.subarray(at + MAGIC.length, at + MAGIC.length + SEAL_OVERHEAD + 8), slotAad(slot));
            if (plain) {
                const seq = Number(plain.readBigUInt64BE(0));
                best = Math.max(best ?? 0, seq);
            }
        }
        if (best === undefined && buffer.length > 0) {
            throw new StorageCorruptError(file, 'the commit anchor is unreadable', 'l\'ancre des validations est illisible');
        }
        return best;
    }

    static open(dataDir: string, key: StoreKey, warn: (message: string) => void): CommitAnchor {
        return new CommitAnchor(fs.openSync(path.join(dataDir, ANCHOR_FILE_NAME), fs.existsSync(path.join(dataDir, ANCHOR_FILE_NAME)) ? 'r+' : 'w+', 0o600), key, warn);
    }

    record(seq: number): void {
        const slot = seq % SLOTS;
        const value = Buffer.alloc(8);
        value.writeBigUInt64BE(BigInt(seq));
        const bytes = Buffer.alloc(SLOT_BYTES);
        Buffer.concat([MAGIC, ...this.key.seal([value], slotAad(slot))]).copy(bytes);
        try {
            fs.writeSync(this.fd, bytes, 0, bytes.length, slot * SLOT_BYTES);
        } catch (error) {
            // The commit is already durable; only the later check of it is weakened: say so once.
            if (!this.warned) {
                this.warned = true;
                this.warn(`cannot update ${ANCHOR_FILE_NAME}: ${(error as Error).message}`);
            }
        }
    }

    close(): void {
        fs.closeSync(this.fd);
    }
}

function slotAad(slot: number): Buffer {
    return Buffer.concat([MAGIC, Buffer.from([slot])]);
}
