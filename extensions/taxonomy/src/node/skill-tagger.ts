import * as fs from 'fs';
import * as zlib from 'zlib';
import { WordClusters } from './word-clusters';

/**
 * BIO tagger of skill spans (averaged structured perceptron, first-order Viterbi). Trained by
 * models/skill-tagger/train.ts on the SkillSpan train split (English job postings); features are words,
 * affixes, shapes, neighbours, whether a token is inside an ESCO skill label and (models trained with them)
 * the word's cluster code from the bilingual encoder.
 */
export const TAGS = ['O', 'B', 'I'] as const;
export type Tag = 0 | 1 | 2;

export interface TaggerToken {
    text: string;
    /** 0 outside any ESCO label match, 1 first token of a match, 2 inside one. */
    esco: number;
    /** Cluster code of the word (see WordClusters); set by `SkillTagger.tag` when the model uses them. */
    cluster?: string;
}

export interface SkillTaggerModel {
    version: string;
    /** feature -> [O, B, I] weights */
    weights: Record<string, number[]>;
    /** transitions[prev * 3 + next]; prev = 3 is the sentence start. */
    transitions: number[];
    metadata: Record<string, string>;
}

function shape(w: string): string {
    return w.replace(/[A-Z]+/g, 'A').replace(/[a-z]+/g, 'a').replace(/[0-9]+/g, '0').slice(0, 6);
}

export function tokenFeatures(tokens: TaggerToken[], i: number): string[] {
    const w = (k: number) => (k < 0 ? '<s>' : k >= tokens.length ? '</s>' : tokens[k].text.toLowerCase());
    const cur = w(i);
    const f = ['b', 'w=' + cur, 'p=' + w(i - 1), 'n=' + w(i + 1), 'pp=' + w(i - 2), 'nn=' + w(i + 2),
        'pw=' + w(i - 1) + '|' + cur, 'wn=' + cur + '|' + w(i + 1), 's3=' + cur.slice(-3), 's2=' + cur.slice(-2),
        'x3=' + cur.slice(0, 3), 'sh=' + shape(tokens[i].text), 'e=' + tokens[i].esco,
        'ep=' + (i > 0 ? tokens[i - 1].esco : 's') + '|' + tokens[i].esco, 'en=' + tokens[i].esco + '|' + (i + 1 < tokens.length ? tokens[i + 1].esco : 's'),
        'ps3=' + w(i - 1).slice(-3), 'ns3=' + w(i + 1).slice(-3)];
    if (i === 0) { f.push('first'); }
    const code = tokens[i].cluster;
    if (code !== undefined) {
        const near = (k: number) => (k < 0 || k >= tokens.length ? 's' : (tokens[k].cluster ?? '').slice(0, 6));
        f.push('c4=' + code.slice(0, 4), 'c8=' + code.slice(0, 8), 'c12=' + code.slice(0, 12), 'c16=' + code,
            'pc=' + near(i - 1), 'nc=' + near(i + 1), 'pcc=' + near(i - 1) + '|' + code.slice(0, 6), 'ccn=' + code.slice(0, 6) + '|' + near(i + 1));
    }
    return f;
}

export class SkillTagger {
    constructor(readonly model: SkillTaggerModel, protected readonly clusters?: WordClusters) {
        if (model.metadata?.wordClusters === 'true' && !clusters) {
            throw new Error('This skill tagger model was trained with word clusters: give it the encoder\'s WordClusters');
        }
    }

    static load(file: string, clusters?: WordClusters): SkillTagger {
        if (!fs.existsSync(file)) { throw new Error(`Skill tagger model not found: ${file}`); }
        return new SkillTagger(JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as SkillTaggerModel, clusters);
    }

    get usesClusters(): boolean {
        return this.model.metadata?.wordClusters === 'true';
    }

    /** The tokens with their cluster codes when the model uses them. */
    withClusters(tokens: TaggerToken[]): TaggerToken[] {
        const clusters = this.clusters;
        if (!this.usesClusters || !clusters) { return tokens; }
        return tokens.map(t => (t.cluster === undefined ? { ...t, cluster: clusters.code(t.text) } : t));
    }

    scores(tokens: TaggerToken[]): Float32Array {
        const s = new Float32Array(tokens.length * 3);
        for (let i = 0; i < tokens.length; i++) {
            for (const f of tokenFeatures(tokens, i)) {
                const w = this.model.weights[f];
                if (w) { s[i * 3] += w[0]; s[i * 3 + 1] += w[1]; s[i * 3 + 2] += w[2]; }
            }
        }
        return s;
    }

    tag(tokens: TaggerToken[]): Tag[] {
        return viterbi(this.scores(this.withClusters(tokens)), tokens.length, this.model.transitions);
    }
}

/** Best BIO sequence; O -> I is forbidden. */
export function viterbi(scores: Float32Array, n: number, transitions: number[]): Tag[] {
    if (n === 0) { return []; }
    const best = new Float64Array(n * 3);
    const back = new Int8Array(n * 3);
    const allowed = (prev: number, next: number) => !(next === 2 && (prev === 0 || prev === 3));
    for (let t = 0; t < 3; t++) { best[t] = allowed(3, t) ? scores[t] + transitions[9 + t] : -Infinity; }
    for (let i = 1; i < n; i++) {
        for (let t = 0; t < 3; t++) {
            let m = -Infinity;
            let arg = 0;
            for (let p = 0; p < 3; p++) {
                if (!allowed(p, t)) { continue; }
                const v = best[(i - 1) * 3 + p] + transitions[p * 3 + t];
                if (v > m) { m = v; arg = p; }
            }
            best[i * 3 + t] = m + scores[i * 3 + t];
            back[i * 3 + t] = arg;
        }
    }
    const tags: Tag[] = new Array(n);
    let last = 0;
    for (let t = 1; t < 3; t++) { if (best[(n - 1) * 3 + t] > best[(n - 1) * 3 + last]) { last = t; } }
    tags[n - 1] = last as Tag;
    for (let i = n - 1; i > 0; i--) { tags[i - 1] = back[i * 3 + tags[i]] as Tag; }
    return tags;
}

/** [start, end) token ranges of the B/I runs. */
export function tagSpans(tags: Tag[]): [number, number][] {
    const spans: [number, number][] = [];
    let start = -1;
    for (let i = 0; i <= tags.length; i++) {
        const t = i < tags.length ? tags[i] : 0;
        if (start >= 0 && t !== 2) { spans.push([start, i]); start = -1; }
        if (t === 1) { start = i; }
    }
    return spans;
}
