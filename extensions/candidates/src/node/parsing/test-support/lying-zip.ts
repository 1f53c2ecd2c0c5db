import * as zlib from 'zlib';

/**
 * Hostile archives for tests and benchmarks: a ZIP whose central directory declares `declared` bytes
 * for an entry that inflates to `actual` (a Buffer, deflated; or a number of zero bytes, deflated as a
 * stream so the test never holds them), or stores `stored` bytes as they are.
 */
export type LyingZipEntry =
    | { name: string; actual: Buffer | number; declared: number }
    | { name: string; stored: Buffer };

export async function lyingZip(entries: LyingZipEntry[]): Promise<Buffer> {
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const entry of entries) {
        const stored = 'stored' in entry;
        const data = stored ? entry.stored : Buffer.isBuffer(entry.actual) ? zlib.deflateRawSync(entry.actual) : await deflatedZeros(entry.actual);
        const declared = stored ? entry.stored.length : entry.declared;
        const method = stored ? 0 : 8;
        const name = Buffer.from(entry.name);
        const local = Buffer.alloc(30);
        local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(method, 8);
        local.writeUInt32LE(data.length, 18); local.writeUInt32LE(declared, 22); local.writeUInt16LE(name.length, 26);
        const central = Buffer.alloc(46);
        central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(method, 10);
        central.writeUInt32LE(data.length, 20); central.writeUInt32LE(declared, 24); central.writeUInt16LE(name.length, 28);
        central.writeUInt32LE(offset, 42);
        locals.push(local, name, data);
        centrals.push(central, name);
        offset += 30 + name.length + data.length;
    }
    const directory = Buffer.concat(centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, directory, end]);
}

/** The smallest [Content_Types].xml that makes an archive a Word document. */
export const DOCX_CONTENT_TYPES = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');

/** `size` zero bytes, deflated as a stream (never held whole in memory). */
function deflatedZeros(size: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const deflater = zlib.createDeflateRaw({ level: 9 });
        const out: Buffer[] = [];
        deflater.on('data', chunk => out.push(chunk));
        deflater.on('end', () => resolve(Buffer.concat(out)));
        deflater.on('error', reject);
        const chunk = Buffer.alloc(1024 * 1024);
        let left = size;
        const write = () => {
            while (left > 0) {
                const n = Math.min(left, chunk.length);
                left -= n;
                if (!deflater.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
                    deflater.once('drain', write);
                    return;
                }
            }
            deflater.end();
        };
        write();
    });
}
