import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { StorageKeyError } from './storage-errors';
import { fsyncDirSync, isErrnoException, writeFileAtomicSync } from './durable-fs';

export const KEY_FILE_NAME = 'store.key';
export const KEY_DESCRIPTOR_FILE_NAME = 'store-key.json';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Bytes a sealed payload adds: IV then GCM tag, before the ciphertext. */
export const SEAL_OVERHEAD = IV_BYTES + TAG_BYTES;

const CHECK_PLAINTEXT = Buffer.from('matchpro-store-key-check-v1');
const CHECK_AAD = Buffer.from('MPKEYCHK');
/** scrypt cost: ~100 ms and 32 MiB on the reference machine; stored per folder so it can evolve. */
const SCRYPT_DEFAULTS = { N: 1 << 15, r: 8, p: 1 };

/** What is stored beside the data to find and verify the key (no secret in it). */
export interface KeyDescriptor {
    format: 1;
    kdf: 'keyfile' | 'scrypt';
    salt?: string;
    N?: number;
    r?: number;
    p?: number;
    /** A known value sealed with the key: tells a wrong key from corrupt data. */
    check: string;
}

export interface KeySource {
    passphrase?: string;
    /** Bytes of a key file (restore on another machine). */
    keyFileBytes?: Buffer;
}

/** The AES-256-GCM key of one data folder. The tag of each sealed payload is its checksum. */
export class StoreKey {
    private constructor(private readonly key: Buffer, readonly descriptor: KeyDescriptor) {}

    /** Seals `chunks` (concatenated) and returns [iv, tag, ciphertext...] ready to be written. */
    seal(chunks: Uint8Array[], aad: Uint8Array): Buffer[] {
        const iv = crypto.randomBytes(IV_BYTES);
        const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
        cipher.setAAD(aad);
        const parts = chunks.map(chunk => cipher.update(chunk));
        parts.push(cipher.final());
        return [iv, cipher.getAuthTag(), ...parts];
    }

    /** A streaming seal, for large files: `update` each piece, then `final` gives the GCM tag. */
    createSealer(aad: Uint8Array): { iv: Buffer; update(piece: Uint8Array): Buffer; final(): Buffer } {
        const iv = crypto.randomBytes(IV_BYTES);
        const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
        cipher.setAAD(aad);
        return {
            iv,
            update: piece => cipher.update(piece),
            final: () => {
                cipher.final();
                return cipher.getAuthTag();
            }
        };
    }

    /** A streaming open, for large files: `update` each piece, then `verify` checks the tag. */
    createOpener(iv: Uint8Array, tag: Uint8Array, aad: Uint8Array): { update(piece: Uint8Array): Buffer; verify(): boolean } {
        const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, iv);
        decipher.setAAD(aad);
        decipher.setAuthTag(tag);
        return {
            update: piece => decipher.update(piece),
            verify: () => {
                try {
                    decipher.final();
                    return true;
                } catch {
                    return false;
                }
            }
        };
    }

    /** Opens `iv | tag | ciphertext`; undefined when the tag does not verify. */
    open(sealed: Uint8Array, aad: Uint8Array): Buffer | undefined {
        if (sealed.length < SEAL_OVERHEAD) {
            return undefined;
        }
        const buffer = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
        try {
            const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, buffer.subarray(0, IV_BYTES));
            decipher.setAAD(aad);
            decipher.setAuthTag(buffer.subarray(IV_BYTES, SEAL_OVERHEAD));
            const body = decipher.update(buffer.subarray(SEAL_OVERHEAD));
            const tail = decipher.final();
            return tail.length ? Buffer.concat([body, tail]) : body;
        } catch {
            return undefined;
        }
    }

    /** Copy of the raw key, for writing a key file on restore. */
    exportKeyFileBytes(): Buffer {
        return Buffer.from(this.key);
    }

    /** Rebuilds the key from a descriptor and the secret the user holds, verifying it. */
    static async fromDescriptor(descriptor: KeyDescriptor, source: KeySource, where: string): Promise<StoreKey> {
        let key: Buffer;
        if (descriptor.kdf === 'scrypt') {
            if (source.passphrase === undefined) {
                throw new StorageKeyError(where, 'this data is protected by a passphrase: none was given',
                    'ces données sont protégées par une phrase secrète : aucune n\'a été fournie');
            }
            key = await deriveKey(source.passphrase, descriptor);
        } else {
            if (source.passphrase !== undefined) {
                throw new StorageKeyError(where, 'this data is encrypted with a key file, not a passphrase',
                    'ces données sont chiffrées avec un fichier de clé, pas une phrase secrète');
            }
            if (!source.keyFileBytes) {
                throw new StorageKeyError(where, 'the key file is missing: the data cannot be decrypted without it',
                    'le fichier de clé manque : les données ne peuvent pas être déchiffrées sans lui');
            }
            if (source.keyFileBytes.length !== KEY_BYTES) {
                throw new StorageKeyError(where, `the key file must hold ${KEY_BYTES} bytes, it holds ${source.keyFileBytes.length}`,
                    `le fichier de clé doit contenir ${KEY_BYTES} octets, il en contient ${source.keyFileBytes.length}`);
            }
            key = Buffer.from(source.keyFileBytes);
        }
        const storeKey = new StoreKey(key, descriptor);
        const opened = storeKey.open(Buffer.from(descriptor.check, 'base64'), CHECK_AAD);
        if (!opened || !opened.equals(CHECK_PLAINTEXT)) {
            throw descriptor.kdf === 'scrypt'
                ? new StorageKeyError(where, 'wrong passphrase', 'phrase secrète incorrecte')
                : new StorageKeyError(where, 'the key file does not match this data', 'le fichier de clé ne correspond pas à ces données');
        }
        return storeKey;
    }

    /** A new key: random (key file) or derived from a passphrase with a fresh salt. */
    static async create(passphrase: string | undefined): Promise<StoreKey> {
        const descriptor: KeyDescriptor = passphrase === undefined
            ? { format: 1, kdf: 'keyfile', check: '' }
            : { format: 1, kdf: 'scrypt', salt: crypto.randomBytes(16).toString('base64'), ...SCRYPT_DEFAULTS, check: '' };
        const key = passphrase === undefined ? crypto.randomBytes(KEY_BYTES) : await deriveKey(passphrase, descriptor);
        const storeKey = new StoreKey(key, descriptor);
        descriptor.check = Buffer.concat(storeKey.seal([CHECK_PLAINTEXT], CHECK_AAD)).toString('base64');
        return storeKey;
    }

    /**
     * Loads the key of `dataDir`, or creates it when the folder holds no data yet (`hasData` false).
     * Key file: created 0600 in the folder. Passphrase: only the salt and a check value are stored.
     */
    static async loadOrCreate(dataDir: string, passphrase: string | undefined, hasData: boolean): Promise<StoreKey> {
        const descriptorFile = path.join(dataDir, KEY_DESCRIPTOR_FILE_NAME);
        const keyFile = path.join(dataDir, KEY_FILE_NAME);
        const descriptor = readDescriptor(descriptorFile);
        if (descriptor) {
            const keyFileBytes = descriptor.kdf === 'keyfile' ? readOptional(keyFile) : undefined;
            return StoreKey.fromDescriptor(descriptor, { passphrase, keyFileBytes },
                descriptor.kdf === 'keyfile' && !keyFileBytes ? keyFile : descriptorFile);
        }
        if (hasData) {
            throw new StorageKeyError(descriptorFile, 'the key descriptor is missing while encrypted data exists',
                'le descripteur de clé manque alors que des données chiffrées existent');
        }
        const created = await StoreKey.create(passphrase);
        if (created.descriptor.kdf === 'keyfile') {
            writeKeyFile(keyFile, created.key);
        }
        writeFileAtomicSync(descriptorFile, JSON.stringify(created.descriptor, undefined, 2) + '\n');
        return created;
    }
}

/** Writes a key file readable by its owner only (0600), replacing a leftover of an interrupted first start. */
export function writeKeyFile(file: string, key: Buffer): void {
    const fd = fs.openSync(file, 'w', 0o600);
    try {
        fs.writeFileSync(fd, key);
        fs.fsyncSync(fd);
    } finally {
        fs.closeSync(fd);
    }
    fs.chmodSync(file, 0o600);
    fsyncDirSync(path.dirname(file));
}

export function readDescriptor(file: string): KeyDescriptor | undefined {
    const bytes = readOptional(file);
    if (!bytes) {
        return undefined;
    }
    return parseDescriptor(bytes.toString('utf8'), file);
}

export function parseDescriptor(text: string, where: string): KeyDescriptor {
    let value: Partial<KeyDescriptor>;
    try {
        value = JSON.parse(text);
    } catch {
        throw new StorageKeyError(where, 'the key descriptor is not valid JSON', 'le descripteur de clé n\'est pas du JSON valide');
    }
    const scryptOk = value.kdf !== 'scrypt' || (typeof value.salt === 'string' && Number.isInteger(value.N)
        && Number.isInteger(value.r) && Number.isInteger(value.p));
    if (value.format !== 1 || (value.kdf !== 'keyfile' && value.kdf !== 'scrypt') || typeof value.check !== 'string' || !scryptOk) {
        throw new StorageKeyError(where, 'the key descriptor is not understood (wrong format or version)',
            'le descripteur de clé n\'est pas compris (format ou version inattendus)');
    }
    return value as KeyDescriptor;
}

function readOptional(file: string): Buffer | undefined {
    try {
        return fs.readFileSync(file);
    } catch (error) {
        if (isErrnoException(error, 'ENOENT')) {
            return undefined;
        }
        throw error;
    }
}

function deriveKey(passphrase: string, descriptor: KeyDescriptor): Promise<Buffer> {
    const N = descriptor.N!;
    const r = descriptor.r!;
    const p = descriptor.p!;
    return new Promise((resolve, reject) => crypto.scrypt(passphrase.normalize('NFC'), Buffer.from(descriptor.salt!, 'base64'),
        KEY_BYTES, { N, r, p, maxmem: 256 * N * r + (1 << 20) }, (error, key) => error ? reject(error) : resolve(key)));
}
