import * as path from 'path';
import { pathToFileURL } from 'url';
import { CvParseError } from './cv-parse-error';
import { layoutPageText, PositionedText } from './pdf-page-layout';

/** A raster image found in a PDF page (for image-only, scanned PDFs). */
export interface PdfPageImage {
    width: number;
    height: number;
    /** 1 = 1 bit grey, 2 = RGB 8 bits, 3 = RGBA 8 bits (pdfjs ImageKind). */
    kind: number;
    data: Uint8Array | Uint8ClampedArray;
}

export interface PdfExtraction {
    text: string;
    pages: number;
    /** True when the pages carry (almost) no text layer: a scanned PDF. */
    imageOnly: boolean;
}

// The pdfjs module types are ESM-only; the parts used here are typed loosely on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PdfJs = any;

let pdfjsPromise: Promise<PdfJs> | undefined;

/**
 * Loads pdfjs once per thread. No worker thread of its own: setting `globalThis.pdfjsWorker` makes
 * pdfjs run its worker code in this thread, which is what we want inside our own worker pool.
 */
function loadPdfJs(): Promise<PdfJs> {
    if (!pdfjsPromise) {
        pdfjsPromise = (async () => {
            const workerSpecifier: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
            const worker = await import(workerSpecifier);
            (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
            const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
            pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
            return pdfjs;
        })();
    }
    return pdfjsPromise;
}

const standardFontDataUrl = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + path.sep;

/** Extracts the text of a PDF page by page, rebuilding lines in reading order (two-column aware). */
export class PdfTextExtractor {
    constructor(private readonly maxPages = 30) { }

    async extract(bytes: Uint8Array): Promise<PdfExtraction> {
        const doc = await this.open(bytes);
        try {
            const pageTexts: string[] = [];
            const pages = Math.min(doc.numPages, this.maxPages);
            let visibleChars = 0;
            for (let n = 1; n <= pages; n++) {
                const page = await doc.getPage(n);
                const content = await page.getTextContent();
                const [x0, , x1] = page.view as number[];
                const items: PositionedText[] = [];
                for (const item of content.items as Array<{ str?: string; transform: number[]; width: number; height: number }>) {
                    if (typeof item.str !== 'string' || !item.str.trim()) {
                        continue;
                    }
                    const t = item.transform;
                    const size = Math.hypot(t[2], t[3]) || item.height || 10;
                    items.push({ text: item.str, x: t[4], y: t[5], width: item.width, size });
                    visibleChars += item.str.trim().length;
                }
                pageTexts.push(layoutPageText(items, x1 - x0));
                page.cleanup();
            }
            return { text: pageTexts.join('\n\n'), pages: doc.numPages, imageOnly: visibleChars < 20 };
        } finally {
            await doc.destroy();
        }
    }

    /** The largest raster image of each page (first `maxPages`), for OCR of scanned PDFs. */
    async extractPageImages(bytes: Uint8Array, maxPages = 5): Promise<PdfPageImage[]> {
        const pdfjs = await loadPdfJs();
        const doc = await this.open(bytes);
        try {
            const images: PdfPageImage[] = [];
            for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
                const page = await doc.getPage(n);
                const ops = await page.getOperatorList();
                let best: PdfPageImage | undefined;
                for (let i = 0; i < ops.fnArray.length; i++) {
                    if (ops.fnArray[i] !== pdfjs.OPS.paintImageXObject) {
                        continue;
                    }
                    const id = ops.argsArray[i][0] as string;
                    const objs = id.startsWith('g_') ? page.commonObjs : page.objs;
                    const img = await new Promise<PdfPageImage | undefined>(resolve => {
                        try {
                            objs.get(id, (value: PdfPageImage) => resolve(value));
                        } catch {
                            resolve(undefined);
                        }
                    });
                    if (img && img.data && (!best || img.width * img.height > best.width * best.height)) {
                        best = img;
                    }
                }
                if (best) {
                    images.push({ width: best.width, height: best.height, kind: best.kind, data: best.data });
                }
                page.cleanup();
            }
            return images;
        } finally {
            await doc.destroy();
        }
    }

    private async open(bytes: Uint8Array): Promise<PdfJs> {
        const pdfjs = await loadPdfJs();
        try {
            // pdfjs takes ownership of (detaches) the buffer it is given: pass a copy.
            return await pdfjs.getDocument({
                data: new Uint8Array(bytes), standardFontDataUrl, isEvalSupported: false, useSystemFonts: false,
                disableFontFace: true, verbosity: 0
            }).promise;
        } catch (error) {
            const name = (error as Error)?.name;
            if (name === 'PasswordException') {
                throw CvParseError.passwordProtected();
            }
            throw CvParseError.corrupt(name === 'InvalidPDFException' ? 'invalid PDF structure' : String((error as Error)?.message ?? error));
        }
    }
}
