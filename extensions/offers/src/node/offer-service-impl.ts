import { canTransition, JobOffer, JobOfferFields, JobOfferInput, MatchProErrors, OFFER_TRANSITIONS, foldText, OfferStatus, validate } from '@matchpro/core/lib/common';
import { AuditLog } from '@matchpro/core/lib/node/audit-log';
import { DataChangeBroadcaster } from '@matchpro/core/lib/node/data-change-broadcaster';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { TaxonomyService } from '@matchpro/taxonomy/lib/common/taxonomy-protocol';
import { AiGateway } from '@matchpro/ai/lib/node/ai-gateway';
import { inject, injectable, optional } from '@theia/core/shared/inversify';
import { OfferDraft, OfferDraftRequest, OfferFilter, OfferService, OfferSummary } from '../common/offer-protocol';
import { OfferDrafter } from './offer-drafter';
import { OfferRepository } from './offer-repository';

@injectable()
export class OfferServiceImpl implements OfferService {
    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;
    @inject(OfferRepository) protected readonly offers: OfferRepository;
    @inject(AuditLog) protected readonly audit: AuditLog;
    @inject(DataChangeBroadcaster) protected readonly changes: DataChangeBroadcaster;
    @inject(TaxonomyService) protected readonly taxonomy: TaxonomyService;
    @inject(OfferDrafter) protected readonly drafter: OfferDrafter;
    @inject(AiGateway) @optional() protected readonly ai?: AiGateway;

    async list(filter: OfferFilter = {}): Promise<OfferSummary[]> {
        filter = filter ?? {}; // a null over the RPC means no filter, as undefined does
        const where: string[] = [];
        const params: string[] = [];
        if (typeof filter.status === 'string') {
            where.push('o.status = ?');
            params.push(filter.status);
        }
        if (typeof filter.companyId === 'string') {
            where.push('o.company_id = ?');
            params.push(filter.companyId);
        }
        const query = typeof filter.query === 'string' ? filter.query.trim().slice(0, 200).replace(/[%_]/g, '') : '';
        if (query) {
            where.push('(fold(o.title) LIKE ? OR fold(o.city) LIKE ? OR fold(o.reference) LIKE ? OR fold(c.name) LIKE ?)');
            params.push(...Array(4).fill(`%${foldText(query)}%`));
        }
        return this.db.read(store => store.all<{ data: string; company_name: string }>(
            `SELECT o.data, c.name AS company_name FROM offers o JOIN companies c ON c.id = o.company_id`
            + (where.length ? ` WHERE ${where.join(' AND ')}` : '')
            + ` ORDER BY CASE o.status WHEN 'active' THEN 0 WHEN 'draft' THEN 1 WHEN 'suspended' THEN 2 WHEN 'filled' THEN 3 ELSE 4 END, o.updated_at DESC LIMIT 5000`,
            params).map(row => summarize(JSON.parse(row.data) as JobOffer, row.company_name)));
    }

    get(id: string): Promise<JobOffer> {
        return this.offers.require(String(id));
    }

    async create(input: JobOfferInput, status: 'draft' | 'active' = 'draft'): Promise<JobOffer> {
        const fields = await this.linkOccupation(validate(JobOfferInput, input, 'offer'));
        if (status !== 'draft' && status !== 'active') {
            throw MatchProErrors.InvalidInput(`invalid offer: a new offer is a draft or active, not "${String(status).slice(0, 20)}"`, [{ path: 'status', message: 'draft or active' }]);
        }
        const now = new Date().toISOString();
        const offer = await this.db.write(tx => {
            const company = tx.get<{ id: string }>('SELECT id FROM companies WHERE id = ?', [fields.companyId]);
            if (!company) {
                throw MatchProErrors.InvalidInput(`invalid offer: offer.companyId: company ${fields.companyId} does not exist`, [{ path: 'offer.companyId', message: 'unknown company' }]);
            }
            const created = this.offers.insert(tx, {
                ...fields, status, positionsFilled: 0,
                statusHistory: [{ from: 'draft', to: status, at: now, by: this.db.actor, reason: 'created' }]
            }, now);
            this.audit.record(tx, { actor: this.db.actor, action: 'create', entity: 'offer', entityId: created.id, details: { status }, at: now });
            return created;
        });
        this.changes.notify({ kind: 'offer', ids: [offer.id], change: 'created' });
        return offer;
    }

    async update(id: string, version: number, input: JobOfferInput): Promise<JobOffer> {
        const fields = await this.linkOccupation(validate(JobOfferInput, input, 'offer'));
        const offer = await this.db.write(tx => {
            const updated = this.offers.update(tx, String(id), Number(version), current => ({
                ...fields, status: current.status, statusHistory: current.statusHistory, positionsFilled: current.positionsFilled
            }));
            this.audit.record(tx, { actor: this.db.actor, action: 'update', entity: 'offer', entityId: id, details: { version: updated.version } });
            return updated;
        });
        this.changes.notify({ kind: 'offer', ids: [offer.id], change: 'updated' });
        return offer;
    }

    async changeStatus(id: string, version: number, to: OfferStatus, reason?: string): Promise<JobOffer> {
        const target = validate(OfferStatus, to, 'status');
        const why = typeof reason === 'string' ? reason.slice(0, 1000) : undefined;
        const offer = await this.db.write(tx => {
            const at = new Date().toISOString();
            const updated = this.offers.update(tx, String(id), Number(version), current => {
                if (!canTransition(current.status, target)) {
                    const allowed = OFFER_TRANSITIONS[current.status];
                    throw MatchProErrors.Rejected(`An offer cannot go from "${current.status}" to "${target}"`
                        + (allowed.length ? ` (allowed: ${allowed.join(', ')}).` : ' (an archived offer is final).'));
                }
                return { ...current, status: target, statusHistory: [...current.statusHistory, { from: current.status, to: target, at, by: this.db.actor, reason: why }] };
            }, at);
            this.audit.record(tx, { actor: this.db.actor, action: 'status', entity: 'offer', entityId: id, details: { to: target }, at });
            return updated;
        });
        this.changes.notify({ kind: 'offer', ids: [offer.id], change: 'updated' });
        return offer;
    }

    async draft(request: OfferDraftRequest): Promise<OfferDraft> {
        if (!request || typeof request.title !== 'string' || !request.title.trim() || request.title.length > 200) {
            throw MatchProErrors.InvalidInput('invalid draft request: title: a job title of 1 to 200 characters is required', [{ path: 'title', message: 'required' }]);
        }
        const lang = request.lang === 'en' ? 'en' : 'fr';
        let companyName: string | undefined;
        if (typeof request.companyId === 'string') {
            companyName = await this.db.read(store => store.get<{ name: string }>('SELECT name FROM companies WHERE id = ?', [request.companyId!])?.name);
        }
        const notes = typeof request.notes === 'string' ? request.notes.slice(0, 5000) : undefined;
        const local = await this.drafter.draft({ ...request, lang, notes }, companyName);
        if (!this.ai || !await this.ai.isConfigured('offer-drafting')) {
            return local;
        }
        try {
            // The provider writes from the recruiter's notes and the taxonomy's draft (real ROME/ESCO facts), nothing else.
            const drafted = await this.ai.draftOffer({ title: local.title, lang, notes: [notes ?? '', local.description].filter(Boolean).join('\n\n') });
            return {
                ...local, title: drafted.title || local.title, description: drafted.description, source: drafted.provider,
                requiredSkills: [...local.requiredSkills, ...drafted.requiredSkills
                    .filter(skill => !local.requiredSkills.some(known => known.name.toLowerCase() === skill.name.toLowerCase()))
                    .map(skill => ({ name: skill.name, mandatory: skill.mandatory, weight: 1 }))]
            };
        } catch {
            // A provider that fails (bad key, quota, timeout) never blocks the recruiter: the offline draft stands.
            return local;
        }
    }

    /** Links the title to an ESCO occupation (and ROME code) when the recruiter did not pick one. */
    protected async linkOccupation(fields: JobOfferFields): Promise<JobOfferFields> {
        if (fields.occupationUri) {
            return fields;
        }
        try {
            const [best] = await this.taxonomy.normalizeTitle(fields.title, { top: 1 });
            if (!best || best.score < 0.5) {
                return fields;
            }
            // A ROME code comes with a French job title that matched; otherwise from the occupation's own ROME links.
            const romeCode = fields.romeCode ?? best.rome ?? (await this.taxonomy.getOccupation(best.uri))?.romeCodes[0];
            return { ...fields, occupationUri: best.uri, romeCode };
        } catch {
            return fields;
        }
    }
}

export function summarize(offer: JobOffer, companyName: string): OfferSummary {
    return {
        id: offer.id, title: offer.title, status: offer.status, companyId: offer.companyId, companyName,
        city: offer.location.city ?? null, contractType: offer.contractType, romeCode: offer.romeCode ?? null,
        positions: offer.positions, positionsFilled: offer.positionsFilled, urgent: offer.urgent, updatedAt: offer.updatedAt
    };
}
