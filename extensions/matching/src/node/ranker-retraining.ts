import { JobOffer } from '@matchpro/core/lib/common';
import { AuditLog } from '@matchpro/core/lib/node/audit-log';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { inject, injectable } from '@theia/core/shared/inversify';
import { CandidateIndexSync } from './candidate-index-sync';
import { MatchingEngine } from './matching-engine';
import { FEATURE_COUNT, FEATURE_NAMES } from './pair-evaluation';
import { readRankerOnnx, rankerToOnnx, seededRandom, trainRanker } from './ranker-model';
import { RankerStore } from './ranker-store';

/** What the recruiters' decisions say about a pair: placed or accepted = 1, interview = 0.75, rejected = 0. */
const OUTCOME_LABEL: Record<string, number> = { accepted: 1, interview: 0.75, rejected: 0 };

export interface RetrainResult {
    version: string;
    file: string;
    pairs: number;
    positives: number;
    negatives: number;
    finalLoss: number;
}

/**
 * Fine-tunes the current ranker on the agency's own outcomes (matchings accepted/refused, placements) and
 * writes it as a new model version in the data folder. Refuses when there are too few outcomes: a model
 * learnt from a handful of decisions would only learn noise.
 */
@injectable()
export class RankerRetraining {
    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;
    @inject(MatchingEngine) protected readonly engine: MatchingEngine;
    @inject(CandidateIndexSync) protected readonly index: CandidateIndexSync;
    @inject(RankerStore) protected readonly rankers: RankerStore;
    @inject(AuditLog) protected readonly audit: AuditLog;

    async outcomes(): Promise<Map<string, { offerId: string; candidateId: string; label: number }>> {
        const pairs = new Map<string, { offerId: string; candidateId: string; label: number }>();
        await this.db.read(store => {
            for (const row of store.all<{ offer_id: string; candidate_id: string; status: string }>('SELECT offer_id, candidate_id, status FROM matchings')) {
                const label = OUTCOME_LABEL[row.status];
                if (label !== undefined) { pairs.set(`${row.offer_id}|${row.candidate_id}`, { offerId: row.offer_id, candidateId: row.candidate_id, label }); }
            }
            for (const row of store.all<{ offer_id: string; candidate_id: string }>('SELECT offer_id, candidate_id FROM placements')) {
                pairs.set(`${row.offer_id}|${row.candidate_id}`, { offerId: row.offer_id, candidateId: row.candidate_id, label: 1 });
            }
        });
        return pairs;
    }

    async retrain(minPairs = 30): Promise<RetrainResult> {
        const outcomes = [...(await this.outcomes()).values()];
        const positives = outcomes.filter(o => o.label >= 0.5).length;
        const negatives = outcomes.length - positives;
        if (outcomes.length < minPairs || positives < 5 || negatives < 5) {
            throw new RetrainRefused(`not enough outcomes to retrain: ${outcomes.length} decided pairs (${positives} accepted/placed, ${negatives} rejected); need ${minPairs} with at least 5 of each`);
        }
        await this.index.sync();
        const offers = new Map<string, JobOffer>();
        await this.db.read(store => {
            for (const id of new Set(outcomes.map(o => o.offerId))) {
                const row = store.get<{ data: string }>('SELECT data FROM offers WHERE id = ?', [id]);
                if (row) { offers.set(id, JSON.parse(row.data)); }
            }
        });
        const x: number[] = [], y: number[] = [];
        const prepared = new Map<string, Awaited<ReturnType<MatchingEngine['prepare']>>>();
        for (const o of outcomes) {
            const offer = offers.get(o.offerId);
            if (!offer) { continue; }
            if (!prepared.has(offer.id)) { prepared.set(offer.id, await this.engine.prepare(offer)); }
            const pair = this.engine.pairFeatures(prepared.get(offer.id)!, o.candidateId);
            if (!pair) { continue; }
            x.push(...pair.features); y.push(o.label);
        }
        const n = y.length;
        if (n < minPairs) {
            throw new RetrainRefused(`not enough outcomes to retrain: only ${n} decided pairs still have their offer and candidate; need ${minPairs}`);
        }
        const previous = this.rankers.currentFile();
        const model = readRankerOnnx(previous);
        if (model.layers[0].inputs !== FEATURE_COUNT) {
            throw new Error(`the current ranker (${previous}) reads ${model.layers[0].inputs} features, the engine computes ${FEATURE_COUNT}`);
        }
        const versionNumber = (this.rankers.agencyVersions().pop() ?? 0) + 1;
        const version = `agency-${versionNumber}`;
        const finalLoss = trainRanker(model, Float32Array.from(x), Float32Array.from(y), n,
            { epochs: 200, batch: 16, learningRate: 0.01, anchor: 0.0001, random: seededRandom(versionNumber) });
        model.metadata = { ...model.metadata, version, features: FEATURE_NAMES.join(','), trainedOn: `agency outcomes: ${n} pairs, fine-tuned from ${model.metadata.version ?? 'unknown'}`, trainedAt: new Date().toISOString(), encoder: RankerStore.encoderFingerprint() };
        const file = await this.rankers.publish(rankerToOnnx(model), versionNumber);
        this.engine.setRanker(await this.rankers.current());
        await this.db.write(tx => this.audit.record(tx, { actor: this.db.actor, action: 'matching.retrain', entity: 'model', entityId: version, details: { pairs: n, positives, negatives, finalLoss } }));
        return { version, file, pairs: n, positives, negatives, finalLoss: Number(finalLoss.toFixed(4)) };
    }
}

export class RetrainRefused extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'RetrainRefused';
    }
}
