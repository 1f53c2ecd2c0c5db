import * as assert from 'node:assert/strict';
import { TextCanonicalizer, foldText, genderPairsOfLabel, guessLanguage, keepFirstGenderAlternative } from './text-canonicalizer';
import { readCompactTaxonomy } from './taxonomy-data';

describe('TextCanonicalizer', () => {
    const canon = new TextCanonicalizer(readCompactTaxonomy().gender);

    it('folds case, accents and ligatures', () => {
        assert.equal(foldText('Œnologue ÉLECTRICIEN'), 'oenologue electricien');
    });

    it('maps French feminine job nouns to the masculine', () => {
        assert.equal(canon.canonical('Infirmière', 'fr'), 'infirmier');
        assert.equal(canon.canonical('Vendeuse', 'fr'), 'vendeur');
        assert.equal(canon.canonical('Conductrice de bus', 'fr'), 'conducteur de bus');
        assert.equal(canon.canonical('Aide-soignante', 'fr'), canon.canonical('Aide-soignant', 'fr'));
    });

    it('keeps the masculine side of "masc / fem" labels and drops gender marks', () => {
        assert.equal(keepFirstGenderAlternative('abatteur / abatteuse de carriere'), 'abatteur de carriere');
        assert.equal(canon.canonical('Accueillant familial / Accueillante familiale auprès d\'adultes', 'fr'), 'accueillant familial aupres adultes');
        assert.equal(canon.canonical('Cariste CACES 3 (H/F)', 'fr'), 'cariste caces 3');
        assert.equal(canon.canonical('employé(e) libre-service', 'fr'), 'employe libre service');
        assert.equal(canon.canonical('Développeur·euse Java/JavaScript', 'fr'), 'developpeur java javascript');
    });

    it('expands French and English abbreviations', () => {
        assert.equal(canon.canonical('resp. logistique', 'fr'), 'responsable logistique');
        assert.equal(canon.canonical('assist. de direction', 'fr'), 'assistant de direction');
        assert.equal(canon.canonical('technicien sup.', 'fr'), 'technicien superieur');
        assert.equal(canon.canonical('dev', 'fr'), 'developpeur');
        assert.equal(canon.canonical('Sr. Software Eng.', 'en'), 'senior software engineer');
    });

    it('derives aligned gender pairs from labels', () => {
        assert.deepEqual(genderPairsOfLabel('directeur technique/directrice technique'), [['directeur', 'directrice']]);
        assert.deepEqual(genderPairsOfLabel('développeur java/javascript'), []);
    });

    it('guesses the language', () => {
        assert.equal(guessLanguage('conducteur de chariot élévateur'), 'fr');
        assert.equal(guessLanguage('forklift driver for the warehouse'), 'en');
    });
});
