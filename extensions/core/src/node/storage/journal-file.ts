import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { StorageCorruptError } from './storage-errors';
import { SEAL_OVERHEAD, StoreKey } from './store-key';
import { fsyncDirSync, writeAllSync } from './durable-fs';

/**
 * The append-only journal of one snapshot generation. File: an 12-byte header (magic `MPJRNL01`,
 * generation u32 BE), then records:
 *
 *     'MPJR' | length u32 | seq u64 | header check (4 bytes of SHA-256 of the previous 16) | IV 12 | GCM tag 16 | ciphertext
 *
 * The AAD of each record is its first 16 bytes plus the generation, so a record cannot be moved to
 * another place or file unnoticed. The GCM tag is the checksum of the payload.
 */
export const JOURNAL_HEADER_BYTES = 12;
const JOURNAL_MAGIC = Buffer.from('MPJRNL01');
const RECORD_MAGIC = Buffer.from('MPJR');
const RECORD_HEADER_BYTES = 20;

export function journalFileName(generation: number): string {
    return `journal-${String(generation).padStart(8, '0')}.mpj`;
}

export const JOURNAL_FILE_PATTERN = /^journal-(\d{8,})\.mpj$/;

export interface JournalRecord {
    seq: number;
    payload: Buffer;
}

export interface JournalReadResult {
    records: JournalRecord[];
    /** Bytes up to the end of the last valid record (0 when even the file header is torn). */
    validBytes: number;
    /** Bytes of a torn tail that were ignored (only ever in the newest journal). */
    droppedBytes: number;
}

/**
 * Reads and verifies a journal. A damaged record is a torn tail (crash during an append: dropped)
 * only if it is in the newest journal and no valid record can be found after it; otherwise the
 * journal has been tampered with or the disk corrupted it, and StorageCorruptError is thrown.
 */
export function readJournal(file: string, generation: number, key: StoreKey, isNewest: boolean): JournalReadResult {
    const buffer = fs.readFileSync(file);
    if (buffer.length < JOURNAL_HEADER_BYTES) {
        if (isNewest && JOURNAL_MAGIC.subarray(0, Math.min(buffer.length, JOURNAL_MAGIC.length)).equals(buffer.subarray(0, JOURNAL_MAGIC.length))) {
            return { records: [], validBytes: 0, droppedBytes: buffer.length };
        }
        throw new StorageCorruptError(file, 'journal header is truncated', 'l\'en-tête du journal est tronqué');
    }
    if (!buffer.subarray(0, JOURNAL_MAGIC.length).equals(JOURNAL_MAGIC)) {
        throw new StorageCorruptError(file, 'not a MatchPro journal (bad magic)', 'ce n\'est pas un journal MatchPro (signature inconnue)');
    }
    if (buffer.readUInt32BE(8) !== generation) {
        throw new StorageCorruptError(file, `journal header names generation ${buffer.readUInt32BE(8)}, not ${generation}`,
            `l'en-tête du journal indique la génération ${buffer.readUInt32BE(8)}, pas ${generation}`);
    }
    const records: JournalRecord[] = [];
    let offset = JOURNAL_HEADER_BYTES;
    while (offset < buffer.length) {
        const record = tryRecord(buffer, offset, generation, key);
        if (record) {
            records.push({ seq: record.seq, payload: record.payload });
            offset = record.end;
            continue;
        }
        if (validRecordAfter(buffer, offset, generation, key)) {
            throw new StorageCorruptError(file, `record at byte ${offset} fails its integrity check but valid records follow: tampering or disk corruption`,
                `l'enregistrement à l'octet ${offset} échoue au contrôle d'intégrité alors que des enregistrements valides suivent : altération ou corruption du disque`);
        }
        if (!isNewest) {
            throw new StorageCorruptError(file, `damaged tail at byte ${offset} in a journal that is not the newest`,
                `fin endommagée à l'octet ${offset} dans un journal qui n'est pas le plus récent`);
        }
        return { records, validBytes: offset, droppedBytes: buffer.length - offset };
    }
    return { records, validBytes: offset, droppedBytes: 0 };
}

function tryRecord(buffer: Buffer, offset: number, generation: number, key: StoreKey): { seq: number; payload: Buffer; end: number } | undefined {
    if (buffer.length - offset < RECORD_HEADER_BYTES + SEAL_OVERHEAD) {
        return undefined;
    }
    const header = buffer.subarray(offset, offset + 16);
    if (!header.subarray(0, 4).equals(RECORD_MAGIC) || !headerCheck(header).equals(buffer.subarray(offset + 16, offset + 20))) {
        return undefined;
    }
    const end = offset + RECORD_HEADER_BYTES + SEAL_OVERHEAD + header.readUInt32BE(4);
    if (end > buffer.length) {
        return undefined;
    }
    const payload = key.open(buffer.subarray(offset + RECORD_HEADER_BYTES, end), recordAad(header, generation));
    if (!payload) {
        return undefined;
    }
    return { seq: Number(header.readBigUInt64BE(8)), payload, end };
}

function validRecordAfter(buffer: Buffer, offset: number, generation: number, key: StoreKey): boolean {
    for (let at = buffer.indexOf(RECORD_MAGIC, offset + 1); at !== -1; at = buffer.indexOf(RECORD_MAGIC, at + 1)) {
        if (tryRecord(buffer, at, generation, key)) {
            return true;
        }
    }
    return false;
}

function headerCheck(header16: Buffer): Buffer {
    return crypto.createHash('sha256').update(header16).digest().subarray(0, 4);
}

function recordAad(header16: Buffer, generation: number): Buffer {
    const aad = Buffer.alloc(20);
    header16.copy(aad, 0);
    aad.writeUInt32BE(generation, 16);
    return aad;
}

/** Appends records to the newest journal; each append is fdatasync'd before it returns. */
export class JournalWriter {
    /** Set when a failed append could not be cut back: the file may hold a record that was not committed. */
    damaged = false;

    private constructor(readonly file: string, readonly generation: number, private fd: number | undefined, private bytes: number) {}

    /** Creates (or re-creates a torn, empty) journal file and makes its creation durable. */
    static create(dir: string, generation: number): JournalWriter {
        const file = path.join(dir, journalFileName(generation));
        const fd = fs.openSync(file, 'w', 0o600);
        try {
            const header = Buffer.alloc(JOURNAL_HEADER_BYTES);
            JOURNAL_MAGIC.copy(header, 0);
            header.writeUInt32BE(generation, 8);
            writeAllSync(fd, header, 0);
            fs.fsyncSync(fd);
        } catch (error) {
            fs.closeSync(fd);
            throw error;
        }
        fsyncDirSync(dir);
        return new JournalWriter(file, generation, fd, JOURNAL_HEADER_BYTES);
    }

    /** Opens an existing journal for appending after `validBytes`, cutting a torn tail off durably. */
    static openExisting(file: string, generation: number, validBytes: number): JournalWriter {
        const fd = fs.openSync(file, 'r+');
        try {
            if (fs.fstatSync(fd).size !== validBytes) {
                fs.ftruncateSync(fd, validBytes);
                fs.fsyncSync(fd);
            }
        } catch (error) {
            fs.closeSync(fd);
            throw error;
        }
        return new JournalWriter(file, generation, fd, validBytes);
    }

    get size(): number {
        return this.bytes;
    }

    /** Seals and appends one record, then fdatasync. On failure the file is cut back to its previous end. */
    append(seq: number, payload: Uint8Array, key: StoreKey): void {
        const fd = this.requireOpen();
        const header = Buffer.alloc(RECORD_HEADER_BYTES);
        RECORD_MAGIC.copy(header, 0);
        header.writeUInt32BE(payload.length, 4); // GCM: ciphertext length = plaintext length
        header.writeBigUInt64BE(BigInt(seq), 8);
        headerCheck(header.subarray(0, 16)).copy(header, 16);
        const sealed = key.seal([payload], recordAad(header.subarray(0, 16), this.generation));
        const record = Buffer.concat([header, ...sealed]);
        try {
            writeAllSync(fd, record, this.bytes);
            fs.fdatasyncSync(fd);
        } catch (error) {
            try {
                this.truncateTo(this.bytes);
            } catch {
                this.damaged = true;
            }
            throw error;
        }
        this.bytes += record.length;
    }

    /** Cuts the journal back to `size` (undoes an append whose transaction then failed to commit). */
    truncateTo(size: number): void {
        const fd = this.requireOpen();
        fs.ftruncateSync(fd, size);
        fs.fdatasyncSync(fd);
        this.bytes = size;
    }

    close(): void {
        if (this.fd !== undefined) {
            fs.closeSync(this.fd);
            this.fd = undefined;
        }
    }

    private requireOpen(): number {
        if (this.fd === undefined) {
            throw new Error(`journal ${this.file} is closed`);
        }
        return this.fd;
    }
}
