import { JobOffer, Placement } from '@matchpro/core/lib/common';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { RecordRepository } from '@matchpro/core/lib/node/record-repository';
import { inject, injectable } from '@theia/core/shared/inversify';

@injectable()
export class OfferRepository extends RecordRepository<JobOffer> {
    constructor(@inject(MatchProDatabase) db: MatchProDatabase) {
        super(db, {
            table: 'offers', what: 'offer', schema: JobOffer,
            columns: {
                company_id: o => o.companyId, status: o => o.status, title: o => o.title, occupation_uri: o => o.occupationUri ?? null,
                rome_code: o => o.romeCode ?? null, contract_type: o => o.contractType, city: o => o.location.city ?? null,
                postcode: o => o.location.postcode ?? null, reference: o => o.reference ?? null
            }
        });
    }
}

@injectable()
export class PlacementRepository extends RecordRepository<Placement> {
    constructor(@inject(MatchProDatabase) db: MatchProDatabase) {
        super(db, {
            table: 'placements', what: 'placement', schema: Placement,
            columns: { candidate_id: p => p.candidateId, offer_id: p => p.offerId, company_id: p => p.companyId, active: p => p.active ? 1 : 0 }
        });
    }
}
