/**
 * A per-file parsing failure. It carries a stable code and a message in English and French so that one
 * bad file in a batch is reported to the recruiter and the rest of the batch goes on.
 */
export type CvParseErrorCode = 'password-protected' | 'corrupt' | 'empty' | 'too-large' | 'unsupported' | 'ocr-failed'
    /** The file could not be read at all (missing, no permission): not a property of its content. */
    | 'unreadable';

export interface CvParseErrorInfo {
    code: CvParseErrorCode;
    message: string;
    messageFr: string;
}

export class CvParseError extends Error {
    readonly code: CvParseErrorCode;
    readonly messageFr: string;

    constructor(code: CvParseErrorCode, message: string, messageFr: string) {
        super(message);
        this.name = 'CvParseError';
        this.code = code;
        this.messageFr = messageFr;
    }

    toJSON(): CvParseErrorInfo {
        return { code: this.code, message: this.message, messageFr: this.messageFr };
    }

    static isInfo(value: unknown): value is CvParseErrorInfo {
        return typeof value === 'object' && !!value && typeof (value as CvParseErrorInfo).code === 'string'
            && typeof (value as CvParseErrorInfo).messageFr === 'string';
    }

    static passwordProtected(): CvParseError {
        return new CvParseError('password-protected', 'The file is password-protected; remove the password and import it again.',
            'Le fichier est protégé par un mot de passe ; retirez le mot de passe puis importez-le à nouveau.');
    }
    static corrupt(detail: string): CvParseError {
        return new CvParseError('corrupt', `The file is damaged and cannot be read (${detail}).`,
            `Le fichier est endommagé et ne peut pas être lu (${detail}).`);
    }
    static empty(): CvParseError {
        return new CvParseError('empty', 'The file contains no readable text.', 'Le fichier ne contient aucun texte lisible.');
    }
    static zipBomb(entry: string, size: string): CvParseError {
        return new CvParseError('too-large', `The document declares an abnormally large content (${entry}: ${size} once decompressed); it was not opened.`,
            `Le document déclare un contenu anormalement volumineux (${entry} : ${size} une fois décompressé) ; il n'a pas été ouvert.`);
    }
    static lyingArchive(entry: string): CvParseError {
        return new CvParseError('corrupt', `The document's ZIP directory understates the size of ${entry} (it decompresses to more than it declares); it was not opened.`,
            `Le répertoire ZIP du document sous-estime la taille de ${entry} (il se décompresse en plus qu'il ne le déclare) ; il n'a pas été ouvert.`);
    }
    static tooLarge(what: string, limit: string): CvParseError {
        return new CvParseError('too-large', `The file is too large: ${what} exceeds the limit of ${limit}.`,
            `Le fichier est trop volumineux : ${what} dépasse la limite de ${limit}.`);
    }
    static unsupported(detail: string, detailFr: string = detail): CvParseError {
        return new CvParseError('unsupported', `Unsupported file: ${detail}. Accepted: PDF, DOCX, PNG, JPEG, TXT.`,
            `Fichier non pris en charge : ${detailFr}. Formats acceptés : PDF, DOCX, PNG, JPEG, TXT.`);
    }
    static unreadable(detail: string): CvParseError {
        return new CvParseError('unreadable', `The file cannot be read (${detail}).`, `Le fichier ne peut pas être lu (${detail}).`);
    }
    static timedOut(seconds: number): CvParseError {
        return new CvParseError('too-large', `The file took more than ${seconds} s to parse and was abandoned.`,
            `L'analyse du fichier a duré plus de ${seconds} s et a été abandonnée.`);
    }
    static ocrFailed(detail: string): CvParseError {
        return new CvParseError('ocr-failed', `Text recognition (OCR) failed: ${detail}.`,
            `La reconnaissance de texte (OCR) a échoué : ${detail}.`);
    }
}
