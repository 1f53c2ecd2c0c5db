import { Candidate, EntityId, JobOffer, MatchProErrors, PipelineStatus, validate } from '@matchpro/core/lib/common';
import { AuditLog } from '@matchpro/core/lib/node/audit-log';
import { DataChangeBroadcaster } from '@matchpro/core/lib/node/data-change-broadcaster';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { inject, injectable } from '@theia/core/shared/inversify';
import { MatchingService, MatchOptions, MatchRanking, MatchResult } from '../common/matching-protocol';
import { CandidateIndexSync } from './candidate-index-sync';
import { readMatchingConfig } from './matching-config-file';
import { MatchingEngine, RankedPair } from './matching-engine';
import { MatchingRepository, StoredMatching } from './matching-repository';
import { PreparedOffer } from './prepared-offer';
import { RankerStore } from './ranker-store';

/**
 * Backend MatchingService: keeps the index in sync, ranks, stores the shown pairs in `matchings` (scores
 * refreshed, the recruiter's pipeline status kept) and records every ranking in the audit log (who, when,
 * model version, subject, top ids) so a decision can be explained later.
 */
@injectable()
export class MatchingServiceImpl implements MatchingService {
    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;
    @inject(MatchingEngine) protected readonly engine: MatchingEngine;
    @inject(CandidateIndexSync) protected readonly index: CandidateIndexSync;
    @inject(MatchingRepository) protected readonly matchings: MatchingRepository;
    @inject(RankerStore) protected readonly rankers: RankerStore;
    @inject(AuditLog) protected readonly audit: AuditLog;
    @inject(DataChangeBroadcaster) protected readonly changes: DataChangeBroadcaster;

    protected readonly preparedOffers = new Map<string, PreparedOffer>();

    protected async ready(): Promise<void> {
        this.engine.config = readMatchingConfig(this.db.dataDir);
        const ranker = await this.rankers.current();
        this.rankers.checkEncoder(ranker);
        this.engine.setRanker(ranker);
        this.engine.cvTexts ??= ids => this.db.read(store => new Map(store.all<{ id: string; data: string }>(
            `SELECT id, data FROM candidates WHERE id IN (${ids.map(() => '?').join(',')})`, ids).map(r => [r.id, (JSON.parse(r.data) as Candidate).cvText ?? ''])));
        await this.index.sync();
    }

    protected options(options: MatchOptions | null = {}): Required<Pick<MatchOptions, 'top'>> & MatchOptions {
        const checked = validate(MatchOptions, options ?? {}, 'match options');
        return { ...checked, top: checked.top ?? 50 };
    }

    async matchCandidatesForOffer(offerId: string, options?: MatchOptions): Promise<MatchRanking> {
        const opts = this.options(options);
        const started = Date.now();
        const offer = await this.readOffer(offerId);
        await this.ready();
        const prepared = await this.prepared(offer);
        const ranking = await this.engine.rankCandidates(prepared, { top: opts.top, minScore: opts.minScore, hideCapped: opts.hideCapped });
        const results = await this.store(ranking.results, { kind: 'offer', id: offerId }, ranking.scored);
        return {
            subject: { kind: 'offer', id: offerId, label: offer.title }, results, scored: ranking.scored, relaxations: ranking.relaxations,
            modelVersion: this.engine.modelVersion, tookMs: Date.now() - started
        };
    }

    async matchOffersForCandidate(candidateId: string, options?: MatchOptions): Promise<MatchRanking> {
        const opts = this.options(options);
        const started = Date.now();
        const candidate = await this.readCandidate(candidateId);
        await this.ready();
        const offers = await this.db.read(store => store.all<{ data: string }>("SELECT data FROM offers WHERE status = 'active'").map(r => JSON.parse(r.data) as JobOffer));
        const prepared: PreparedOffer[] = [];
        for (const offer of offers) { prepared.push(await this.prepared(offer)); }
        const results = await this.engine.rankOffers(candidateId, prepared, { top: opts.top, minScore: opts.minScore, hideCapped: opts.hideCapped });
        const titles = new Map(offers.map(o => [o.id, o]));
        const stored = await this.store(results, { kind: 'candidate', id: candidateId }, offers.length, titles);
        const name = [candidate.firstName, candidate.lastName].filter(Boolean).join(' ') || candidate.title || candidateId;
        return {
            subject: { kind: 'candidate', id: candidateId, label: name }, results: stored, scored: offers.length, relaxations: [],
            modelVersion: this.engine.modelVersion, tookMs: Date.now() - started
        };
    }

    async setStatus(offerId: string, candidateId: string, status: PipelineStatus, version?: number): Promise<{ id: string; version: number; status: PipelineStatus }> {
        const next = validate(PipelineStatus, status, 'pipeline status');
        const updated = await this.db.write(tx => {
            const row = tx.get<{ id: string }>('SELECT id FROM matchings WHERE offer_id = ? AND candidate_id = ?', [offerId, candidateId]);
            if (!row) { throw MatchProErrors.NotFound('matching', `${offerId}/${candidateId}`); }
            const saved = this.matchings.update(tx, row.id, version, current => ({ ...current, status: next }));
            this.audit.record(tx, { actor: this.db.actor, action: 'matching.status', entity: 'matching', entityId: saved.id, details: { offerId, candidateId, status: next } });
            return saved;
        });
        this.changes.notify({ kind: 'matching', ids: [updated.id], change: 'updated' });
        return { id: updated.id, version: updated.version, status: updated.status };
    }

    async listSubjects(kind: 'offer' | 'candidate'): Promise<{ id: string; label: string }[]> {
        return this.db.read(store => kind === 'offer'
            ? store.all<{ id: string; title: string; city: string | null; status: string }>("SELECT id, title, city, status FROM offers WHERE status IN ('active', 'draft') ORDER BY updated_at DESC LIMIT 500")
                .map(r => ({ id: r.id, label: r.title + (r.city ? ` — ${r.city}` : '') }))
            : store.all<{ id: string; first_name: string | null; last_name: string | null; title: string | null }>('SELECT id, first_name, last_name, title FROM candidates ORDER BY updated_at DESC LIMIT 500')
                .map(r => ({ id: r.id, label: [[r.first_name, r.last_name].filter(Boolean).join(' '), r.title].filter(Boolean).join(' — ') || r.id })));
    }

    protected async prepared(offer: JobOffer): Promise<PreparedOffer> {
        const cached = this.preparedOffers.get(offer.id);
        if (cached && cached.offer.version === offer.version) { return cached; }
        const prepared = await this.engine.prepare(offer);
        this.preparedOffers.set(offer.id, prepared);
        return prepared;
    }

    protected async readOffer(id: string): Promise<JobOffer> {
        validate(EntityId, id, 'offerId');
        const row = await this.db.read(store => store.get<{ data: string }>('SELECT data FROM offers WHERE id = ?', [id]));
        if (!row) { throw MatchProErrors.NotFound('offer', id); }
        return JSON.parse(row.data);
    }

    protected async readCandidate(id: string): Promise<Candidate> {
        validate(EntityId, id, 'candidateId');
        const row = await this.db.read(store => store.get<{ data: string }>('SELECT data FROM candidates WHERE id = ?', [id]));
        if (!row) { throw MatchProErrors.NotFound('candidate', id); }
        return JSON.parse(row.data);
    }

    /** Upserts the shown pairs (status kept, scores refreshed) and audits the ranking, in one transaction. */
    protected async store(pairs: RankedPair[], subject: { kind: 'offer' | 'candidate'; id: string }, scored: number, offers?: Map<string, JobOffer>): Promise<MatchResult[]> {
        const modelVersion = this.engine.modelVersion;
        const now = new Date().toISOString();
        const saved = await this.db.write(tx => {
            const out: StoredMatching[] = [];
            for (const pair of pairs) {
                const row = tx.get<{ id: string }>('SELECT id FROM matchings WHERE offer_id = ? AND candidate_id = ?', [pair.offerId, pair.candidateId]);
                const e = pair.explanation;
                const fields = {
                    candidateId: pair.candidateId, offerId: pair.offerId, score: pair.score, breakdown: pair.breakdown,
                    strengths: e?.strengths ?? [], weaknesses: e?.weaknesses ?? [], risks: e?.risks ?? [], suggestions: e?.suggestions ?? [],
                    capped: pair.capped, modelVersion
                };
                out.push(row
                    ? this.matchings.update(tx, row.id, undefined, current => ({ ...current, ...fields }), now)
                    : this.matchings.insert(tx, { ...fields, status: 'new' }, now));
            }
            this.audit.record(tx, {
                actor: this.db.actor, action: 'matching.rank', entity: subject.kind, entityId: subject.id, at: now,
                details: {
                    modelVersion, weights: this.engine.config.weights, tiers: this.engine.config.tiers, scored,
                    top: pairs.map(p => ({ id: subject.kind === 'offer' ? p.candidateId : p.offerId, score: p.score }))
                }
            });
            return out;
        });
        if (saved.length) { this.changes.notify({ kind: 'matching', ids: saved.map(m => m.id), change: 'updated' }); }
        return pairs.map((pair, i) => {
            const facts = this.engine.factsOf(pair.candidateId);
            const offer = offers?.get(pair.offerId);
            const e = pair.explanation;
            return {
                candidateId: pair.candidateId, offerId: pair.offerId,
                label: subject.kind === 'offer' ? facts?.label ?? pair.candidateId : offer?.title ?? pair.offerId,
                detail: subject.kind === 'offer' ? facts?.detail ?? '' : [offer?.location?.city, offer?.contractType].filter(Boolean).join(' — '),
                score: pair.score, breakdown: pair.breakdown, capped: pair.capped,
                strengths: e?.strengths ?? [], weaknesses: e?.weaknesses ?? [], risks: e?.risks ?? [], suggestions: e?.suggestions ?? [],
                status: saved[i].status, matchingId: saved[i].id, matchingVersion: saved[i].version
            };
        });
    }
}
