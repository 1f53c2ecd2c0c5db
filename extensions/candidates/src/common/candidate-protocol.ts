import type { ServiceAccess } from '@matchpro/core/lib/common/server-access';
import type { Candidate, CandidateInput, CandidateSummary, Interaction, InteractionInput, ParsedProfile } from '@matchpro/core/lib/common';

export const CANDIDATE_SERVICE_PATH = '/services/matchpro/candidates';
export const CandidateService = Symbol('CandidateService');

export interface CandidateQuery {
    /** Search as you type over names, skills, titles, city (full-text, prefix matching). */
    text?: string;
    city?: string;
    /** Driving licence category the candidate must hold, e.g. "C". */
    licence?: string;
    skill?: string;
    /** Lives within `radiusKm` (default 30) of this commune or postcode. */
    near?: string;
    radiusKm?: number;
    /** Available on or before this date (YYYY-MM-DD). */
    availableBy?: string;
    sort?: 'name' | 'updated' | 'city';
    limit?: number;
    offset?: number;
}

export interface CandidatePage {
    total: number;
    rows: CandidateSummary[];
}

/** Largest CV file accepted (checked in the browser before sending, and again by the backend). */
export const MAX_CV_BYTES = 25 * 1024 * 1024;

export type ImportErrorCode = 'password-protected' | 'corrupt' | 'empty' | 'too-large' | 'unsupported' | 'unreadable' | 'ocr-failed' | 'invalid';

/** The outcome of importing one CV file. */
export type ImportOutcome =
    | { file: string; status: 'imported'; candidateId: string }
    /** Not stored as a new candidate: the CV is kept aside (`fileId`) until the recruiter merges it or creates anyway. */
    | { file: string; status: 'duplicate'; existingId: string; fileId: string; reason: 'email' | 'phone' | 'name-birthdate' }
    /** The very same file (same content) is already a candidate's CV: nothing new to keep or merge. */
    | { file: string; status: 'duplicate'; existingId: string; fileId: null; reason: 'same-file' }
    | { file: string; status: 'updated'; candidateId: string }
    | { file: string; status: 'failed'; error: string; errorFr?: string; code: ImportErrorCode };

export interface CandidateService {
    list(query?: CandidateQuery): Promise<CandidatePage>;
    get(id: string): Promise<Candidate>;
    create(input: CandidateInput): Promise<Candidate>;
    update(id: string, version: number, input: CandidateInput): Promise<Candidate>;
    /** RGPD erasure: the candidate, their CV file, interactions and matchings. */
    delete(id: string, version: number): Promise<void>;

    /**
     * Imports one CV file sent by the workbench (the frontend loops over a batch for progress and
     * cancel). A duplicate (same email, phone, or name + birth date) is not stored as a second
     * candidate: it is reported for merging (or merged at once with `onDuplicate: 'merge'`).
     */
    importCv(fileName: string, bytes: Uint8Array, options?: { onDuplicate?: 'ask' | 'merge' }): Promise<ImportOutcome>;
    /** Settles a duplicate import: merge the kept CV into the existing candidate, or create a new candidate anyway. */
    resolveDuplicate(fileId: string, action: 'merge' | 'create', existingId?: string): Promise<Candidate>;
    /** Parses the stored CV again and returns the new profile without saving it (the editor shows the difference). */
    reparse(id: string): Promise<ParsedProfile>;
    /** The original CV file, decrypted, to show beside the parsed fields. */
    getCvFile(id: string): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array } | undefined>;
    /** Merges `duplicateId` into `keepId`: empty fields of the kept candidate are filled, lists united, the duplicate removed. */
    merge(keepId: string, duplicateId: string): Promise<Candidate>;

    listInteractions(candidateId: string): Promise<Interaction[]>;
    addInteraction(input: InteractionInput): Promise<Interaction>;
}

/** What each role may call (hosted mode): erasure is an administrator's act; reads of a person's record are logged. */
export const CandidateServiceAccess: ServiceAccess<CandidateService> = {
    list: 'read', get: { permission: 'read', auditEntity: 'candidate' }, create: 'write', update: 'write', delete: 'admin',
    importCv: 'write', resolveDuplicate: 'write', reparse: 'write', getCvFile: { permission: 'read', auditEntity: 'candidate' },
    merge: 'write', listInteractions: { permission: 'read', auditEntity: 'candidate' }, addInteraction: 'write'
};
