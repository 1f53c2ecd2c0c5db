import * as assert from 'node:assert/strict';
import { SkillTagger, Tag, tagSpans, viterbi } from './skill-tagger';
import { defaultSkillTaggerFile } from './taxonomy-data';

describe('SkillTagger', () => {
    it('never puts I after O and reads B/I runs as spans', () => {
        // emissions prefer I everywhere; O -> I and start -> I are forbidden, so the best path starts with B
        const scores = new Float32Array([0, 1, 3, 0, 0, 3, 5, 0, 0]);
        const tags = viterbi(scores, 3, new Array(12).fill(0));
        assert.deepEqual(tags, [1, 2, 0]);
        assert.deepEqual(tagSpans([1, 2, 0, 1, 1, 2] as Tag[]), [[0, 2], [3, 4], [4, 6]]);
    });

    it('tags a skill phrase in an English sentence with the shipped model', () => {
        const tagger = SkillTagger.load(defaultSkillTaggerFile());
        const words = 'Strong communication skills and experience with Python are required .'.split(' ');
        const spans = tagSpans(tagger.tag(words.map(text => ({ text, esco: text === 'Python' ? 1 : 0 }))));
        assert.ok(spans.length >= 1);
        assert.ok(spans.some(([s, e]) => words.slice(s, e).includes('Python') || words.slice(s, e).includes('communication')));
    });
});
