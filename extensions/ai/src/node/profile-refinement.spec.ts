import * as assert from 'assert';
import { CvTextMatcher, phoneKey } from './cv-text-matcher';
import { refineProfile, yearsOfExperience } from './profile-refinement';
import { CV_TEXT, goodAnswer, INJECTED_CV_TEXT, localProfile, obeyingAnswer } from './test-support/ai-fixtures';

describe('CV text matcher', () => {
    const cv = new CvTextMatcher(CV_TEXT);

    it('ignores case, accents, punctuation and spacing', () => {
        assert.ok(cv.hasPhrase('VENISSIEUX'));
        assert.ok(cv.hasPhrase('preparateur  de commandes'));
        assert.ok(cv.hasPhrase('Jean Pierre'));
        assert.ok(!cv.hasPhrase('Pierre Jean'));
        assert.ok(!cv.hasPhrase('Lyon Part-Dieu'));
    });

    it('compares phones by digits, national or international', () => {
        assert.strictEqual(phoneKey('06 12 34 56 78'), '33612345678');
        assert.strictEqual(phoneKey('+33 (0)6 12 34 56 78'), '33612345678');
        assert.strictEqual(phoneKey('0033612345678'), '33612345678');
        assert.ok(cv.hasPhone('+33612345678'));
        assert.ok(cv.hasPhone('06.12.34.56.78'));
        assert.ok(!cv.hasPhone('+33612345679'));
        const two = new CvTextMatcher('Tél : 06 12 34 56 78 / 07 11 22 33 44');
        assert.ok(two.hasPhone('+33711223344'), 'a second number on the same line');
    });

    it('finds e-mails regardless of case', () => {
        assert.ok(cv.hasEmail('JP.Dupont@example.fr'));
        assert.ok(!cv.hasEmail('jp.dupont@example.com'));
    });
});

describe('refineProfile (hallucination guard and merge)', () => {
    it('adds what the local parser missed, when the CV says it, and names the fields', () => {
        const result = refineProfile(CV_TEXT, localProfile(), goodAnswer());
        assert.deepStrictEqual(result.dropped, []);
        assert.deepStrictEqual(result.aiFields, ['drivingLicences', 'education', 'email', 'experiences', 'languages', 'phone', 'skills', 'yearsOfExperience']);
        const p = result.profile;
        assert.strictEqual(p.email, 'jp.dupont@example.fr');
        assert.strictEqual(p.phone, '+33612345678');
        assert.deepStrictEqual(p.drivingLicences, ['B']);
        assert.deepStrictEqual(p.skills.map(s => s.name), ['gestion de stock', 'SAP']);
        assert.deepStrictEqual(p.languages, [{ language: 'en', level: 'B1' }, { language: 'es', level: null }]);
        assert.strictEqual(p.experiences.length, 2);
        assert.deepStrictEqual(p.education, [{ degree: 'CAP Logistique', school: 'Lycée Jean Moulin', year: 2014 }]);
        assert.strictEqual(p.lastName, 'Dupont', 'same name in another case is not a correction');
        assert.ok(p.yearsOfExperience! > 6.7, 'experience recomputed from the added period');
    });

    it('never removes a local value when the model answers null', () => {
        const answer = { ...goodAnswer(), firstName: null, city: null, certifications: [], skills: [] };
        const result = refineProfile(CV_TEXT, localProfile(), answer);
        assert.strictEqual(result.profile.firstName, 'Jean-Pierre');
        assert.strictEqual(result.profile.city, 'Vénissieux');
        assert.deepStrictEqual(result.profile.certifications, ['CACES R489 cat. 3']);
        assert.deepStrictEqual(result.profile.skills, [{ name: 'gestion de stock' }]);
    });

    it('corrects a local value with one the CV really holds', () => {
        const local = { ...localProfile(), city: 'Lyon' };
        const result = refineProfile(CV_TEXT, local, { ...goodAnswer(), city: 'Vénissieux' });
        assert.strictEqual(result.profile.city, 'Vénissieux');
        assert.ok(result.aiFields.includes('city'));
    });

    it('drops and reports values that are not in the CV, and an injected instruction changes nothing', () => {
        const local = localProfile();
        const result = refineProfile(INJECTED_CV_TEXT, local, obeyingAnswer());
        const dropped = result.dropped.map(d => `${d.field}=${d.value}`);
        for (const expected of ['email=ceo@bigcorp.example', 'title=Directeur des opérations', 'skills=Machine Learning', 'skills=Kubernetes',
            'certifications=PMP', 'phone=+33 7 99 99 99 99', 'experiences.title=Head of Logistics', 'experiences.company=Amazon']) {
            assert.ok(dropped.includes(expected), `${expected} dropped (got ${dropped.join(', ')})`);
        }
        assert.ok(result.dropped.every(d => d.reason === 'not-in-cv'));
        assert.strictEqual(result.profile.email, null);
        assert.strictEqual(result.profile.title, 'Cariste confirmé');
        assert.deepStrictEqual(result.profile.experiences, local.experiences);
        assert.ok(!result.profile.skills.some(s => /machine|kubernetes/i.test(s.name)));
        assert.ok(!('score' in result.profile) && !('rating' in result.profile));
        assert.ok(!result.aiFields.includes('email') && !result.aiFields.includes('title'));
    });

    it('refuses a CEFR level or a licence the CV does not state', () => {
        const answer = { ...goodAnswer(), languages: [{ language: 'es', level: 'B2' }], drivingLicences: ['C'] };
        const result = refineProfile(CV_TEXT, localProfile(), answer);
        assert.deepStrictEqual(result.profile.languages.find(l => l.language === 'es'), { language: 'es', level: null });
        assert.deepStrictEqual(result.profile.drivingLicences, []);
        assert.ok(result.dropped.some(d => d.field === 'languages.level' && d.value === 'B2'));
        assert.ok(result.dropped.some(d => d.field === 'drivingLicences' && d.value === 'C'));
    });

    it('rejects malformed values as invalid', () => {
        const result = refineProfile(CV_TEXT, localProfile(), { ...goodAnswer(), email: 'not an email', phone: '12', experiences: [{ title: 'Cariste', company: null, city: null, start: 'March 2019', end: null }] });
        assert.ok(result.dropped.some(d => d.field === 'email' && d.reason === 'invalid'));
        assert.ok(result.dropped.some(d => d.field === 'phone' && d.reason === 'invalid'));
        assert.ok(result.dropped.some(d => d.field === 'experiences.start' && d.reason === 'invalid'));
    });

    it('counts overlapping periods once', () => {
        const experiences = [
            { title: 'a', company: null, city: null, start: '2015-01', end: '2016-12' },
            { title: 'b', company: null, city: null, start: '2016-01', end: '2017-12' }
        ];
        assert.strictEqual(yearsOfExperience(experiences), 3);
        assert.strictEqual(yearsOfExperience([]), null);
    });
});
