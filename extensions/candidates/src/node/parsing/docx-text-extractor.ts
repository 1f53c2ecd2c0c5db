import * as mammoth from 'mammoth';
import JSZip from 'jszip';
import { CvParseError } from './cv-parse-error';
import { findOversizedEntry, readZipDirectory, ZipEntryInfo } from './zip-directory';
import { htmlToText } from './html-to-text';

export interface DocxLimits {
    /** Sum of the declared uncompressed sizes of all entries. */
    maxUncompressedBytes: number;
    /** Declared uncompressed / compressed size of one entry beyond which it is taken for a zip bomb. */
    maxCompressionRatio: number;
}

export const DEFAULT_DOCX_LIMITS: DocxLimits = { maxUncompressedBytes: 200 * 1024 * 1024, maxCompressionRatio: 1000 };

/**
 * Extracts the text of a DOCX: the body through mammoth (paragraphs, lists and tables, a table row of
 * one-line cells becomes one line), plus headers and footers, which mammoth ignores although CV templates
 * often put the contact details there.
 */
export class DocxTextExtractor {
    constructor(private readonly limits: DocxLimits = DEFAULT_DOCX_LIMITS) { }

    async extract(bytes: Uint8Array, entries?: ZipEntryInfo[]): Promise<string> {
        const directory = entries ?? readZipDirectory(bytes);
        this.checkZipBomb(directory);
        const liar = await findOversizedEntry(bytes, directory!);
        if (liar !== undefined) {
            throw CvParseError.lyingArchive(liar);
        }
        const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        let zip: JSZip;
        try {
            zip = await JSZip.loadAsync(buffer);
        } catch (error) {
            throw CvParseError.corrupt(`invalid ZIP archive: ${(error as Error).message}`);
        }
        let body: string;
        try {
            const result = await mammoth.convertToHtml({ buffer: await this.withSlimStyles(zip, buffer) }, {
                includeDefaultStyleMap: true, ignoreEmptyParagraphs: true,
                // Images are not needed for text: do not read and base64-encode them (costly for photos).
                convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' }))
            });
            body = htmlToText(result.value);
        } catch (error) {
            throw CvParseError.corrupt(`invalid Word document: ${(error as Error).message}`);
        }
        const headers = await this.partsText(zip, /^word\/header\d*\.xml$/);
        const footers = await this.partsText(zip, /^word\/footer\d*\.xml$/);
        const text = [headers, body, footers].filter(t => t.trim()).join('\n\n');
        if (!text.trim()) {
            throw CvParseError.empty();
        }
        return text;
    }

    private checkZipBomb(entries: ZipEntryInfo[] | undefined): void {
        if (!entries) {
            throw CvParseError.corrupt('incomplete ZIP archive');
        }
        let total = 0;
        for (const e of entries) {
            total += e.uncompressedSize;
            const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
            if (ratio > this.limits.maxCompressionRatio && e.uncompressedSize > 1024 * 1024) {
                throw CvParseError.zipBomb(e.name, formatBytes(e.uncompressedSize));
            }
        }
        if (total > this.limits.maxUncompressedBytes) {
            throw CvParseError.tooLarge(`the decompressed content (${formatBytes(total)})`, formatBytes(this.limits.maxUncompressedBytes));
        }
    }

    /**
     * Word templates often carry a styles.xml of several hundred KB that mammoth parses in full (~0.2 s a
     * CV). Only the styles the document uses matter for the conversion: keep those, drop the rest.
     */
    private async withSlimStyles(zip: JSZip, buffer: Buffer): Promise<Buffer> {
        const stylesFile = zip.file('word/styles.xml');
        const documentFile = zip.file('word/document.xml');
        if (!stylesFile || !documentFile) {
            return buffer;
        }
        const styles = await stylesFile.async('string');
        if (styles.length < 20000) {
            return buffer;
        }
        const documentXml = await documentFile.async('string');
        zip.file('word/styles.xml', slimStyles(styles, documentXml));
        // Same compression as the source so that JSZip reuses the compressed entries as they are.
        return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    }

    /** Text of header/footer parts, de-duplicated (first/even/default headers often repeat). */
    private async partsText(zip: JSZip, pattern: RegExp): Promise<string> {
        const names = Object.keys(zip.files).filter(n => pattern.test(n)).sort();
        const seen = new Set<string>();
        const texts: string[] = [];
        for (const name of names) {
            const xml = await zip.files[name].async('string');
            const text = wordXmlToText(xml);
            if (text && !seen.has(text)) {
                seen.add(text);
                texts.push(text);
            }
        }
        return texts.join('\n');
    }
}

/** styles.xml restricted to the styles used by document.xml (and their defaults), without latent styles. */
export function slimStyles(styles: string, documentXml: string): string {
    const used = new Set([...documentXml.matchAll(/<w:(?:pStyle|rStyle|tblStyle|numStyle)\s+w:val="([^"]+)"/g)].map(m => m[1]));
    const firstStyle = styles.search(/<w:style[\s>]/);
    if (firstStyle < 0) {
        return styles;
    }
    const head = styles.slice(0, firstStyle).replace(/<w:latentStyles\b[\s\S]*?<\/w:latentStyles>/, '');
    const keep: string[] = [];
    // Styles used, the defaults, and what they are based on (one level of basedOn is enough for mammoth's names).
    const blocks = [...styles.matchAll(/<w:style\b[^>]*?w:styleId="([^"]+)"[\s\S]*?<\/w:style>/g)];
    const byId = new Map(blocks.map(m => [m[1], m[0]]));
    for (const [id, block] of byId) {
        if (used.has(id) || /^<w:style\b[^>]*w:default="1"/.test(block)) {
            keep.push(block);
        }
    }
    return head + keep.join('') + '</w:styles>';
}

/** Plain text of a WordprocessingML part: one line per paragraph, tabs and breaks kept as spaces/lines. */
export function wordXmlToText(xml: string): string {
    const lines: string[] = [];
    for (const p of xml.split(/<\/w:p>/)) {
        let line = '';
        const re = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g;
        let m: RegExpExecArray | null;
        while ((m = re.exec(p))) {
            if (m[1] !== undefined) {
                line += decodeXml(m[1]);
            } else if (m[0] === '<w:tab/>') {
                line += '  ';
            } else {
                line += '\n';
            }
        }
        if (line.trim()) {
            lines.push(line.trim());
        }
    }
    return lines.join('\n');
}

function decodeXml(s: string): string {
    return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
        switch (e.toLowerCase()) {
            case 'lt': return '<';
            case 'gt': return '>';
            case 'amp': return '&';
            case 'quot': return '"';
            case 'apos': return '\'';
        }
        return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    });
}

export function formatBytes(n: number): string {
    return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
