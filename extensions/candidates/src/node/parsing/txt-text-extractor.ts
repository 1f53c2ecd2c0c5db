import { CvParseError } from './cv-parse-error';

/** Decodes a plain-text CV: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (Latin-1 superset). */
export class TxtTextExtractor {
    extract(bytes: Uint8Array): string {
        let text: string;
        if (bytes[0] === 0xff && bytes[1] === 0xfe) {
            text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
        } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
            text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
        } else {
            try {
                text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
            } catch {
                // Not valid UTF-8: an old Windows/Latin-1 text file (WHATWG maps latin1 to windows-1252).
                text = new TextDecoder('windows-1252').decode(bytes);
            }
        }
        text = text.replace(/\r\n?/g, '\n');
        if (!text.trim()) {
            throw CvParseError.empty();
        }
        return text;
    }
}
