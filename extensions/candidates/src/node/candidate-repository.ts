import { Candidate, CandidateSummary } from '@matchpro/core/lib/common';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { RecordRepository } from '@matchpro/core/lib/node/record-repository';
import type { StoreTransaction } from '@matchpro/core/lib/node/storage/store-types';
import { inject, injectable } from '@theia/core/shared/inversify';

/** Candidates, with the full-text index (FTS4) kept in step in the same transaction. */
@injectable()
export class CandidateRepository extends RecordRepository<Candidate> {
    constructor(@inject(MatchProDatabase) db: MatchProDatabase) {
        super(db, {
            table: 'candidates', what: 'candidate', schema: Candidate,
            columns: {
                first_name: c => c.firstName, last_name: c => c.lastName, email: c => c.email?.toLowerCase() ?? null, phone: c => c.phone,
                birth_date: c => c.birthDate, city: c => c.city, postcode: c => c.postcode, title: c => c.title ?? c.experiences[0]?.title ?? null,
                available_from: c => c.availableFrom, cv_file_id: c => c.cvFileId, last_contact_at: c => c.lastContactAt
            }
        });
    }

    indexForSearch(tx: StoreTransaction, candidate: Candidate): void {
        const row = tx.get<{ rowid: number }>('SELECT rowid FROM candidates WHERE id = ?', [candidate.id]);
        if (!row) {
            return;
        }
        tx.run('DELETE FROM candidates_fts WHERE docid = ?', [row.rowid]);
        tx.run('INSERT INTO candidates_fts (docid, name, title, skills, city, body) VALUES (?, ?, ?, ?, ?, ?)', [
            row.rowid,
            [candidate.firstName, candidate.lastName, candidate.email].filter(Boolean).join(' '),
            [candidate.title, ...candidate.experiences.map(e => e.title)].filter(Boolean).join(' '),
            // Licences twice: "permis CE" for what a person types, "permisce" as one token for the exact licence filter.
            [...candidate.skills.map(s => s.name), ...candidate.certifications, ...candidate.drivingLicences.map(l => `permis ${l} ${licenceToken(l)}`)].join(' '),
            [candidate.city, candidate.postcode].filter(Boolean).join(' '),
            [candidate.summary, ...candidate.experiences.map(e => e.company), ...candidate.education.map(e => `${e.degree ?? ''} ${e.school ?? ''}`)].filter(Boolean).join(' ')
        ]);
    }

    removeFromSearch(tx: StoreTransaction, id: string): void {
        const row = tx.get<{ rowid: number }>('SELECT rowid FROM candidates WHERE id = ?', [id]);
        if (row) {
            tx.run('DELETE FROM candidates_fts WHERE docid = ?', [row.rowid]);
        }
    }
}

export function summarizeCandidate(candidate: Candidate): CandidateSummary {
    return {
        id: candidate.id, firstName: candidate.firstName, lastName: candidate.lastName, email: candidate.email, phone: candidate.phone,
        city: candidate.city, postcode: candidate.postcode, title: candidate.title ?? candidate.experiences[0]?.title ?? null,
        skills: candidate.skills.slice(0, 8).map(s => s.name), drivingLicences: candidate.drivingLicences,
        availableFrom: candidate.availableFrom, updatedAt: candidate.updatedAt
    };
}

/** One search token per licence category, so "C" never matches "CE". */
export function licenceToken(licence: string): string {
    return `permis${licence.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
}

/** Turns what a person types into an FTS4 query: each word a prefix, all required (in `column` when given). */
export function ftsQuery(text: string, column?: 'skills'): string | undefined {
    const words = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    return words.length ? words.slice(0, 12).map(w => `${column ? column + ':' : ''}${w}*`).join(' ') : undefined;
}
