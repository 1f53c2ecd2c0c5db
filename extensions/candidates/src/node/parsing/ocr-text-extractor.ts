import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
type TesseractWorker = import('tesseract.js').Worker;
import { CvParseError } from './cv-parse-error';

export interface ImageSize {
    width: number;
    height: number;
}

/** Reads the pixel size from a PNG IHDR or a JPEG SOF marker without decoding the image. */
export function readImageSize(bytes: Uint8Array): ImageSize | undefined {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50) {
        return { width: view.getUint32(16), height: view.getUint32(20) };
    }
    if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
        let p = 2;
        while (p + 9 < bytes.length) {
            if (bytes[p] !== 0xff) {
                p++;
                continue;
            }
            const marker = bytes[p + 1];
            if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0xff) {
                p += marker === 0xff ? 1 : 2;
                continue;
            }
            const length = view.getUint16(p + 2);
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
            if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
                return { width: view.getUint16(p + 7), height: view.getUint16(p + 5) };
            }
            p += 2 + length;
        }
    }
    return undefined;
}

/** Encodes raw pdfjs image pixels as a binary PNM (PGM/PPM), a format Tesseract's Leptonica reads. */
export function rawImageToPnm(img: { width: number; height: number; kind: number; data: Uint8Array | Uint8ClampedArray }): Buffer {
    const { width, height, kind, data } = img;
    const rgb = Buffer.alloc(width * height * 3);
    if (kind === 1) {
        const rowBytes = Math.ceil(width / 8);
        for (let y = 0; y < height; y++) {
            for (let x = 0; x < width; x++) {
                const bit = (data[y * rowBytes + (x >> 3)] >> (7 - (x & 7))) & 1;
                rgb.fill(bit ? 255 : 0, (y * width + x) * 3, (y * width + x) * 3 + 3);
            }
        }
    } else {
        const step = kind === 3 ? 4 : 3;
        for (let i = 0, j = 0; i < width * height; i++, j += step) {
            rgb[i * 3] = data[j];
            rgb[i * 3 + 1] = data[j + 1];
            rgb[i * 3 + 2] = data[j + 2];
        }
    }
    return Buffer.concat([Buffer.from(`P6\n${width} ${height}\n255\n`, 'ascii'), rgb]);
}

/**
 * OCR of scanned CVs with tesseract.js (offline: the English and French LSTM models ship in npm packages).
 * The Tesseract worker is created on first use and reused; call `dispose()` when done.
 */
export class OcrTextExtractor {
    private worker: Promise<TesseractWorker> | undefined;

    constructor(private readonly maxPixels = 40_000_000) { }

    checkImage(bytes: Uint8Array): void {
        const size = readImageSize(bytes);
        if (!size || !size.width || !size.height) {
            throw CvParseError.corrupt('unreadable image header');
        }
        this.checkPixels(size.width, size.height);
    }

    checkPixels(width: number, height: number): void {
        if (width * height > this.maxPixels) {
            throw CvParseError.tooLarge(`the image (${width} x ${height} pixels)`, `${Math.round(this.maxPixels / 1e6)} megapixels`);
        }
    }

    async recognize(image: Buffer): Promise<string> {
        let worker: TesseractWorker;
        try {
            worker = await this.getWorker();
        } catch (error) {
            this.worker = undefined;
            throw CvParseError.ocrFailed(`OCR engine could not start: ${(error as Error).message}`);
        }
        try {
            const result = await worker.recognize(image);
            return result.data.text ?? '';
        } catch (error) {
            throw CvParseError.ocrFailed(String((error as Error)?.message ?? error));
        }
    }

    async dispose(): Promise<void> {
        const worker = this.worker;
        this.worker = undefined;
        if (worker) {
            await (await worker).terminate().catch(() => undefined);
        }
    }

    private getWorker(): Promise<TesseractWorker> {
        if (!this.worker) {
            this.worker = (async () => {
                // Loaded on first OCR only: most CVs never need it.
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                const tesseract: typeof import('tesseract.js') = require('tesseract.js');
                return tesseract.createWorker('eng+fra', tesseract.OEM.LSTM_ONLY, {
                    langPath: tessdataFolder(), gzip: true, cacheMethod: 'none',
                    errorHandler: () => undefined
                });
            })();
        }
        return this.worker;
    }
}

let tessdata: string | undefined;

/** tesseract.js wants both models in one folder: copy them once into a cache folder (idempotent). */
export function tessdataFolder(): string {
    if (tessdata) {
        return tessdata;
    }
    const sources = ['eng', 'fra'].map(lang => path.join(path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0_best_int', `${lang}.traineddata.gz`));
    const folder = path.join(os.tmpdir(), 'matchpro-tessdata-4.0.0_best_int');
    fs.mkdirSync(folder, { recursive: true });
    for (const source of sources) {
        const target = path.join(folder, path.basename(source));
        const size = fs.statSync(source).size;
        if (!fs.existsSync(target) || fs.statSync(target).size !== size) {
            // Copy then rename so that concurrent workers never read a half-written model.
            const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}`;
            fs.copyFileSync(source, temp);
            fs.renameSync(temp, target);
        }
    }
    tessdata = folder;
    return folder;
}
