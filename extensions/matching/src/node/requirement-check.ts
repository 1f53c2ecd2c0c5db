import { hasTerm, isContentWord, stemsOf, termHash, wordsOf } from '@matchpro/core/lib/common/text-terms';
import type { EvidenceChannel, EvidenceStatus, RequirementEvidence } from '../common/requirement-evidence';
import type { CandidateFacts } from './candidate-facts';
import { compareCertification } from './certification';
import { CandidateTermIndex } from './candidate-term-index';
import { licenceBit } from './driving-licence';
import { DIPLOMA_TERMS, OfferRequirement, RequirementWord } from './offer-requirements';

/**
 * Looks for each requirement of an offer in a candidate's CV, through the channel its kind calls for
 * (see common/requirement-evidence.ts). Fast path: `checkRequirements` for every candidate of a ranking
 * reads a [candidates x terms] presence table filled once per ranking from the term index. Explanations
 * (`findSource`) then read the CV text of the few candidates shown, for the sentence that supports each one.
 */

/** A phrase compiled against the ranking's term table: per word, its columns (flat) and its IDF weight. */
export interface CompiledPhrase {
    /** The phrasing's words (alternatives no CV can reach are left out, so phrases and alternatives do not align). */
    words: RequirementWord[];
    weights: number[];
    total: number;
    /** The same columns flat (word w's columns are flat[starts[w]] .. flat[starts[w + 1] - 1]), for the pair loop. */
    flat: Int32Array;
    starts: Int32Array;
    /** Weights divided by the total. */
    shares: Float64Array;
}

export interface PreparedRequirements {
    list: OfferRequirement[];
    /** Distinct term hashes of all phrases (columns of the presence tables). */
    hashes: number[];
    /** [requirement][alternative] over the whole CV text. */
    phrases: CompiledPhrase[][];
    /** Per requirement: its entry in the offer's concept (ESCO/encoder) credit tables, -1 when none. */
    conceptIndex: number[];
    /** Every meaningful word of the offer (title, requirements, description) and its rarity weight: how much of the ad the CV speaks to. */
    offerWords: RequirementWord[];
    offerWeights: number[];
    offerTotal: number;
}

/** Word of a diploma line is indexed under this prefix (a diploma is looked for in diploma lines only). */
export const CREDENTIAL_PREFIX = 'credential:';

const DIPLOMA_LINE = new RegExp(`\\b(${DIPLOMA_TERMS}|licence|certificat|formation|training|obtenu|obtained|qualification|nvq|btec|city and guilds|gcse)\\b`);

/** The lines of a CV that name a diploma or training, with the education entries: where a diploma requirement is looked for. */
export function credentialLines(text: string): string[] {
    return text.split(/\n|[.;•·▪●]\s/).filter(line => DIPLOMA_LINE.test(wordsOf(line).join(' ')));
}

export function credentialTerms(lines: readonly string[]): Uint32Array {
    const hashes = new Set<number>();
    for (const line of lines) {
        for (const word of wordsOf(line)) {
            if (!isContentWord(word)) { continue; }
            for (const stem of stemsOf(word)) { hashes.add(termHash(CREDENTIAL_PREFIX + stem)); }
        }
    }
    return Uint32Array.from(hashes).sort();
}

function credentialHash(word: RequirementWord): number[] {
    return stemsOf(word.word).map(stem => termHash(CREDENTIAL_PREFIX + stem));
}

/** Compiles the requirements against the current index: term columns and IDF weights. */
export function prepareRequirements(list: OfferRequirement[], conceptIndex: number[], offerWords: RequirementWord[], text: CandidateTermIndex,
    credentials: CandidateTermIndex): PreparedRequirements {
    const hashes: number[] = [];
    const column = new Map<number, number>();
    const columnOf = (hash: number) => {
        let c = column.get(hash);
        if (c === undefined) { c = hashes.length; column.set(hash, c); hashes.push(hash); }
        return c;
    };
    const n = Math.max(1, text.candidates);
    // Rarity with a prior of 50 CVs: a small pool keeps the words' weights close (a word no CV has does not
    // outweigh the others), a large one separates common words from rare ones.
    const idf = (df: number) => Math.log(1 + (n + 50) / (Math.max(1, df) + 1));
    const compile = (words: RequirementWord[], diploma: boolean): CompiledPhrase | undefined => {
        const weights: number[] = [], dfs: number[] = [];
        const index = diploma ? credentials : text;
        const hashesOf = words.map(word => diploma ? credentialHash(word) : word.hashes);
        for (const wordHashes of hashesOf) {
            const df = Math.max(...wordHashes.map(h => index.documentFrequency(h)));
            dfs.push(df);
            weights.push(idf(df));
        }
        const total = weights.reduce((a, b) => a + b, 0);
        // A phrasing whose words present in some CV cannot add up to "partly" can match no one in this
        // ranking: left out (most expansions of an abbreviation, in a given pool), so the pair loop skips it.
        const reachable = weights.reduce((a, w, i) => a + (dfs[i] > 0 ? w : 0), 0);
        if (total <= 0 || reachable / total < PARTLY) { return undefined; }
        const columns = hashesOf.map(h => h.map(columnOf));
        const starts = new Int32Array(columns.length + 1);
        columns.forEach((c, i) => { starts[i + 1] = starts[i] + c.length; });
        return { words, weights, total, flat: Int32Array.from(columns.flat()), starts, shares: Float64Array.from(weights, w => w / total) };
    };
    const phrasesOf = (r: OfferRequirement) => r.alternatives.map(words => compile(words, r.kind === 'diploma')).filter((x): x is CompiledPhrase => !!x);
    const offerWeights = offerWords.map(w => idf(Math.max(...w.hashes.map(h => text.documentFrequency(h)))));
    return {
        list,
        phrases: list.map(phrasesOf),
        hashes, conceptIndex,
        offerWords, offerWeights, offerTotal: offerWeights.reduce((a, b) => a + b, 0)
    };
}

/** Fills the [slot x column] presence table from both indexes. */
export function presenceTable(prepared: PreparedRequirements, slots: number, text: CandidateTermIndex, credentials: CandidateTermIndex): Uint8Array {
    const width = prepared.hashes.length;
    const table = new Uint8Array(Math.max(1, slots * width));
    prepared.hashes.forEach((hash, column) => {
        const mark = (slot: number) => { if (slot < slots) { table[slot * width + column] = 1; } };
        text.forEachSlot(hash, mark);
        credentials.forEachSlot(hash, mark);
    });
    return table;
}

/**
 * Text relevance of every candidate: the rarity-weighted share of the ad's words its CV uses, summed over
 * the postings of those words only (a word's stems are counted once per candidate).
 */
export function offerCoverageAll(prepared: PreparedRequirements, slots: number, text: CandidateTermIndex): Float32Array {
    const found = new Float32Array(slots);
    const lastWord = new Int32Array(slots).fill(-1);
    const total = prepared.offerTotal;
    prepared.offerWords.forEach((word, w) => {
        const weight = prepared.offerWeights[w] / (total || 1);
        for (const hash of word.hashes) {
            text.forEachSlot(hash, slot => {
                if (slot < slots && lastWord[slot] !== w) { lastWord[slot] = w; found[slot] += weight; }
            });
        }
    });
    return found;
}

/** The same for one candidate, from its own term set. */
export function offerCoverageOne(prepared: PreparedRequirements, terms: Uint32Array): number {
    let found = 0;
    prepared.offerWords.forEach((word, w) => { if (word.hashes.some(h => hasTerm(terms, h))) { found += prepared.offerWeights[w]; } });
    return prepared.offerTotal > 0 ? found / prepared.offerTotal : 0;
}

/** IDF-weighted share of the phrase's words present in the candidate's row. */
export function coverage(phrase: CompiledPhrase, table: Uint8Array, row: number): number {
    const { flat, starts, shares } = phrase;
    let found = 0;
    for (let w = 0; w < shares.length; w++) {
        for (let k = starts[w]; k < starts[w + 1]; k++) {
            if (table[row + flat[k]] === 1) { found += shares[w]; break; }
        }
    }
    return found;
}

/** Outcome of one requirement for one candidate (no text: the fast path). */
export interface RequirementOutcome {
    status: EvidenceStatus;
    /** 0..1, what the requirement adds to the rules component. */
    value: number;
    confidence: number;
    channel: EvidenceChannel;
    failed: boolean;
    /** Experience: months found in the role (NaN when not dated). */
    months: number;
    /** What the structured channel matched (the held certificate, the licences), for the explanation. */
    held?: string;
}

/** Two words of three ("réception et contrôle des marchandises" in "contrôle à réception des livraisons") is met. */
export const MET = 0.65;
export const PARTLY = 0.4;
/** A CV with fewer meaningful terms than this says too little for "not found" to mean "absent". */
export const SUBSTANTIAL_CV_TERMS = 40;

export interface PairContext {
    facts: CandidateFacts;
    table: Uint8Array;
    /** Start of the candidate's row in the table. */
    row: number;
    /** Best concept credit per requirement (ESCO/encoder channel), -1 when not computed. */
    concept: (k: number) => number;
    /** Whether an occupation of this experience is the offer's (or close to it). */
    sameOccupation: (occupations: number[]) => boolean;
    /** 0..1: how close the candidate's job is to the offer's (title vectors, ESCO occupation). */
    occupationCloseness: number;
}

/** One outcome object reused for every check (the 100k loop allocates nothing); callers read it before the next check. */
const scratch: RequirementOutcome = { status: 'not-found', value: 0, confidence: 0, channel: 'none', failed: false, months: NaN, held: undefined };

function outcome(status: EvidenceStatus, confidence: number, channel: EvidenceChannel, failed = false, months = NaN, held?: string, value?: number): RequirementOutcome {
    scratch.status = status; scratch.confidence = confidence; scratch.channel = channel; scratch.failed = failed; scratch.months = months; scratch.held = held;
    scratch.value = value ?? (status === 'met' ? 1 : status === 'partly' ? 0.5 : 0);
    return scratch;
}

function bestCoverage(phrases: CompiledPhrase[], ctx: PairContext): number {
    let best = 0;
    for (let a = 0; a < phrases.length; a++) {
        const c = coverage(phrases[a], ctx.table, ctx.row);
        if (c > best) { best = c; if (best > 0.999) { break; } }
    }
    return best;
}

/** Months of the candidate's experiences in the role asked (its words or their rewritings, the same ESCO occupation, or a close title). */
function monthsInRole(phrases: CompiledPhrase[], r: OfferRequirement, ctx: PairContext): { months: number; matched: boolean; undated: boolean } {
    const roleOccupations = r.roleOccupations ?? [];
    let months = 0, matched = false, undated = false;
    for (const experience of ctx.facts.roles) {
        let byWords = false;
        for (let a = 0; a < phrases.length && !byWords; a++) {
            const phrase = phrases[a], words = phrase.words;
            let found = 0;
            for (let w = 0; w < words.length; w++) {
                if (words[w].hashes.some(h => hasTerm(experience.terms, h))) { found += phrase.weights[w]; }
            }
            // Every word of a two-word role ("restauration collective" is not any "restaurant"), two of three...
            byWords = phrase.total > 0 && found / phrase.total >= 0.6;
        }
        const byOccupation = (r.roleIsOfferTitle && ctx.sameOccupation(experience.occupations))
            || experience.occupations.some(o => roleOccupations.includes(o));
        // The encoder links "soudure" to "TIG Welder" and "Soudeur TIG / MIG" across languages (cosine >= 0.45).
        const bySimilarity = !!(r.roleVector && experience.vector && dot(r.roleVector, experience.vector) >= ROLE_SIMILARITY);
        if (byWords || byOccupation || bySimilarity) {
            matched = true;
            if (Number.isNaN(experience.months)) { undated = true; } else { months += experience.months; }
        }
    }
    return { months, matched, undated };
}

/** Measured on the bilingual encoder: a trade and its work (soudure ~ TIG Welder 0.50, line cook ~ cuisinier 0.51), unrelated jobs under 0.35. */
const ROLE_SIMILARITY = 0.45;

function dot(a: Float32Array, b: Float32Array): number {
    let s = 0;
    for (let i = 0; i < a.length; i++) { s += a[i] * b[i]; }
    return s;
}


/** Checks requirement k of the offer for one candidate. */
export function checkRequirement(p: PreparedRequirements, k: number, ctx: PairContext): RequirementOutcome {
    const r = p.list[k];
    const c = ctx.facts;
    const substantial = c.termCount >= SUBSTANTIAL_CV_TERMS;
    switch (r.kind) {
        case 'licence': {
            if ((c.licenceMask & licenceBit(r.licence!)) !== 0) { return outcome('met', 1, 'certificate', false, NaN, c.licences.join(', ')); }
            return outcome('not-found', c.licences.length ? 1 : 0.8, c.licences.length ? 'certificate' : 'none', r.mandatory, NaN, c.licences.join(', '));
        }
        case 'certification': {
            const required = r.certification!;
            const { verdict, closest } = c.certifications.length ? compareCertification(required, c.certifications) : { verdict: 'missing' as const, closest: undefined };
            if (verdict === 'satisfied') { return outcome('met', 1, 'certificate', false, NaN, closest!.label); }
            if (verdict === 'unknown-category') {
                // "CACES" with no category the parser could read: maybe the one asked, to check.
                return outcome('partly', 0.5, 'certificate', false, NaN, closest!.label);
            }
            if (verdict === 'other-category') {
                // Another category is a different machine family (or a lower clearance): clearly not what is asked.
                return outcome('not-found', 1, 'certificate', r.mandatory, NaN, closest!.label);
            }
            const words = bestCoverage(p.phrases[k], ctx);
            if (required.family === 'other' && words >= MET) { return outcome('met', words, 'words'); }
            if (words >= PARTLY) {
                // Named in the CV but not read as a certificate with a category: a risk to check, not a failure.
                return outcome('partly', words, 'words');
            }
            // A certificate is something every CV states when the person holds it: not found means not held.
            return outcome('not-found', 0.8, 'none', r.mandatory);
        }
        case 'language': {
            const held = c.languages.find(l => l.code === r.language!.code);
            if (held && held.rank >= r.language!.rank) { return outcome('met', 1, 'language'); }
            if (held) { return outcome('partly', 0.8, 'language', r.mandatory && held.rank < r.language!.rank - 1); }
            return outcome('not-found', 0.8, 'language', r.mandatory && c.languages.length > 0);
        }
        case 'experience': {
            let { months, matched, undated } = monthsInRole(p.phrases[k], r, ctx);
            if (!matched && c.roles.length === 0 && !Number.isNaN(c.years) && ctx.occupationCloseness >= 0.6) {
                // A profile entered by hand: no dated jobs, but its years of experience in the offer's occupation.
                months = Math.round(c.years * 12); matched = true; undated = false;
            }
            // Words of the role in a CV whose jobs are elsewhere ("passionné de soudure" in a salesman's CV) show no experience in it.
            const wordsCount = ctx.occupationCloseness >= 0.45;
            const words = bestCoverage(p.phrases[k], ctx);
            if (r.years === undefined) {
                if (matched) { return outcome('met', 0.9, 'experience', false, months); }
                if (wordsCount && words >= MET) { return outcome('met', words * 0.8, 'words', false, months); }
                if (wordsCount && words >= PARTLY) { return outcome('partly', words, 'words', false, months); }
                return outcome('not-found', substantial ? 0.8 : 0.5, 'none', r.mandatory && substantial, months);
            }
            const asked = r.years * 12;
            if (matched && months >= asked - 1) { return outcome('met', 0.9, 'experience', false, months); }
            if (matched && undated) { return outcome('partly', 0.5, 'experience', false, months); }
            if (matched) {
                // Dated experience in the role, shorter than asked: clearly below the minimum.
                const share = months / asked;
                return outcome(share >= 0.75 ? 'partly' : 'not-found', 0.9, 'experience', r.mandatory && share < 0.75, months, undefined, Math.min(0.7, share));
            }
            if (wordsCount && words >= PARTLY) { return outcome('partly', words, 'words', false, months); }
            return outcome('not-found', substantial ? 0.8 : 0.5, 'none', r.mandatory && substantial, months);
        }
        default: {
            // Diploma, task, tool, skill: words (stemmed, abbreviations both ways), then the ESCO/encoder concept.
            const words = bestCoverage(p.phrases[k], ctx);
            const concept = p.conceptIndex[k] >= 0 ? ctx.concept(k) : 0;
            if (words >= MET) { return outcome('met', words, 'words'); }
            if (concept >= 0.75) { return outcome('met', concept, 'concept'); }
            if (words >= PARTLY || concept >= 0.45) { return outcome('partly', Math.max(words, concept), words >= PARTLY ? 'words' : 'concept'); }
            // Only a diploma is a hard fact a full CV would state; a task or tool a CV does not name is a question for the interview.
            const clearlyAbsent = substantial && words < 0.2 && concept < 0.3;
            return outcome('not-found', clearlyAbsent ? 0.8 : 0.5, 'none', r.mandatory && clearlyAbsent && r.kind === 'diploma');
        }
    }
}

/** The CV line that best supports a requirement (for the explanation), or undefined. */
export function findSource(r: OfferRequirement, text: string): string | undefined {
    if (!text) { return undefined; }
    const phrases = r.kind === 'experience' && r.roleWords ? [r.roleWords] : r.alternatives;
    let best: { line: string; score: number } | undefined;
    for (const raw of text.split(/\n/)) {
        const line = raw.trim();
        if (line.length < 2) { continue; }
        const stems = new Set(wordsOf(line).filter(isContentWord).flatMap(w => stemsOf(w).map(termHash)));
        for (const words of phrases) {
            if (!words.length) { continue; }
            const found = words.filter(w => w.hashes.some(h => stems.has(h))).length / words.length;
            if (found > 0 && (!best || found > best.score || (found === best.score && line.length < best.line.length))) { best = { line, score: found }; }
        }
    }
    if (!best || best.score < 0.5) { return undefined; }
    return best.line.length > 180 ? best.line.slice(0, 177) + '…' : best.line;
}

/** The evidence record of one requirement, as the explanation shows it. */
export function evidenceOf(r: OfferRequirement, o: RequirementOutcome, source: string | undefined): RequirementEvidence {
    return {
        requirement: r.text, kind: r.kind, mandatory: r.mandatory, status: o.status, confidence: Math.round(o.confidence * 100) / 100,
        channel: o.channel, source: source ?? o.held, failed: o.failed
    };
}
