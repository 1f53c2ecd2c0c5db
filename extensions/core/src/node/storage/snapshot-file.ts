import * as fs from 'fs';
import * as path from 'path';
import { StorageCorruptError } from './storage-errors';
import { StoreKey } from './store-key';
import { readSealedFile, writeSealedFileAtomic } from './sealed-file';

/**
 * A snapshot: the whole SQLite database at one committed point, sealed in one piece.
 *
 *     'MPSNAP01' | generation u32 | IV 12 | GCM tag 16 | ciphertext of (last seq u64 | SQLite bytes)
 *
 * The AAD is the 12-byte header, so a snapshot cannot be renamed to another generation unnoticed.
 * Written atomically (temp file, fsync, rename, fsync of the folder).
 */
const SNAPSHOT_MAGIC = Buffer.from('MPSNAP01');
const SNAPSHOT_HEADER_BYTES = 12;

export const SNAPSHOT_FILE_PATTERN = /^snapshot-(\d{8,})\.mps$/;

export function snapshotFileName(generation: number): string {
    return `snapshot-${String(generation).padStart(8, '0')}.mps`;
}

export interface SnapshotContent {
    /** Sequence number of the last journal record folded into the snapshot. */
    lastSeq: number;
    database: Uint8Array;
}

/** Writes snapshot `generation` into `dir`; returns its size in bytes. */
export function writeSnapshot(dir: string, generation: number, content: SnapshotContent, key: StoreKey): Promise<number> {
    const header = Buffer.alloc(SNAPSHOT_HEADER_BYTES);
    SNAPSHOT_MAGIC.copy(header, 0);
    header.writeUInt32BE(generation, 8);
    return writeSealedFileAtomic(path.join(dir, snapshotFileName(generation)), header, [seqBytes(content.lastSeq), content.database], key);
}

export function readSnapshot(file: string, generation: number, key: StoreKey): SnapshotContent {
    const header = Buffer.alloc(SNAPSHOT_HEADER_BYTES);
    const fd = fs.openSync(file, 'r');
    let read: number;
    try {
        read = fs.readSync(fd, header, 0, header.length, 0);
    } finally {
        fs.closeSync(fd);
    }
    if (read < SNAPSHOT_HEADER_BYTES || !header.subarray(0, SNAPSHOT_MAGIC.length).equals(SNAPSHOT_MAGIC)) {
        throw new StorageCorruptError(file, 'not a MatchPro snapshot (bad or truncated header)',
            'ce n\'est pas un instantané MatchPro (en-tête inconnu ou tronqué)');
    }
    if (header.readUInt32BE(8) !== generation) {
        throw new StorageCorruptError(file, `snapshot header names generation ${header.readUInt32BE(8)}, not ${generation}`,
            `l'en-tête de l'instantané indique la génération ${header.readUInt32BE(8)}, pas ${generation}`);
    }
    const sealed = readSealedFile(file, SNAPSHOT_HEADER_BYTES, key);
    if (!sealed || sealed.plain.length < 8) {
        throw new StorageCorruptError(file, 'snapshot fails its integrity check (tampered or corrupt)',
            'l\'instantané échoue au contrôle d\'intégrité (altéré ou corrompu)');
    }
    return { lastSeq: Number(sealed.plain.readBigUInt64BE(0)), database: sealed.plain.subarray(8) };
}

export function seqBytes(seq: number): Buffer {
    const bytes = Buffer.alloc(8);
    bytes.writeBigUInt64BE(BigInt(seq));
    return bytes;
}
