import * as assert from 'node:assert/strict';
import { languageCode, parseLanguageLevel, parseLanguages } from './language-parsing';

describe('language-parsing', () => {
    it('maps level words and CEFR codes', () => {
        assert.equal(parseLanguageLevel('B2'), 'B2');
        assert.equal(parseLanguageLevel('niveau c1+'), 'C1');
        assert.equal(parseLanguageLevel('courant'), 'C1');
        assert.equal(parseLanguageLevel('fluent'), 'C1');
        assert.equal(parseLanguageLevel('notions'), 'A2');
        assert.equal(parseLanguageLevel('bilingue'), 'C2');
        assert.equal(parseLanguageLevel('langue maternelle'), 'C2');
        assert.equal(parseLanguageLevel('native speaker'), 'C2');
        assert.equal(parseLanguageLevel('intermediate'), 'B1');
        assert.equal(parseLanguageLevel('Intermédiaire'), 'B1');
        assert.equal(parseLanguageLevel('débutant'), 'A1');
        assert.equal(parseLanguageLevel('TOEIC 850'), 'B2');
        assert.equal(parseLanguageLevel('lu'), null);
    });

    it('names languages in French and English as ISO 639-1', () => {
        assert.equal(languageCode('Anglais'), 'en');
        assert.equal(languageCode('Néerlandais'), 'nl');
        assert.equal(languageCode('German'), 'de');
        assert.equal(languageCode('Klingon'), undefined);
    });

    it('gives each language the level stated after it', () => {
        assert.deepEqual(parseLanguages('English (native), French (intermediate), Spanish – B2'), [
            { language: 'en', level: 'C2' }, { language: 'fr', level: 'B1' }, { language: 'es', level: 'B2' }]);
        assert.deepEqual(parseLanguages('Français : langue maternelle\nAnglais : notions\nItalien'), [
            { language: 'fr', level: 'C2' }, { language: 'en', level: 'A2' }, { language: 'it', level: null }]);
        assert.deepEqual(parseLanguages('Courant : anglais'), [{ language: 'en', level: 'C1' }]);
    });
});
