import * as assert from 'node:assert/strict';
import { SkillTagger, Tag, tagSpans, viterbi } from './skill-tagger';
import { TaxonomyStore } from './taxonomy-store';
import { WORD_CLUSTER_BITS } from './word-clusters';

describe('SkillTagger', () => {
    it('never puts I after O and reads B/I runs as spans', () => {
        // emissions prefer I everywhere; O -> I and start -> I are forbidden, so the best path starts with B
        const scores = new Float32Array([0, 1, 3, 0, 0, 3, 5, 0, 0]);
        const tags = viterbi(scores, 3, new Array(12).fill(0));
        assert.deepEqual(tags, [1, 2, 0]);
        assert.deepEqual(tagSpans([1, 2, 0, 1, 1, 2] as Tag[]), [[0, 2], [3, 4], [4, 6]]);
    });

    const store = new TaxonomyStore();
    after(() => store.dispose());

    it('refuses a model trained with word clusters when no clusters are given', () => {
        const model = { version: '1', weights: {}, transitions: new Array(12).fill(0), metadata: { wordClusters: 'true' } };
        assert.throws(() => new SkillTagger(model), /trained with word clusters/);
    });

    it('gives every word a cluster code from the encoder, the same for any letter case, none for punctuation', () => {
        const tagger = store.skillTagger!;
        const [a, b, c] = tagger.withClusters([{ text: 'Forklift', esco: 0 }, { text: 'forklift', esco: 0 }, { text: ';', esco: 0 }]);
        assert.equal(a.cluster?.length, WORD_CLUSTER_BITS);
        assert.equal(a.cluster, b.cluster);
        assert.equal(c.cluster, '');
    });

    it('tags a skill phrase in an English sentence with the shipped model', () => {
        const tagger = store.skillTagger!;
        const words = 'Strong communication skills and experience with Python are required .'.split(' ');
        const spans = tagSpans(tagger.tag(words.map(text => ({ text, esco: text === 'Python' ? 1 : 0 }))));
        assert.ok(spans.length >= 1);
        assert.ok(spans.some(([s, e]) => words.slice(s, e).includes('Python') || words.slice(s, e).includes('communication')));
    });
});
