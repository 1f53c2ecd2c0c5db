import { CvParseError } from './cv-parse-error';
import { CvFileType, detectCvFileType } from './cv-file-type';
import { DEFAULT_DOCX_LIMITS, DocxTextExtractor, formatBytes } from './docx-text-extractor';
import { OcrTextExtractor, rawImageToPnm } from './ocr-text-extractor';
import { PdfPageImage, PdfTextExtractor } from './pdf-text-extractor';
import { TxtTextExtractor } from './txt-text-extractor';

export interface CvParsingLimits {
    /** Largest accepted file, bytes (default 20 MB). */
    maxFileBytes: number;
    /** Sum of the declared uncompressed sizes of a DOCX (zip-bomb guard, default 200 MB). */
    maxDocxUncompressedBytes: number;
    /** Largest image (or scanned page) sent to OCR, in pixels (default 40 MP). */
    maxImagePixels: number;
    /** Pages of a PDF read; the rest is ignored (default 30). */
    maxPdfPages: number;
    /** Pages of a scanned PDF sent to OCR (default 5). */
    maxOcrPages: number;
}

export const DEFAULT_CV_PARSING_LIMITS: CvParsingLimits = {
    maxFileBytes: 20 * 1024 * 1024,
    maxDocxUncompressedBytes: DEFAULT_DOCX_LIMITS.maxUncompressedBytes,
    maxImagePixels: 40_000_000,
    maxPdfPages: 30,
    maxOcrPages: 5
};

export interface ExtractedText {
    text: string;
    fileType: CvFileType;
    pages?: number;
    /** True when the text comes from OCR. */
    ocr: boolean;
}

/** Detects the type of a CV file from its bytes and extracts its text with the matching extractor. */
export class CvTextExtractor {
    readonly limits: CvParsingLimits;
    private readonly pdf: PdfTextExtractor;
    private readonly docx: DocxTextExtractor;
    private readonly txt = new TxtTextExtractor();
    private readonly ocr: OcrTextExtractor;

    constructor(limits: Partial<CvParsingLimits> = {}) {
        this.limits = { ...DEFAULT_CV_PARSING_LIMITS, ...limits };
        this.pdf = new PdfTextExtractor(this.limits.maxPdfPages);
        this.docx = new DocxTextExtractor({ maxUncompressedBytes: this.limits.maxDocxUncompressedBytes, maxCompressionRatio: DEFAULT_DOCX_LIMITS.maxCompressionRatio });
        this.ocr = new OcrTextExtractor(this.limits.maxImagePixels);
    }

    async extract(bytes: Uint8Array): Promise<ExtractedText> {
        if (bytes.length > this.limits.maxFileBytes) {
            throw CvParseError.tooLarge(`the file (${formatBytes(bytes.length)})`, formatBytes(this.limits.maxFileBytes));
        }
        const detected = detectCvFileType(bytes);
        switch (detected.type) {
            case 'pdf': {
                const result = await this.pdf.extract(bytes);
                if (!result.imageOnly) {
                    return { text: result.text, fileType: 'pdf', pages: result.pages, ocr: false };
                }
                return { text: await this.ocrPdf(bytes), fileType: 'pdf', pages: result.pages, ocr: true };
            }
            case 'docx':
                return { text: await this.docx.extract(bytes, detected.zipEntries), fileType: 'docx', ocr: false };
            case 'png':
            case 'jpeg': {
                this.ocr.checkImage(bytes);
                const text = await this.ocr.recognize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
                return { text: nonEmpty(text), fileType: detected.type, pages: 1, ocr: true };
            }
            case 'txt':
                return { text: this.txt.extract(bytes), fileType: 'txt', ocr: false };
        }
    }

    async dispose(): Promise<void> {
        await this.ocr.dispose();
    }

    /** A scanned PDF: OCR of the largest image of each page (pdfjs cannot render pages without a canvas in Node). */
    private async ocrPdf(bytes: Uint8Array): Promise<string> {
        let images: PdfPageImage[];
        try {
            images = await this.pdf.extractPageImages(bytes, this.limits.maxOcrPages);
        } catch (error) {
            if (error instanceof CvParseError) {
                throw error;
            }
            images = [];
        }
        if (!images.length) {
            throw new CvParseError('unsupported', 'This PDF has no text layer and no readable scanned image: scanned PDFs of this kind are not supported yet.',
                'Ce PDF n\'a pas de couche texte ni d\'image numérisée lisible : ce type de PDF scanné n\'est pas encore pris en charge.');
        }
        const texts: string[] = [];
        for (const img of images) {
            this.ocr.checkPixels(img.width, img.height);
            texts.push(await this.ocr.recognize(rawImageToPnm(img)));
        }
        return nonEmpty(texts.join('\n\n'));
    }
}

function nonEmpty(text: string): string {
    if (!text.replace(/[^\p{L}\p{N}]/gu, '').length) {
        throw CvParseError.empty();
    }
    return text;
}
