import { createHash, randomUUID } from 'crypto';
import {
    fitCvText, foldText, Candidate, CandidateFields, CandidateInput, CandidateSummary, Interaction, InteractionInput, MatchProErrors, ParsedProfile, validate
} from '@matchpro/core/lib/common';
import { AuditLog } from '@matchpro/core/lib/node/audit-log';
import { CommuneLocator } from '@matchpro/core/lib/node/commune-locator';
import { DataChangeBroadcaster } from '@matchpro/core/lib/node/data-change-broadcaster';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { RecordRepository } from '@matchpro/core/lib/node/record-repository';
import type { SqlParam, StoreTransaction } from '@matchpro/core/lib/node/storage/store-types';
import { AiGateway } from '@matchpro/ai/lib/node/ai-gateway';
import { inject, injectable, optional, postConstruct } from '@theia/core/shared/inversify';
import { CandidatePage, CandidateQuery, CandidateService, ImportOutcome, MAX_CV_BYTES } from '../common/candidate-protocol';
import { mergeCandidateFields } from './candidate-merge';
import { CandidateRepository, ftsQuery, licenceToken, summarizeCandidate } from './candidate-repository';
import { CvFileStore } from './cv-file-store';
import { CvFileType } from './parsing/cv-file-type';
import { CvParseError } from './parsing/cv-parse-error';
import { CvParserService } from './parsing/cv-parser-service';


const MEDIA_TYPES: Record<CvFileType, string> = {
    pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    png: 'image/png', jpeg: 'image/jpeg', txt: 'text/plain'
};

@injectable()
export class CandidateServiceImpl implements CandidateService {
    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;
    @inject(CandidateRepository) protected readonly candidates: CandidateRepository;
    @inject(AuditLog) protected readonly audit: AuditLog;
    @inject(DataChangeBroadcaster) protected readonly changes: DataChangeBroadcaster;
    @inject(CvParserService) protected readonly parser: CvParserService;
    @inject(CvFileStore) protected readonly files: CvFileStore;
    @inject(AiGateway) @optional() protected readonly ai?: AiGateway;

    protected interactions: RecordRepository<Interaction>;

    @postConstruct()
    protected init(): void {
        this.interactions = new RecordRepository<Interaction>(this.db, {
            table: 'interactions', what: 'interaction', schema: Interaction,
            columns: { candidate_id: i => i.candidateId, offer_id: i => i.offerId ?? null, company_id: i => i.companyId ?? null, kind: i => i.kind, at: i => i.at }
        });
    }

    async list(query: CandidateQuery = {}): Promise<CandidatePage> {
        query = query ?? {}; // a null over the RPC means no filter, as undefined does
        const where: string[] = [];
        const params: SqlParam[] = [];
        // Text, skill and licence all go through the full-text index (one MATCH): a JSON scan of 100k
        // profiles costs hundreds of milliseconds, the index a few.
        const match = [
            typeof query.text === 'string' ? ftsQuery(query.text.slice(0, 200)) : undefined,
            typeof query.skill === 'string' ? ftsQuery(query.skill.slice(0, 100), 'skills') : undefined,
            typeof query.licence === 'string' && /^[A-Z0-9]{1,4}$/i.test(query.licence.trim()) ? `skills:${licenceToken(query.licence.trim())}` : undefined
        ].filter(Boolean).join(' ');
        if (match) {
            where.push('c.rowid IN (SELECT docid FROM candidates_fts WHERE candidates_fts MATCH ?)');
            params.push(match);
        }
        if (typeof query.city === 'string' && query.city.trim()) {
            where.push('(fold(c.city) LIKE ? OR c.postcode LIKE ?)');
            params.push(`%${foldText(query.city.trim().slice(0, 100))}%`, `${query.city.trim().slice(0, 10)}%`);
        }
        if (typeof query.near === 'string' && query.near.trim()) {
            const postcodes = this.postcodesNear(query.near.trim().slice(0, 100), Number(query.radiusKm) || 30);
            where.push(`c.postcode IN (${postcodes.map(() => '?').join(', ') || "''"})`);
            params.push(...postcodes);
        }
        if (typeof query.availableBy === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(query.availableBy)) {
            where.push('(c.available_from IS NULL OR c.available_from <= ?)');
            params.push(query.availableBy);
        }
        const order = query.sort === 'city' ? 'c.city COLLATE NOCASE, c.last_name COLLATE NOCASE'
            : query.sort === 'updated' ? 'c.updated_at DESC' : 'c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE';
        const limit = Math.min(Math.max(Number(query.limit) || 200, 1), 1000);
        const offset = Math.max(Number(query.offset) || 0, 0);
        const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
        return this.db.read(store => {
            const total = store.get<{ n: number }>(`SELECT count(*) AS n FROM candidates c${filter}`, params)!.n;
            const rows = store.all<{ data: string }>(`SELECT c.data FROM candidates c${filter} ORDER BY ${order} LIMIT ? OFFSET ?`, [...params, limit, offset]);
            return { total, rows: rows.map(row => summarizeCandidate(JSON.parse(row.data) as Candidate)) };
        });
    }

    get(id: string): Promise<Candidate> {
        return this.candidates.require(String(id));
    }

    async create(input: CandidateInput): Promise<Candidate> {
        const fields = validate(CandidateInput, input, 'candidate');
        return this.store(fields, undefined);
    }

    async update(id: string, version: number, input: CandidateInput): Promise<Candidate> {
        const fields = validate(CandidateInput, input, 'candidate');
        const candidate = await this.db.write(tx => {
            this.checkEmailFree(tx, fields.email, id);
            const updated = this.candidates.update(tx, String(id), Number(version), current => ({ ...current, ...fields }));
            this.candidates.indexForSearch(tx, updated);
            this.audit.record(tx, { actor: this.db.actor, action: 'update', entity: 'candidate', entityId: id, details: { version: updated.version } });
            return updated;
        });
        this.changes.notify({ kind: 'candidate', ids: [candidate.id], change: 'updated' });
        return candidate;
    }

    async delete(id: string, version: number): Promise<void> {
        const removed = await this.db.write(tx => {
            this.candidates.removeFromSearch(tx, String(id));
            const candidate = this.candidates.delete(tx, String(id), Number(version));
            for (const table of ['interactions', 'matchings']) {
                tx.run(`DELETE FROM ${table} WHERE candidate_id = ?`, [id]);
            }
            tx.run('DELETE FROM cv_files WHERE candidate_id = ?', [id]);
            this.audit.record(tx, { actor: this.db.actor, action: 'erase', entity: 'candidate', entityId: id });
            return candidate;
        });
        if (removed.cvFileId) {
            await this.files.delete(removed.cvFileId);
        }
        this.changes.notify({ kind: 'candidate', ids: [id], change: 'deleted' });
    }

    async importCv(fileName: string, bytes: Uint8Array, options: { onDuplicate?: 'ask' | 'merge' } = {}): Promise<ImportOutcome> {
        const file = typeof fileName === 'string' ? fileName.slice(0, 255) : '';
        if (!file || !(bytes instanceof Uint8Array)) {
            return { file: file || '?', status: 'failed', code: 'invalid', error: 'importCv needs a file name and the file bytes', errorFr: 'importCv attend un nom de fichier et son contenu' };
        }
        if (bytes.byteLength > MAX_CV_BYTES) {
            const error = CvParseError.tooLarge(`${(bytes.byteLength / 1048576).toFixed(1)} MB`, `${MAX_CV_BYTES / 1048576} MB`);
            return { file, status: 'failed', code: error.code, error: error.message, errorFr: error.messageFr };
        }
        // The same file again (a re-run of a nightly import, a CV sent twice) is known by its content
        // before any parsing, whatever identity fields it has or lacks.
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        const sameFile = await this.db.read(store => store.get<{ candidate_id: string }>(
            'SELECT candidate_id FROM cv_files WHERE sha256 = ? AND candidate_id IS NOT NULL LIMIT 1', [sha256]));
        if (sameFile) {
            return { file, status: 'duplicate', existingId: sameFile.candidate_id, fileId: null, reason: 'same-file' };
        }
        let profile: ParsedProfile;
        let mediaType: string;
        let aiFields: string[] = [];
        let cvText: string;
        try {
            const parsed = await this.parser.parseFile({ name: file, bytes });
            profile = parsed.profile;
            cvText = parsed.text;
            mediaType = MEDIA_TYPES[parsed.fileType];
            if (this.ai && await this.ai.isConfigured('cv-parsing')) {
                // The local result is the baseline; the provider may only add or correct what the CV text supports.
                const refined = await this.ai.refineProfile(parsed.text, profile);
                profile = refined.profile;
                aiFields = refined.aiFields;
            }
        } catch (error) {
            if (error instanceof CvParseError) {
                return { file, status: 'failed', code: error.code, error: error.message, errorFr: error.messageFr };
            }
            throw error;
        }
        const fields = validate(CandidateInput, profile, 'parsed profile');
        const fileId = randomUUID();
        // The CV file is written (encrypted) before the record that points to it, so a crash leaves at worst an orphan file, never a dangling id.
        await this.files.put(fileId, bytes);
        const duplicate = await this.db.read(store => this.findDuplicate(store, fields));
        if (duplicate && options.onDuplicate !== 'merge') {
            await this.db.write(tx => this.recordFile(tx, fileId, null, file, mediaType, bytes.byteLength, sha256));
            return { file, status: 'duplicate', existingId: duplicate.id, fileId, reason: duplicate.reason };
        }
        if (duplicate) {
            const merged = await this.mergeInto(duplicate.id, fields, { fileId, fileName: file, mediaType, size: bytes.byteLength, sha256, text: cvText });
            return { file, status: 'updated', candidateId: merged.id };
        }
        const candidate = await this.store(fields, { fileId, fileName: file, mediaType, size: bytes.byteLength, sha256, text: cvText }, aiFields);
        return { file, status: 'imported', candidateId: candidate.id };
    }

    async resolveDuplicate(fileId: string, action: 'merge' | 'create', existingId?: string): Promise<Candidate> {
        const row = await this.db.read(store => store.get<{ file_name: string; media_type: string; bytes: number; sha256: string; candidate_id: string | null }>(
            'SELECT file_name, media_type, bytes, sha256, candidate_id FROM cv_files WHERE id = ?', [String(fileId)]));
        if (!row || row.candidate_id) {
            throw MatchProErrors.NotFound('pending CV file', String(fileId));
        }
        const bytes = await this.files.get(String(fileId));
        const parsed = await this.parser.parseFile({ name: row.file_name, bytes });
        const fields = validate(CandidateInput, parsed.profile, 'parsed profile');
        const file = { fileId: String(fileId), fileName: row.file_name, mediaType: row.media_type, size: row.bytes, sha256: row.sha256, pending: true, text: parsed.text };
        if (action === 'merge') {
            if (typeof existingId !== 'string') {
                throw MatchProErrors.InvalidInput('invalid merge: existingId is required', [{ path: 'existingId', message: 'required' }]);
            }
            return this.mergeInto(existingId, fields, file);
        }
        return this.store(fields, file);
    }

    async reparse(id: string): Promise<ParsedProfile> {
        const candidate = await this.get(id);
        if (!candidate.cvFileId) {
            throw MatchProErrors.Rejected('This candidate has no CV file to parse again.');
        }
        const bytes = await this.files.get(candidate.cvFileId);
        return (await this.parser.parseFile({ name: candidate.cvFileName ?? 'cv', bytes })).profile;
    }

    async getCvFile(id: string): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array } | undefined> {
        const candidate = await this.get(id);
        if (!candidate.cvFileId) {
            return undefined;
        }
        const row = await this.db.read(store => store.get<{ media_type: string }>('SELECT media_type FROM cv_files WHERE id = ?', [candidate.cvFileId]));
        return { fileName: candidate.cvFileName ?? 'cv', mediaType: row?.media_type ?? 'application/octet-stream', bytes: await this.files.get(candidate.cvFileId) };
    }

    async merge(keepId: string, duplicateId: string): Promise<Candidate> {
        if (keepId === duplicateId) {
            throw MatchProErrors.Rejected('A candidate cannot be merged with itself.');
        }
        const merged = await this.db.write(tx => {
            const keep = this.candidates.requireIn(tx, String(keepId));
            const other = this.candidates.requireIn(tx, String(duplicateId));
            this.candidates.removeFromSearch(tx, other.id);
            this.candidates.delete(tx, other.id);
            tx.run('UPDATE interactions SET candidate_id = ? WHERE candidate_id = ?', [keep.id, other.id]);
            tx.run('UPDATE cv_files SET candidate_id = ? WHERE candidate_id = ?', [keep.id, other.id]);
            tx.run('DELETE FROM matchings WHERE candidate_id = ?', [other.id]);
            const updated = this.candidates.update(tx, keep.id, undefined, current => ({
                ...current, ...mergeCandidateFields(current, other),
                cvFileId: current.cvFileId ?? other.cvFileId, cvFileName: current.cvFileName ?? other.cvFileName,
                cvText: current.cvText || other.cvText
            }));
            this.candidates.indexForSearch(tx, updated);
            this.audit.record(tx, { actor: this.db.actor, action: 'merge', entity: 'candidate', entityId: keep.id, details: { merged: other.id } });
            return updated;
        });
        this.changes.notify({ kind: 'candidate', ids: [keepId, duplicateId], change: 'updated' });
        return merged;
    }

    async listInteractions(candidateId: string): Promise<Interaction[]> {
        return this.interactions.list({ where: 'candidate_id = ?', params: [String(candidateId)], orderBy: 'at DESC', limit: 500 });
    }

    async addInteraction(input: InteractionInput): Promise<Interaction> {
        const fields = validate(InteractionInput, input, 'interaction');
        const interaction = await this.db.write(tx => {
            this.candidates.requireIn(tx, fields.candidateId);
            const created = this.interactions.insert(tx, fields);
            this.candidates.update(tx, fields.candidateId, undefined, current => ({
                ...current, lastContactAt: !current.lastContactAt || current.lastContactAt < fields.at ? fields.at : current.lastContactAt
            }));
            this.audit.record(tx, { actor: this.db.actor, action: 'create', entity: 'interaction', entityId: created.id, details: { kind: fields.kind } });
            return created;
        });
        this.changes.notify({ kind: 'interaction', ids: [interaction.id], change: 'created' });
        return interaction;
    }

    /** Postcodes around a commune or postcode a recruiter typed; an unknown place is a clear error. */
    protected postcodesNear(near: string, radiusKm: number): string[] {
        const postcode = /\b\d{5}\b/.exec(near)?.[0];
        const place = CommuneLocator.instance().locate(postcode, postcode ? near.replace(postcode, '').trim() || undefined : near);
        if (!place) {
            throw MatchProErrors.InvalidInput(`invalid search: near: "${near}" is not a French commune or postcode`, [{ path: 'near', message: 'unknown commune' }]);
        }
        return CommuneLocator.instance().postcodesWithin(place, Math.min(Math.max(radiusKm, 1), 500));
    }

    /** Summaries of many candidates by id (matching and dashboard lists). */
    async summaries(ids: string[]): Promise<CandidateSummary[]> {
        return this.db.read(store => ids.map(id => this.candidates.getIn(store, id)).filter((c): c is Candidate => !!c).map(summarizeCandidate));
    }

    protected async store(fields: CandidateFields, file: StoredCvFile | undefined, aiFields: string[] = []): Promise<Candidate> {
        const candidate = await this.db.write(tx => {
            this.checkEmailFree(tx, fields.email);
            const created = this.candidates.insert(tx, {
                ...fields, cvFileId: file?.fileId ?? null, cvFileName: file?.fileName ?? null, cvText: fitCvText(file?.text), aiFields, lastContactAt: null
            });
            this.candidates.indexForSearch(tx, created);
            if (file) {
                this.attachFile(tx, file, created.id);
            }
            this.audit.record(tx, { actor: this.db.actor, action: file ? 'import' : 'create', entity: 'candidate', entityId: created.id });
            return created;
        });
        this.changes.notify({ kind: 'candidate', ids: [candidate.id], change: 'created' });
        return candidate;
    }

    protected async mergeInto(existingId: string, fields: CandidateFields, file: StoredCvFile): Promise<Candidate> {
        const merged = await this.db.write(tx => {
            const updated = this.candidates.update(tx, existingId, undefined, current => ({
                ...current, ...mergeCandidateFields(current, fields),
                // The newest CV becomes the one shown; the older one stays on file for the record.
                cvFileId: file.fileId, cvFileName: file.fileName, cvText: file.text === undefined ? current.cvText : fitCvText(file.text)
            }));
            this.candidates.indexForSearch(tx, updated);
            this.attachFile(tx, file, updated.id);
            this.audit.record(tx, { actor: this.db.actor, action: 'merge-import', entity: 'candidate', entityId: updated.id });
            return updated;
        });
        this.changes.notify({ kind: 'candidate', ids: [merged.id], change: 'updated' });
        return merged;
    }

    protected attachFile(tx: StoreTransaction, file: StoredCvFile, candidateId: string): void {
        if (file.pending) {
            tx.run('UPDATE cv_files SET candidate_id = ? WHERE id = ?', [candidateId, file.fileId]);
        } else {
            this.recordFile(tx, file.fileId, candidateId, file.fileName, file.mediaType, file.size, file.sha256);
        }
    }

    protected recordFile(tx: StoreTransaction, id: string, candidateId: string | null, fileName: string, mediaType: string, size: number, sha256: string): void {
        tx.run('INSERT INTO cv_files (id, candidate_id, file_name, media_type, bytes, sha256, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [id, candidateId, fileName, mediaType, size, sha256, new Date().toISOString()]);
    }

    protected findDuplicate(store: Pick<StoreTransaction, 'get'>, fields: CandidateFields): { id: string; reason: 'email' | 'phone' | 'name-birthdate' } | undefined {
        if (fields.email) {
            const row = store.get<{ id: string }>('SELECT id FROM candidates WHERE email = ?', [fields.email.toLowerCase()]);
            if (row) {
                return { id: row.id, reason: 'email' };
            }
        }
        if (fields.phone) {
            const row = store.get<{ id: string }>('SELECT id FROM candidates WHERE phone = ?', [fields.phone]);
            if (row) {
                return { id: row.id, reason: 'phone' };
            }
        }
        if (fields.birthDate && fields.lastName && fields.firstName) {
            const row = store.get<{ id: string }>('SELECT id FROM candidates WHERE birth_date = ? AND last_name = ? COLLATE NOCASE AND first_name = ? COLLATE NOCASE',
                [fields.birthDate, fields.lastName, fields.firstName]);
            if (row) {
                return { id: row.id, reason: 'name-birthdate' };
            }
        }
        return undefined;
    }

    protected checkEmailFree(tx: StoreTransaction, email: string | null, exceptId?: string): void {
        if (email && tx.get('SELECT id FROM candidates WHERE email = ? AND id != ?', [email.toLowerCase(), exceptId ?? ''])) {
            throw MatchProErrors.Rejected('Another candidate already has this email address: merge the two instead.');
        }
    }
}

interface StoredCvFile {
    fileId: string;
    fileName: string;
    mediaType: string;
    size: number;
    sha256: string;
    /** Already recorded in cv_files (a duplicate kept aside), only to be attached. */
    pending?: boolean;
    /** The CV's text as the parser read it (matching looks for requirements in all of it). */
    text?: string;
}
