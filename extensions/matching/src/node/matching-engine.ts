import type { Candidate, JobOffer, MatchEvidence, ScoreBreakdown } from '@matchpro/core/lib/common';
import { TaxonomyService } from '@matchpro/taxonomy/lib/common/taxonomy-protocol';
import { ContributionProvider } from '@theia/core/lib/common/contribution-provider';
import { inject, injectable, named } from '@theia/core/shared/inversify';
import { MatchingSignal } from '../common/matching-signal';
import { performance } from 'perf_hooks';
import { hasTerm, termSetOf } from '@matchpro/core/lib/common/text-terms';
import { combineScores, DEFAULT_MATCHING_CONFIG, MatchingConfig, tieredScore } from '../common/matching-weights';
import { CandidateFacts, candidateEducationTexts, candidateFacts, candidateJobTitle, candidateSearchTexts, candidateTexts } from './candidate-facts';
import { CandidateTermIndex } from './candidate-term-index';
import { CommuneLocator } from '@matchpro/core/lib/node/commune-locator';
import { licenceBit } from './driving-licence';
import { evaluatePair, Explanation, FEATURE_COUNT, FEATURE_NAMES, newPairScore, PairTable } from './pair-evaluation';
import { credentialLines, credentialTerms, offerCoverageAll, offerCoverageOne, prepareRequirements, presenceTable, PreparedRequirements } from './requirement-check';
import { extendCredits, occupationTable, offerTexts, PreparedOffer, prepareOffer } from './prepared-offer';
import { QuantizedVectors } from './quantized-vectors';
import { RankerSession } from './ranker-model';
import { normalizeText, SkillVocabulary } from './skill-vocabulary';

export interface RankedPair {
    candidateId: string;
    offerId: string;
    score: number;
    breakdown: ScoreBreakdown;
    capped: boolean;
    explanation?: Explanation;
}

export interface RankOptions {
    top?: number;
    /** How many of the best get their explanation (default 50). */
    explainTop?: number;
    minScore?: number;
    hideCapped?: boolean;
    /** Weights and tiers override (ablations in the evaluation). */
    config?: MatchingConfig;
}

/** The CV texts of the candidates being explained (read from storage for the few shown, not kept in memory). */
export type CvTextLoader = (candidateIds: string[]) => Promise<Map<string, string>>;

export interface CandidateRanking {
    results: RankedPair[];
    scored: number;
    relaxations: MatchEvidence[];
}

/** The lower licence an offer could accept instead, for "what to relax" suggestions. */
const RELAX_LICENCE: Record<string, string> = { CE: 'C', C: 'C1', C1E: 'C1', DE: 'D', D: 'D1', D1E: 'D1', BE: 'B', A: 'A2', A2: 'A1' };

/**
 * The hybrid matching engine. Candidates live in an in-memory index (vectors, skills, places, features that
 * do not depend on the offer), updated when candidates change; a ranking prepares the offer once, scores
 * every indexed candidate (semantic + rules), runs the ONNX ranker in ONE batch over the [N, F] feature
 * tensor, combines, keeps the top N, and explains only those shown.
 */
@injectable()
export class MatchingEngine {
    @inject(TaxonomyService) protected readonly taxonomy: TaxonomyService;
    @inject(ContributionProvider) @named(MatchingSignal) protected readonly signalProvider: ContributionProvider<MatchingSignal>;

    /** The matching signals of every extension (the product's own availability signal among them). */
    protected get signals(): MatchingSignal[] {
        return this.signalProvider.getContributions();
    }

    protected dim = 0;
    protected vocabulary: SkillVocabulary | undefined;
    protected titleVecs = new QuantizedVectors(0);
    protected docVecs = new QuantizedVectors(0);
    protected readonly facts: CandidateFacts[] = [];
    protected readonly slots = new Map<string, number>();
    protected features = new Float32Array(0);
    protected readonly textIndex = new CandidateTermIndex();
    protected readonly credentialIndex = new CandidateTermIndex();
    protected ranker: RankerSession | undefined;
    /** Set by the service: explanations quote the CV sentence behind each requirement. */
    cvTexts: CvTextLoader | undefined;
    config: MatchingConfig = DEFAULT_MATCHING_CONFIG;
    /** Where the last ranking spent its time (benchmark figures). */
    lastTimings = { evaluateMs: 0, mlMs: 0, combineMs: 0, totalMs: 0 };
    locator = CommuneLocator.instance();

    get size(): number {
        return this.facts.length;
    }

    get modelVersion(): string {
        return this.ranker?.version ?? 'none';
    }

    get currentRanker(): RankerSession | undefined {
        return this.ranker;
    }

    setRanker(ranker: RankerSession | undefined): void {
        this.ranker = ranker;
    }

    versionOf(id: string): number | undefined {
        const slot = this.slots.get(id);
        return slot === undefined ? undefined : this.facts[slot].version;
    }

    indexedIds(): string[] {
        return this.facts.map(f => f.id);
    }

    factsOf(id: string): CandidateFacts | undefined {
        const slot = this.slots.get(id);
        return slot === undefined ? undefined : this.facts[slot];
    }

    /** The taxonomy service encodes at most 1000 texts per call (an RPC bound): larger batches go in slices. */
    protected encode = async (texts: string[]): Promise<number[][]> => {
        const out: number[][] = [];
        for (let start = 0; start < texts.length; start += 1000) { out.push(...await this.taxonomy.encode(texts.slice(start, start + 1000))); }
        return out;
    };

    /** Job title -> ESCO occupations (normalizeTitle), cached: titles repeat much more than candidates. */
    protected readonly titleOccupations = new Map<string, { sure: number[]; near: number[]; label: string | undefined }>();
    protected readonly occupationIds = new Map<string, number>();

    /** "Cariste (H/F)", "CARISTE" and "cariste " are one title. */
    protected titleKey(title: string): string {
        return normalizeText(title.replace(/\(\s*[HFhf]\s*\/\s*[HFhf]\s*\)/g, ''));
    }

    protected occupationsOfTitle(title: string): { sure: number[]; near: number[]; label: string | undefined } {
        return this.titleOccupations.get(this.titleKey(title))!;
    }

    protected async linkTitles(titles: string[]): Promise<void> {
        for (const title of new Set(titles)) {
            const key = this.titleKey(title);
            if (this.titleOccupations.has(key)) { continue; }
            const matches = key ? await this.taxonomy.normalizeTitle(title, { top: 3 }) : [];
            const id = (uri: string) => this.occupationIds.get(uri) ?? (this.occupationIds.set(uri, this.occupationIds.size), this.occupationIds.size - 1);
            const sure = matches.filter(m => m.score >= 0.95);
            this.titleOccupations.set(key, {
                sure: sure.map(m => id(m.uri)), near: matches.filter(m => m.score >= 0.85).map(m => id(m.uri)), label: sure[0]?.label
            });
        }
    }

    /** Encoder vectors of job titles (experience titles, roles asked), each title encoded once. */
    protected readonly titleVectors = new Map<string, Float32Array>();

    protected async encodeTitles(titles: string[]): Promise<void> {
        const fresh = [...new Set(titles.filter(t => t && !this.titleVectors.has(this.titleKey(t))))];
        if (!fresh.length) { return; }
        const vectors = await this.encode(fresh);
        fresh.forEach((title, i) => this.titleVectors.set(this.titleKey(title), Float32Array.from(vectors[i])));
    }

    protected async ensureDim(): Promise<SkillVocabulary> {
        if (!this.vocabulary) {
            this.dim = (await this.encode(['dimension']))[0].length;
            this.titleVecs = new QuantizedVectors(this.dim);
            this.docVecs = new QuantizedVectors(this.dim);
            this.vocabulary ??= new SkillVocabulary(this.dim);
        }
        return this.vocabulary;
    }

    protected lock: Promise<unknown> = Promise.resolve();

    /**
     * Index changes and rankings run one at a time: a ranking awaits the ONNX run between scoring and
     * reading the results back by slot, and an index change in between would move slots.
     */
    protected exclusive<T>(fn: () => Promise<T>): Promise<T> {
        const run = this.lock.then(fn, fn);
        this.lock = run.catch(() => undefined);
        return run;
    }

    /** Adds or replaces candidates (texts encoded in one batch). */
    upsertCandidates(candidates: Candidate[], batch = 2048): Promise<void> {
        return this.exclusive(() => this.doUpsert(candidates, batch));
    }

    protected async doUpsert(candidates: Candidate[], batch: number): Promise<void> {
        const vocabulary = await this.ensureDim();
        for (let start = 0; start < candidates.length; start += batch) {
            const chunk = candidates.slice(start, start + batch);
            const texts = chunk.map(candidateTexts);
            const vectors = await this.encode([...texts.map(t => t.title), ...texts.map(t => t.document)]);
            const allIds = await vocabulary.ensure(chunk.flatMap(c => c.skills), this.encode);
            const experienceTitles = chunk.flatMap(c => c.experiences.map(e => e.title ?? '').filter(Boolean));
            await this.linkTitles([...chunk.map(candidateJobTitle), ...experienceTitles]);
            await this.encodeTitles(experienceTitles);
            let at = 0;
            for (let i = 0; i < chunk.length; i++) {
                const c = chunk[i];
                const skillIds = allIds.slice(at, at + c.skills.length);
                at += c.skills.length;
                let slot = this.slots.get(c.id);
                if (slot === undefined) {
                    slot = this.facts.length;
                    this.slots.set(c.id, slot);
                    this.facts.push(undefined as unknown as CandidateFacts);
                    this.grow(slot + 1);
                }
                const facts = candidateFacts(c, skillIds, this.locator);
                const occupations = this.occupationsOfTitle(candidateJobTitle(c));
                facts.occupations = occupations.sure;
                facts.nearOccupations = occupations.near;
                for (const role of facts.roles) {
                    role.occupations = this.occupationsOfTitle(role.title).near;
                    role.vector = this.titleVectors.get(this.titleKey(role.title));
                }
                facts.terms = termSetOf(candidateSearchTexts(c));
                facts.credentials = credentialTerms([...credentialLines(c.cvText ?? ''), ...candidateEducationTexts(c)]);
                facts.termCount = facts.terms.length;
                facts.signals = this.signals.map(signal => signal.indexCandidate(c));
                const previous = this.facts[slot];
                this.textIndex.set(c.id, slot, facts.terms, previous?.terms);
                this.credentialIndex.set(c.id, slot, facts.credentials, previous?.credentials);
                this.facts[slot] = facts;
                this.titleVecs.set(slot, vectors[i]);
                this.docVecs.set(slot, vectors[chunk.length + i]);
            }
        }
    }

    removeCandidate(id: string): Promise<void> {
        return this.exclusive(async () => this.doRemove(id));
    }

    protected doRemove(id: string): void {
        const slot = this.slots.get(id);
        if (slot === undefined) { return; }
        this.textIndex.remove(id, this.facts[slot].terms);
        this.credentialIndex.remove(id, this.facts[slot].credentials);
        const last = this.facts.length - 1;
        if (slot !== last) {
            // Swap-remove keeps the vector pools dense.
            this.facts[slot] = this.facts[last];
            this.slots.set(this.facts[slot].id, slot);
            this.textIndex.move(this.facts[slot].id, slot);
            this.credentialIndex.move(this.facts[slot].id, slot);
            this.titleVecs.move(last, slot);
            this.docVecs.move(last, slot);
        }
        this.facts.pop();
        this.slots.delete(id);
    }

    protected grow(count: number): void {
        this.titleVecs.ensureCapacity(count);
        this.docVecs.ensureCapacity(count);
    }

    /** Everything that depends only on the offer: vectors, skill credit tables, place, parsed requirements. */
    prepare(offer: JobOffer): Promise<PreparedOffer> {
        return this.exclusive(() => this.doPrepare(offer));
    }

    protected async doPrepare(offer: JobOffer): Promise<PreparedOffer> {
        const vocabulary = await this.ensureDim();
        const occupation = offer.occupationUri ? await this.taxonomy.getOccupation(offer.occupationUri) : undefined;
        const occupationSkills = occupation ? occupation.essentialSkills.map(s => s.labelEn) : [];
        const texts = offerTexts(offer, occupationSkills);
        const [title, document] = await this.encode([texts.title, texts.document]);
        const skillIds = await vocabulary.ensure(offer.requiredSkills, this.encode);
        const prepared = prepareOffer(offer, { title, document }, skillIds, vocabulary, this.locator);
        await this.linkTitles([offer.title]);
        const linked = this.occupationsOfTitle(offer.title);
        prepared.occupations = [...linked.sure];
        prepared.nearOccupations = [...linked.near];
        prepared.occupationLabel = linked.label;
        if (occupation && offer.occupationUri) {
            // The occupation the recruiter chose counts as sure, whatever the title says.
            const id = this.occupationIds.get(offer.occupationUri) ?? (this.occupationIds.set(offer.occupationUri, this.occupationIds.size), this.occupationIds.size - 1);
            prepared.occupations.push(id);
            prepared.nearOccupations.push(id);
            prepared.occupationLabel = nls(occupation);
        }
        const roles = prepared.requirements.filter(r => r.kind === 'experience' && r.role && !r.roleIsOfferTitle);
        await this.linkTitles(roles.map(r => r.role!));
        await this.encodeTitles(roles.map(r => r.role!));
        for (const r of roles) {
            r.roleOccupations = this.occupationsOfTitle(r.role!).near;
            r.roleVector = this.titleVectors.get(this.titleKey(r.role!));
        }
        for (const r of prepared.requirements) { if (r.roleIsOfferTitle) { r.roleVector = prepared.titleVec; } }
        prepared.signals = this.signals.map(signal => ({ signal, state: signal.prepareOffer(offer), feature: FEATURE_NAMES.indexOf(signal.featureName as never) }));
        prepared.occupationTable = occupationTable(prepared.occupations);
        prepared.nearOccupationTable = occupationTable(prepared.nearOccupations);
        return prepared;
    }

    /** Ranks every indexed candidate for a prepared offer. */
    rankCandidates(p: PreparedOffer, options: RankOptions = {}): Promise<CandidateRanking> {
        return this.exclusive(() => this.doRankCandidates(p, options));
    }

    /** The requirements compiled against the index as it is now (IDF changes as candidates come and go). */
    protected compile(p: PreparedOffer): PreparedRequirements {
        extendCredits(p, this.vocabulary!);
        p.compiled = prepareRequirements(p.requirements, p.conceptIndex, p.words, this.textIndex, this.credentialIndex);
        return p.compiled;
    }

    /** One candidate's row of the presence table, from its own term sets (rankings of one candidate, training). */
    protected rowOf(compiled: PreparedRequirements, facts: CandidateFacts): PairTable {
        const table = new Uint8Array(Math.max(1, compiled.hashes.length));
        compiled.hashes.forEach((hash, column) => {
            if (hasTerm(facts.terms, hash) || hasTerm(facts.credentials, hash)) { table[column] = 1; }
        });
        return { table, row: 0, relevance: offerCoverageOne(compiled, facts.terms) };
    }

    protected async doRankCandidates(p: PreparedOffer, options: RankOptions): Promise<CandidateRanking> {
        const n = this.facts.length;
        const config = options.config ?? this.config;
        const tStart = performance.now();
        const compiled = this.compile(p);
        const width = compiled.hashes.length;
        const table = presenceTable(compiled, n, this.textIndex, this.credentialIndex);
        const relevance = offerCoverageAll(compiled, n, this.textIndex);
        if (this.features.length < n * FEATURE_COUNT) { this.features = new Float32Array(Math.max(n, 1024) * FEATURE_COUNT); }
        const semantic = new Float32Array(n), rules = new Float32Array(n), failed = new Uint8Array(n);
        const only = new Map<string, number>();
        const out = newPairScore();
        const pairTable: PairTable = { table, row: 0, relevance: 0 };
        const lower = p.licence && RELAX_LICENCE[p.licence];
        const lowerBit = lower ? licenceBit(lower) : 0;
        let licenceRelaxable = 0;
        for (let slot = 0; slot < n; slot++) {
            const c = this.facts[slot];
            pairTable.row = slot * width;
            pairTable.relevance = relevance[slot];
            evaluatePair(p, c, this.titleVecs, this.docVecs, slot, this.features, slot * FEATURE_COUNT, out, pairTable);
            semantic[slot] = out.semantic; rules[slot] = out.rules; failed[slot] = Math.min(255, out.failedCount);
            if (out.onlyFailure) {
                only.set(out.onlyFailure, (only.get(out.onlyFailure) ?? 0) + 1);
                if (out.onlyFailure === 'licence' && (c.licenceMask & lowerBit)) { licenceRelaxable++; }
            }
        }
        const t0 = performance.now();
        const ml = this.ranker && config.weights.ml > 0 ? await this.ranker.predict(this.features, n) : undefined;
        const tMl = performance.now();
        const top = Math.max(1, Math.min(options.top ?? 50, 100_000));
        const heap = new TopHeap(top);
        const minScore = options.minScore ?? 0;
        const totals = new Float32Array(n);
        const w = config.weights;
        const wm = ml ? w.ml : 0;
        const wsum = w.semantic + w.rules + wm;
        const t1 = performance.now();
        for (let slot = 0; slot < n; slot++) {
            const demoted = failed[slot] !== 0;
            if (demoted && options.hideCapped) { continue; }
            // Same formula as combineScores (common/matching-weights.ts), inlined for the 100k loop.
            const base = wsum > 0 ? (semantic[slot] * w.semantic + rules[slot] * w.rules + (ml ? ml[slot] * 100 * wm : 0)) / wsum : 0;
            const total = config.tiers ? tieredScore(base, failed[slot]) : Math.max(0, Math.min(100, base));
            totals[slot] = total;
            if (total >= minScore) { heap.push(slot, total); }
        }
        const explainTop = options.explainTop ?? 50;
        const shown = heap.sorted();
        const texts = await this.textsOf(shown.slice(0, explainTop).map(slot => this.facts[slot].id));
        const results = shown.map((slot, rank): RankedPair => {
            const breakdown = { semantic: round(semantic[slot]), rules: round(rules[slot]), ml: ml ? round(ml[slot] * 100) : 0 };
            pairTable.row = slot * width;
            pairTable.relevance = relevance[slot];
            return {
                candidateId: this.facts[slot].id, offerId: p.offer.id, score: round2(totals[slot]), breakdown, capped: config.tiers && failed[slot] !== 0,
                explanation: rank < explainTop ? this.explainSlot(p, slot, pairTable, texts.get(this.facts[slot].id)) : undefined
            };
        });
        const tEnd = performance.now();
        this.lastTimings = { evaluateMs: t0 - tStart, mlMs: tMl - t0, combineMs: t1 - tMl + (tEnd - t1), totalMs: tEnd - tStart };
        return { results, scored: n, relaxations: this.relaxations(p, only, lower, licenceRelaxable) };
    }

    protected async textsOf(ids: string[]): Promise<Map<string, string>> {
        return this.cvTexts && ids.length ? this.cvTexts(ids) : new Map();
    }

    /** Scores one indexed candidate against several prepared offers (candidate -> offers direction). */
    rankOffers(candidateId: string, offers: PreparedOffer[], options: RankOptions = {}): Promise<RankedPair[]> {
        return this.exclusive(() => this.doRankOffers(candidateId, offers, options));
    }

    protected async doRankOffers(candidateId: string, offers: PreparedOffer[], options: RankOptions): Promise<RankedPair[]> {
        const slot = this.slots.get(candidateId);
        if (slot === undefined) { throw new Error(`candidate ${candidateId} is not indexed`); }
        const config = options.config ?? this.config;
        const m = offers.length;
        const features = new Float32Array(Math.max(1, m) * FEATURE_COUNT);
        const facts = this.facts[slot];
        const rows = offers.map(p => this.rowOf(this.compile(p), facts));
        const scores = offers.map((p, k) => ({ ...evaluatePair(p, facts, this.titleVecs, this.docVecs, slot, features, k * FEATURE_COUNT, newPairScore(), rows[k]) }));
        const ml = this.ranker && config.weights.ml > 0 ? await this.ranker.predict(features, m) : undefined;
        const all = offers.map((p, k): RankedPair & { total: number } => {
            const demoted = config.tiers && scores[k].failedCount !== 0;
            const breakdown = { semantic: round(scores[k].semantic), rules: round(scores[k].rules), ml: ml ? round(ml[k] * 100) : 0 };
            const total = combineScores({ semantic: scores[k].semantic, rules: scores[k].rules, ml: ml ? ml[k] * 100 : 0 }, ml ? config.weights : { ...config.weights, ml: 0 },
                scores[k].failedCount, config.tiers);
            return { candidateId, offerId: p.offer.id, breakdown, capped: demoted, score: round2(total), total };
        }).filter(r => r.total >= (options.minScore ?? 0) && !(options.hideCapped && r.capped));
        all.sort((a, b) => b.total - a.total);
        const top = all.slice(0, options.top ?? 50);
        const explainTop = options.explainTop ?? 50;
        const text = (await this.textsOf(explainTop > 0 ? [candidateId] : [])).get(candidateId);
        top.forEach((r, rank) => {
            if (rank < explainTop) {
                const k = offers.findIndex(o => o.offer.id === r.offerId);
                r.explanation = this.explainSlot(offers[k], slot, rows[k], text);
            }
        });
        return top.map(({ total: _total, ...pair }) => pair);
    }

    /** Features and scores of one pair, for training and the agency retraining (no ML, no explanation). */
    pairFeatures(p: PreparedOffer, candidateId: string): { features: Float32Array; semantic: number; rules: number; failures: number } | undefined {
        const slot = this.slots.get(candidateId);
        if (slot === undefined) { return undefined; }
        const features = new Float32Array(FEATURE_COUNT);
        const row = this.rowOf(this.compile(p), this.facts[slot]);
        const s = evaluatePair(p, this.facts[slot], this.titleVecs, this.docVecs, slot, features, 0, newPairScore(), row);
        return { features, semantic: s.semantic, rules: s.rules, failures: s.failedCount };
    }

    protected explainSlot(p: PreparedOffer, slot: number, row: PairTable, text: string | undefined): Explanation {
        const explanation: Explanation = { strengths: [], weaknesses: [], risks: [], suggestions: [] };
        evaluatePair(p, this.facts[slot], this.titleVecs, this.docVecs, slot, new Float32Array(FEATURE_COUNT), 0, newPairScore(), row, explanation, text);
        return explanation;
    }

    protected relaxations(p: PreparedOffer, only: Map<string, number>, lower: string | undefined, licenceRelaxable: number): MatchEvidence[] {
        const out: MatchEvidence[] = [];
        if (lower && licenceRelaxable > 0) {
            out.push({ kind: 'licence', message: `Accepting licence ${lower} instead of ${p.licence} adds ${licenceRelaxable} candidate(s)`,
                messageFr: `Accepter le permis ${lower} au lieu du ${p.licence} ajoute ${licenceRelaxable} candidat(s)` });
        }
        for (const [key, count] of only) {
            const [what, index] = key.split(':');
            if (what === 'requirement') {
                const r = p.requirements[Number(index)];
                out.push(r.kind === 'certification'
                    ? { kind: 'certification', message: `Training candidates for ${r.text} (or not requiring it) adds ${count} candidate(s)`,
                        messageFr: `Former au ${r.text} (ou ne plus l'exiger) ajoute ${count} candidat(s)` }
                    : { kind: r.kind === 'experience' ? 'experience' : 'skill', message: `Making "${r.text}" optional adds ${count} candidate(s)`,
                        messageFr: `Rendre « ${r.text} » facultatif ajoute ${count} candidat(s)` });
            } else if (what === 'distance') {
                out.push({ kind: 'distance', message: `${count} otherwise eligible candidate(s) live beyond twice their travel radius: transport help or remote work would widen the pool`,
                    messageFr: `${count} candidat(s) éligibles par ailleurs habitent au-delà du double de leur rayon : une aide au transport ou du télétravail élargirait le vivier` });
            }
        }
        return out;
    }
}

function nls(occupation: { labelFr: string; labelEn: string }): string {
    return occupation.labelFr && occupation.labelFr !== occupation.labelEn ? `${occupation.labelEn} / ${occupation.labelFr}` : occupation.labelEn;
}


/** Scores keep two decimals: candidates a hair apart are not shown as tied. */
function round2(x: number): number {
    return Math.round(x * 100) / 100;
}

function round(x: number): number {
    return Math.round(x * 10) / 10;
}

/** Min-heap of the best `size` (slot, score) pairs: O(N log K) instead of sorting all N. */
class TopHeap {
    protected readonly slots: number[] = [];
    protected readonly scores: number[] = [];
    constructor(protected readonly size: number) { }

    push(slot: number, score: number): void {
        if (this.slots.length < this.size) {
            this.slots.push(slot); this.scores.push(score);
            this.up(this.slots.length - 1);
        } else if (score > this.scores[0]) {
            this.slots[0] = slot; this.scores[0] = score;
            this.down(0);
        }
    }

    sorted(): number[] {
        return this.slots.map((slot, i) => ({ slot, score: this.scores[i] })).sort((a, b) => b.score - a.score).map(e => e.slot);
    }

    protected up(i: number): void {
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (this.scores[parent] <= this.scores[i]) { break; }
            this.swap(i, parent); i = parent;
        }
    }

    protected down(i: number): void {
        const n = this.slots.length;
        for (;;) {
            const l = 2 * i + 1, r = l + 1;
            let m = i;
            if (l < n && this.scores[l] < this.scores[m]) { m = l; }
            if (r < n && this.scores[r] < this.scores[m]) { m = r; }
            if (m === i) { return; }
            this.swap(i, m); i = m;
        }
    }

    protected swap(a: number, b: number): void {
        [this.slots[a], this.slots[b]] = [this.slots[b], this.slots[a]];
        [this.scores[a], this.scores[b]] = [this.scores[b], this.scores[a]];
    }
}
