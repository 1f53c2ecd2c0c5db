import * as zlib from 'zlib';

/**
 * Reads a ZIP central directory without inflating anything, so that a DOCX can be identified and its
 * declared uncompressed sizes checked (zip-bomb guard) before mammoth/jszip inflate it.
 */
export interface ZipEntryInfo {
    name: string;
    compressedSize: number;
    uncompressedSize: number;
    /** 0 stored, 8 deflated (the two a DOCX uses). */
    method: number;
    /** Where the entry's local header starts. */
    localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;

/** Returns the entries, or undefined when the bytes are not a readable ZIP (truncated or damaged). */
export function readZipDirectory(bytes: Uint8Array): ZipEntryInfo[] | undefined {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
    const minStart = Math.max(0, bytes.length - 22 - 0xffff);
    let eocd = -1;
    for (let i = bytes.length - 22; i >= minStart; i--) {
        if (view.getUint32(i, true) === EOCD_SIGNATURE) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0) {
        return undefined;
    }
    let count = view.getUint16(eocd + 10, true);
    let offset = view.getUint32(eocd + 16, true);
    if (eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_EOCD_LOCATOR) {
        // ZIP64: the real record is elsewhere; a CV never needs it, but read it rather than refuse.
        const zip64Eocd = Number(view.getBigUint64(eocd - 20 + 8, true));
        if (zip64Eocd + 56 > bytes.length) {
            return undefined;
        }
        count = Number(view.getBigUint64(zip64Eocd + 32, true));
        offset = Number(view.getBigUint64(zip64Eocd + 48, true));
    }
    const entries: ZipEntryInfo[] = [];
    const decoder = new TextDecoder('utf-8');
    let p = offset;
    for (let n = 0; n < count; n++) {
        if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_SIGNATURE) {
            return undefined;
        }
        const method = view.getUint16(p + 10, true);
        let localHeaderOffset = view.getUint32(p + 42, true);
        let compressedSize = view.getUint32(p + 20, true);
        let uncompressedSize = view.getUint32(p + 24, true);
        const nameLength = view.getUint16(p + 28, true);
        const extraLength = view.getUint16(p + 30, true);
        const commentLength = view.getUint16(p + 32, true);
        if (p + 46 + nameLength > bytes.length) {
            return undefined;
        }
        const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
        // ZIP64 extra field (id 0x0001) holds the 64-bit sizes when the 32-bit ones are saturated.
        let e = p + 46 + nameLength;
        const extraEnd = Math.min(e + extraLength, bytes.length);
        while (e + 4 <= extraEnd) {
            const id = view.getUint16(e, true);
            const size = view.getUint16(e + 2, true);
            if (id === 0x0001) {
                let q = e + 4;
                if (uncompressedSize === 0xffffffff && q + 8 <= extraEnd) {
                    uncompressedSize = Number(view.getBigUint64(q, true));
                    q += 8;
                }
                if (compressedSize === 0xffffffff && q + 8 <= extraEnd) {
                    compressedSize = Number(view.getBigUint64(q, true));
                    q += 8;
                }
                if (localHeaderOffset === 0xffffffff && q + 8 <= extraEnd) {
                    localHeaderOffset = Number(view.getBigUint64(q, true));
                }
            }
            e += 4 + size;
        }
        entries.push({ name, compressedSize, uncompressedSize, method, localHeaderOffset });
        p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}

const LOCAL_SIGNATURE = 0x04034b50;

/**
 * Inflates every entry as a stream, keeping nothing, and fails as soon as one yields more bytes than
 * its declared size: a directory that lies about its sizes would otherwise get past the zip-bomb check
 * and make the real unzip allocate gigabytes. Memory stays at one 64 KB chunk whatever the archive says.
 * Resolves with the name of the first lying entry, or undefined when every entry is what it declares.
 */
export async function findOversizedEntry(bytes: Uint8Array, entries: ZipEntryInfo[]): Promise<string | undefined> {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (const entry of entries) {
        const p = entry.localHeaderOffset;
        if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL_SIGNATURE) {
            return entry.name;
        }
        const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
        const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
        if (entry.method === 0) {
            if (data.length > entry.uncompressedSize) {
                return entry.name;
            }
        } else if (entry.method === 8 && !(await inflatesWithin(data, entry.uncompressedSize))) {
            return entry.name;
        }
    }
    return undefined;
}

function inflatesWithin(data: Uint8Array, limit: number): Promise<boolean> {
    return new Promise(resolve => {
        const inflater = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
        let total = 0;
        let done = false;
        const finish = (ok: boolean) => {
            if (!done) {
                done = true;
                inflater.destroy();
                resolve(ok);
            }
        };
        inflater.on('data', (chunk: Buffer) => {
            total += chunk.length;
            if (total > limit) {
                finish(false);
            }
        });
        inflater.on('end', () => finish(true));
        // A damaged stream is the real unzip's to report (as a corrupt file), not a size lie.
        inflater.on('error', () => finish(true));
        inflater.end(data);
    });
}
