import * as fs from 'fs';
import { StorageCorruptError } from './storage-errors';
import { KeyDescriptor, parseDescriptor, StoreKey } from './store-key';
import { writeSealedFileAtomic } from './sealed-file';
import { seqBytes, SnapshotContent } from './snapshot-file';

/**
 * A backup: one self-describing file holding the database at a committed point.
 *
 *     'MPBACK01' | descriptor length u32 | key descriptor JSON | IV 12 | GCM tag 16 | ciphertext of (last seq u64 | SQLite bytes)
 *
 * The key descriptor (KDF, salt, check value; never the key) travels with the data so that the
 * backup opens on another machine with the passphrase, or with the folder's key file.
 * The AAD is everything before the IV.
 */
const BACKUP_MAGIC = Buffer.from('MPBACK01');

export function writeBackup(file: string, content: SnapshotContent, key: StoreKey): Promise<number> {
    const descriptor = Buffer.from(JSON.stringify(key.descriptor), 'utf8');
    const header = Buffer.alloc(BACKUP_MAGIC.length + 4);
    BACKUP_MAGIC.copy(header, 0);
    header.writeUInt32BE(descriptor.length, BACKUP_MAGIC.length);
    const aad = Buffer.concat([header, descriptor]);
    return writeSealedFileAtomic(file, aad, [seqBytes(content.lastSeq), content.database], key);
}

export interface BackupFile {
    descriptor: KeyDescriptor;
    open(key: StoreKey): SnapshotContent;
}

export function readBackup(file: string): BackupFile {
    const buffer = fs.readFileSync(file);
    const headerBytes = BACKUP_MAGIC.length + 4;
    if (buffer.length < headerBytes || !buffer.subarray(0, BACKUP_MAGIC.length).equals(BACKUP_MAGIC)) {
        throw new StorageCorruptError(file, 'not a MatchPro backup (bad or truncated header)', 'ce n\'est pas une sauvegarde MatchPro (en-tête inconnu ou tronqué)');
    }
    const descriptorEnd = headerBytes + buffer.readUInt32BE(BACKUP_MAGIC.length);
    if (descriptorEnd > buffer.length) {
        throw new StorageCorruptError(file, 'backup is truncated', 'la sauvegarde est tronquée');
    }
    const descriptor = parseDescriptor(buffer.subarray(headerBytes, descriptorEnd).toString('utf8'), file);
    return {
        descriptor,
        open: key => {
            const plain = key.open(buffer.subarray(descriptorEnd), buffer.subarray(0, descriptorEnd));
            if (!plain || plain.length < 8) {
                throw new StorageCorruptError(file, 'backup fails its integrity check (tampered, corrupt or truncated)',
                    'la sauvegarde échoue au contrôle d\'intégrité (altérée, corrompue ou tronquée)');
            }
            return { lastSeq: Number(plain.readBigUInt64BE(0)), database: plain.subarray(8) };
        }
    };
}
