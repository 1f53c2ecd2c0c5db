import { MatchProErrors, foldText, Placement, PlacementFollowUp, PlacementInput, validate } from '@matchpro/core/lib/common';
import { AuditLog } from '@matchpro/core/lib/node/audit-log';
import { DataChangeBroadcaster } from '@matchpro/core/lib/node/data-change-broadcaster';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { inject, injectable } from '@theia/core/shared/inversify';
import { PlacementCandidate, PlacementFollowUpInput, PlacementService } from '../common/placement-protocol';
import { OfferRepository, PlacementRepository } from './offer-repository';

@injectable()
export class PlacementServiceImpl implements PlacementService {
    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;
    @inject(PlacementRepository) protected readonly placements: PlacementRepository;
    @inject(OfferRepository) protected readonly offers: OfferRepository;
    @inject(AuditLog) protected readonly audit: AuditLog;
    @inject(DataChangeBroadcaster) protected readonly changes: DataChangeBroadcaster;

    async candidatesFor(offerId: string, query?: string): Promise<PlacementCandidate[]> {
        const like = typeof query === 'string' && query.trim() ? `%${foldText(query.trim().slice(0, 100).replace(/[%_]/g, ''))}%` : '%';
        return this.db.read(store => store.all<{ id: string; first_name: string | null; last_name: string | null; email: string | null; status: string | null; score: number | null }>(
            `SELECT c.id, c.first_name, c.last_name, c.email, m.status, m.score FROM candidates c
             LEFT JOIN matchings m ON m.candidate_id = c.id AND m.offer_id = ?
             WHERE fold(coalesce(c.last_name, '') || ' ' || coalesce(c.first_name, '') || ' ' || coalesce(c.email, '')) LIKE ?
             ORDER BY m.status IS NULL, m.score DESC, c.last_name COLLATE NOCASE LIMIT 500`, [String(offerId), like])
            .map(row => ({
                id: row.id, name: [row.first_name, row.last_name].filter(Boolean).join(' ') || row.email || row.id,
                pipelineStatus: row.status, score: row.score
            })));
    }

    async list(filter: { offerId?: string; companyId?: string; candidateId?: string } = {}): Promise<Placement[]> {
        filter = filter ?? {}; // a null over the RPC means no filter, as undefined does
        const where: string[] = [];
        const params: string[] = [];
        for (const [key, column] of [['offerId', 'offer_id'], ['companyId', 'company_id'], ['candidateId', 'candidate_id']] as const) {
            if (typeof filter[key] === 'string') {
                where.push(`${column} = ?`);
                params.push(filter[key]!);
            }
        }
        return this.placements.list({ where: where.join(' AND ') || undefined, params, orderBy: 'created_at DESC' });
    }

    async create(input: PlacementInput, options: { keepOfferOpen?: boolean } = {}): Promise<Placement> {
        const fields = validate(PlacementInput, input, 'placement');
        const now = new Date().toISOString();
        const { placement } = await this.db.write(tx => {
            const offer = this.offers.requireIn(tx, fields.offerId);
            if (!tx.get('SELECT id FROM candidates WHERE id = ?', [fields.candidateId])) {
                throw MatchProErrors.NotFound('candidate', fields.candidateId);
            }
            if (offer.status === 'archived' || offer.status === 'draft') {
                throw MatchProErrors.Rejected(`A placement needs an active offer; this one is "${offer.status}".`);
            }
            const created = this.placements.insert(tx, { ...fields, companyId: offer.companyId, active: true }, now);
            // The pair's pipeline ends here: accepted. (No matching yet: the placement itself is the record.)
            const matching = tx.get<{ id: string; data: string; version: number }>('SELECT id, data, version FROM matchings WHERE offer_id = ? AND candidate_id = ?',
                [fields.offerId, fields.candidateId]);
            if (matching) {
                const data = { ...JSON.parse(matching.data), status: 'accepted', version: matching.version + 1, updatedAt: now };
                tx.run('UPDATE matchings SET status = ?, version = ?, updated_at = ?, data = ? WHERE id = ?',
                    ['accepted', matching.version + 1, now, JSON.stringify(data), matching.id]);
            }
            const filled = offer.positionsFilled + 1;
            const close = !options.keepOfferOpen && filled >= offer.positions && offer.status !== 'filled';
            this.offers.update(tx, offer.id, undefined, current => ({
                ...current, positionsFilled: filled,
                status: close ? 'filled' : current.status,
                statusHistory: close ? [...current.statusHistory, { from: current.status, to: 'filled' as const, at: now, by: this.db.actor, reason: 'all positions placed' }] : current.statusHistory
            }), now);
            this.audit.record(tx, { actor: this.db.actor, action: 'create', entity: 'placement', entityId: created.id, details: { offerFilled: close }, at: now });
            return { placement: created, offerFilled: close };
        });
        this.changes.notify({ kind: 'placement', ids: [placement.id], change: 'created' });
        this.changes.notify({ kind: 'offer', ids: [placement.offerId], change: 'updated' });
        this.changes.notify({ kind: 'matching', ids: [], change: 'updated' });
        return placement;
    }

    async followUp(id: string, version: number, followUp: PlacementFollowUpInput): Promise<Placement> {
        const fields = validate(PlacementFollowUp, followUp, 'followUp');
        const placement = await this.db.write(tx => {
            const updated = this.placements.update(tx, String(id), Number(version), current => ({ ...current, ...fields }));
            this.audit.record(tx, { actor: this.db.actor, action: 'follow-up', entity: 'placement', entityId: id, details: { active: fields.active } });
            return updated;
        });
        this.changes.notify({ kind: 'placement', ids: [placement.id], change: 'updated' });
        return placement;
    }
}
