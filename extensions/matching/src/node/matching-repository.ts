import { Matching } from '@matchpro/core/lib/common';
import { z } from 'zod';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { RecordRepository } from '@matchpro/core/lib/node/record-repository';
import { inject, injectable } from '@theia/core/shared/inversify';

/** The core Matching schema has no createdAt; the table (RECORD_COLUMNS) has one, so the stored record carries it. */
export const StoredMatching = Matching.extend({ createdAt: z.string() });
export type StoredMatching = z.infer<typeof StoredMatching>;

/** Stored candidate x offer pairs: the latest scores and the recruiter's pipeline status. */
@injectable()
export class MatchingRepository extends RecordRepository<StoredMatching> {
    constructor(@inject(MatchProDatabase) db: MatchProDatabase) {
        super(db, {
            table: 'matchings', what: 'matching', schema: StoredMatching,
            columns: {
                candidate_id: m => m.candidateId, offer_id: m => m.offerId, score: m => m.score, semantic: m => m.breakdown.semantic,
                rules: m => m.breakdown.rules, ml: m => m.breakdown.ml, status: m => m.status, model_version: m => m.modelVersion
            }
        });
    }
}
