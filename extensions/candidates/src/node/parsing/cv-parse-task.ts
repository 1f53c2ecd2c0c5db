import * as fs from 'fs';
import { fitParsedProfile, ParsedProfile } from '@matchpro/core/lib/common/parsed-profile';
import { CvParseError } from './cv-parse-error';
import { CvFileType } from './cv-file-type';
import { CvTextExtractor } from './cv-text-extractor';
import { parseCvText } from './cv-field-parser';
import { formatBytes } from './docx-text-extractor';

/** What a parsed CV file gives: the profile, the extracted text and facts about the file. */
export interface CvParseResult {
    profile: ParsedProfile;
    text: string;
    fileType: CvFileType;
    pages?: number;
    /** True when the text was recognised by OCR (scanned CV): fields are less reliable. */
    ocr: boolean;
}

/** A file to parse: a path on disk, or a name (for messages) with the bytes. */
export type CvFileInput = string | { name: string; bytes: Uint8Array };

export function inputName(input: CvFileInput): string {
    return typeof input === 'string' ? input : input.name;
}

/** Reads a file after checking its size, so that a huge file is refused without being loaded. */
export async function readCvFile(path: string, maxBytes: number): Promise<Uint8Array> {
    let size: number;
    try {
        const stat = await fs.promises.stat(path);
        if (!stat.isFile()) {
            throw CvParseError.unreadable('not a regular file');
        }
        size = stat.size;
    } catch (error) {
        if (error instanceof CvParseError) {
            throw error;
        }
        throw CvParseError.unreadable((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String((error as NodeJS.ErrnoException).code ?? error));
    }
    if (size > maxBytes) {
        throw CvParseError.tooLarge(`the file (${formatBytes(size)})`, formatBytes(maxBytes));
    }
    try {
        return await fs.promises.readFile(path);
    } catch (error) {
        throw CvParseError.unreadable(String((error as NodeJS.ErrnoException).code ?? error));
    }
}

/** Extracts the text of one CV and parses its fields, in the current thread. Throws CvParseError. */
export async function parseCvInThisThread(extractor: CvTextExtractor, input: CvFileInput, today: Date): Promise<CvParseResult> {
    const bytes = typeof input === 'string' ? await readCvFile(input, extractor.limits.maxFileBytes) : input.bytes;
    const extracted = await extractor.extract(bytes);
    if (!extracted.text.trim()) {
        throw CvParseError.empty();
    }
    const profile = fitParsedProfile(parseCvText(extracted.text, { today }));
    return { profile, text: extracted.text, fileType: extracted.fileType, pages: extracted.pages, ocr: extracted.ocr };
}

/** Any failure as a CvParseError: unexpected exceptions from a library become 'corrupt'. */
export function toCvParseError(error: unknown): CvParseError {
    if (error instanceof CvParseError) {
        return error;
    }
    return CvParseError.corrupt(String((error as Error)?.message ?? error).slice(0, 200));
}
