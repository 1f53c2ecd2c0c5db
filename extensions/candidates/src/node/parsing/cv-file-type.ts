import { readZipDirectory, ZipEntryInfo } from './zip-directory';
import { CvParseError } from './cv-parse-error';

export type CvFileType = 'pdf' | 'docx' | 'png' | 'jpeg' | 'txt';

export interface DetectedFileType {
    type: CvFileType;
    /** The ZIP entries of a DOCX (already read for the detection, reused by the zip-bomb guard). */
    zipEntries?: ZipEntryInfo[];
}

/**
 * Detects the real type of a CV file from its content (magic bytes), never from its extension:
 * a DOCX named `.pdf` is read as DOCX, and unknown content is `unsupported` whatever its name.
 */
export function detectCvFileType(bytes: Uint8Array): DetectedFileType {
    if (bytes.length === 0) {
        throw CvParseError.empty();
    }
    if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]) || indexOfAscii(bytes, '%PDF-', 1024) >= 0) {
        return { type: 'pdf' };
    }
    if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
        return { type: 'png' };
    }
    if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
        return { type: 'jpeg' };
    }
    if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
        const entries = readZipDirectory(bytes);
        if (!entries) {
            throw CvParseError.corrupt('incomplete ZIP archive');
        }
        if (entries.some(e => e.name === 'word/document.xml')) {
            return { type: 'docx', zipEntries: entries };
        }
        if (entries.some(e => e.name === 'content.xml')) {
            throw CvParseError.unsupported('OpenDocument (.odt) file; save it as DOCX or PDF', 'fichier OpenDocument (.odt) ; enregistrez-le en DOCX ou PDF');
        }
        throw CvParseError.unsupported('ZIP archive that is not a Word document', 'archive ZIP qui n\'est pas un document Word');
    }
    if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
        // An encrypted DOCX is stored as an OLE compound file holding an "EncryptedPackage" stream.
        if (indexOfUtf16(bytes, 'EncryptedPackage') >= 0) {
            throw CvParseError.passwordProtected();
        }
        throw CvParseError.unsupported('Word 97-2003 (.doc) file; save it as DOCX or PDF', 'fichier Word 97-2003 (.doc) ; enregistrez-le en DOCX ou PDF');
    }
    if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
        throw CvParseError.unsupported('RTF file; save it as DOCX or PDF', 'fichier RTF ; enregistrez-le en DOCX ou PDF');
    }
    if (looksLikeText(bytes)) {
        return { type: 'txt' };
    }
    throw CvParseError.unsupported('unknown file content', 'contenu de fichier inconnu');
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
    return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function indexOfAscii(bytes: Uint8Array, text: string, limit: number): number {
    const end = Math.min(bytes.length - text.length, limit);
    outer: for (let i = 0; i <= end; i++) {
        for (let j = 0; j < text.length; j++) {
            if (bytes[i + j] !== text.charCodeAt(j)) {
                continue outer;
            }
        }
        return i;
    }
    return -1;
}

function indexOfUtf16(bytes: Uint8Array, text: string): number {
    const end = bytes.length - text.length * 2;
    outer: for (let i = 0; i <= end; i++) {
        for (let j = 0; j < text.length; j++) {
            if (bytes[i + 2 * j] !== text.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) {
                continue outer;
            }
        }
        return i;
    }
    return -1;
}

/** Plain text: no NUL byte and few control characters in the first 64 KB (UTF-8, Latin-1 or UTF-16 with BOM). */
function looksLikeText(bytes: Uint8Array): boolean {
    if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
        return true;
    }
    const n = Math.min(bytes.length, 65536);
    let control = 0;
    for (let i = 0; i < n; i++) {
        const b = bytes[i];
        if (b === 0) {
            return false;
        }
        if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) {
            control++;
        }
    }
    return control <= n * 0.01;
}
