import * as fs from 'fs';
import * as path from 'path';
import { StoreKey } from './store-key';
import { fsyncDirSync } from './durable-fs';

/** Encrypt and write in pieces of this size, yielding to the event loop between them. */
const PIECE_BYTES = 8 * 1024 * 1024;

/**
 * Writes `header | IV | GCM tag | ciphertext of plainChunks` (AAD = header) to `file` atomically:
 * temp file, fsync, rename, fsync of the folder. The database is sealed piece by piece with a write
 * between pieces, so commits can go on while a large snapshot is written (the tag, known last, is
 * written into the space left for it). Returns the file size.
 */
export async function writeSealedFileAtomic(file: string, header: Buffer, plainChunks: Uint8Array[], key: StoreKey): Promise<number> {
    const temp = `${file}.${process.pid}.tmp`;
    const handle = await fs.promises.open(temp, 'w', 0o600);
    try {
        const sealer = key.createSealer(header);
        let position = 0;
        const write = async (bytes: Uint8Array, at = position) => {
            let offset = 0;
            while (offset < bytes.length) {
                const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, at + offset);
                offset += bytesWritten;
            }
            if (at === position) {
                position += bytes.length;
            }
        };
        await write(header);
        await write(sealer.iv);
        const tagAt = position;
        await write(Buffer.alloc(16));
        for (const chunk of plainChunks) {
            for (let offset = 0; offset < chunk.length; offset += PIECE_BYTES) {
                await write(sealer.update(chunk.subarray(offset, offset + PIECE_BYTES)));
            }
        }
        await write(sealer.final(), tagAt);
        await handle.sync();
        await handle.close();
        await fs.promises.rename(temp, file);
        fsyncDirSync(path.dirname(file));
        return position;
    } catch (error) {
        await handle.close().catch(() => undefined);
        await fs.promises.unlink(temp).catch(() => undefined);
        throw error;
    }
}

/**
 * Reads a file written by `writeSealedFileAtomic`, decrypting piece by piece into one buffer (peak
 * memory: the plaintext, not file + plaintext). Undefined when the file is too short or the tag fails.
 */
export function readSealedFile(file: string, headerBytes: number, key: StoreKey): { header: Buffer; plain: Buffer } | undefined {
    const fd = fs.openSync(file, 'r');
    try {
        const size = fs.fstatSync(fd).size;
        const prefix = Buffer.alloc(headerBytes + 28);
        if (size < prefix.length || fs.readSync(fd, prefix, 0, prefix.length, 0) !== prefix.length) {
            return undefined;
        }
        const header = prefix.subarray(0, headerBytes);
        const opener = key.createOpener(prefix.subarray(headerBytes, headerBytes + 12), prefix.subarray(headerBytes + 12), header);
        const plain = Buffer.allocUnsafe(size - prefix.length);
        const piece = Buffer.allocUnsafe(Math.min(PIECE_BYTES, Math.max(1, plain.length)));
        for (let done = 0; done < plain.length;) {
            const read = fs.readSync(fd, piece, 0, Math.min(piece.length, plain.length - done), prefix.length + done);
            if (read <= 0) {
                return undefined;
            }
            opener.update(piece.subarray(0, read)).copy(plain, done);
            done += read;
        }
        return opener.verify() ? { header: Buffer.from(header), plain } : undefined;
    } finally {
        fs.closeSync(fd);
    }
}
