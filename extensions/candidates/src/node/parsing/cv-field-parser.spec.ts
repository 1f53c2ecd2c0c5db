import * as assert from 'node:assert/strict';
import { ParsedProfileSchema } from '@matchpro/core/lib/common/parsed-profile';
import { CommuneIndex } from './commune-index';
import { detectCvLanguage, parseCvText } from './cv-field-parser';

const today = new Date(Date.UTC(2026, 10, 1));
const communes = new CommuneIndex([
    { name: 'Lyon', postcodes: ['69001', '69002', '69003'], population: 520000 },
    { name: 'Villeurbanne', postcodes: ['69100'], population: 150000 },
    { name: 'Saint-Étienne', postcodes: ['42000', '42100'], population: 170000 },
    { name: 'Rennes', postcodes: ['35000', '35200', '35700'], population: 220000 }
]);

describe('parseCvText', () => {
    it('reads a date-first French CV with the family name in capitals first', () => {
        const profile = parseCvText([
            'CURRICULUM VITAE',
            'DURAND Léa',
            'Préparatrice de commandes',
            '06.11.22.33.44 - lea.durand@example.fr',
            '5 place Bellecour 69002 LYON',
            '',
            'EXPÉRIENCES PROFESSIONNELLES',
            '2021 - aujourd\'hui',
            'Préparatrice de commandes',
            'Amazon, Villeurbanne',
            '• Préparation vocale',
            '01/2018 - 12/2020',
            'Cariste',
            'Kuehne+Nagel, Saint-Étienne',
            '',
            'COMPÉTENCES : Picking, Gerbage, Inventaire tournant',
            '',
            'Langues : anglais (scolaire), espagnol (B2)',
            'Permis B',
            'CACES 1, 3 et 5 à jour'
        ].join('\n'), { today, communes });
        ParsedProfileSchema.parse(profile);
        assert.equal(profile.firstName, 'Léa');
        assert.equal(profile.lastName, 'Durand');
        assert.equal(profile.phone, '+33611223344');
        assert.equal(profile.city, 'Lyon');
        assert.equal(profile.postcode, '69002');
        assert.deepEqual(profile.experiences, [
            { title: 'Préparatrice de commandes', company: 'Amazon', city: 'Villeurbanne', start: '2021', end: null },
            { title: 'Cariste', company: 'Kuehne+Nagel', city: 'Saint-Étienne', start: '2018-01', end: '2020-12' }
        ]);
        assert.deepEqual(profile.skills.map(s => s.name), ['Picking', 'Gerbage', 'Inventaire tournant']);
        assert.deepEqual(profile.languages, [{ language: 'en', level: 'A2' }, { language: 'es', level: 'B2' }]);
        assert.deepEqual(profile.certifications, ['CACES R489 cat. 1', 'CACES R489 cat. 3', 'CACES R489 cat. 5']);
        assert.equal(profile.yearsOfExperience, 8.9);
    });

    it('reads an Indeed-style English CV (title over company over dates)', () => {
        const profile = parseCvText([
            'Priya Raman',
            'Software Engineer',
            '',
            'Chennai, Tamil Nadu - Email me on Indeed: priya.raman@example.com',
            '',
            'WORK EXPERIENCE',
            '',
            'Software Engineer',
            '',
            'Infosys Limited - Bengaluru, Karnataka',
            '',
            'August 2016 to Present',
            '',
            'Developed REST services in Java.',
            '',
            'EDUCATION',
            '',
            'B.Tech in Computer Science',
            '',
            'Anna University - Chennai, Tamil Nadu',
            '',
            '2012 to 2016',
            '',
            'SKILLS',
            '',
            'Java (3 years), Spring Boot (2 years), SQL (Less than 1 year)'
        ].join('\n'), { today, communes });
        assert.equal(profile.language, 'en');
        assert.equal(profile.firstName, 'Priya');
        assert.equal(profile.lastName, 'Raman');
        assert.equal(profile.city, 'Chennai');
        assert.equal(profile.title, 'Software Engineer');
        assert.deepEqual(profile.experiences, [
            { title: 'Software Engineer', company: 'Infosys Limited', city: 'Bengaluru, Karnataka', start: '2016-08', end: null }
        ]);
        assert.deepEqual(profile.education, [{ degree: 'B.Tech in Computer Science', school: 'Anna University', year: 2016 }]);
        assert.deepEqual(profile.skills.map(s => s.name), ['Java', 'Spring Boot', 'SQL']);
    });

    it('does not take a job title or a section for a name, and leaves absent fields empty', () => {
        const profile = parseCvText('Responsable Logistique\nExpérience\nChef d\'équipe - Geodis\n2019 - 2021', { today, communes });
        assert.equal(profile.firstName, null);
        assert.equal(profile.lastName, null);
        assert.equal(profile.email, null);
        assert.equal(profile.phone, null);
        assert.equal(profile.city, null);
        assert.deepEqual(profile.languages, []);
        assert.deepEqual(profile.drivingLicences, []);
        assert.equal(profile.yearsOfExperience, 2);
    });

    it('falls back to a stated number of years without dated periods', () => {
        const profile = parseCvText('Jean Petit\nSoudeur\nProfil\n12 ans d\'expérience en chaudronnerie.', { today, communes });
        assert.equal(profile.yearsOfExperience, 12);
    });

    it('reads "De 2015 à 2018 : Poste chez Société (Ville)" lines and skips the birth date as headline', () => {
        const profile = parseCvText([
            'Mme Nadia EL AMRANI',
            'Née le 12/03/1990',
            'Tél : +33 (0)6 45 67 89 01',
            'Adresse : 3 impasse des Roses, 69100 Villeurbanne',
            '',
            'Expériences',
            'De 2015 à 2018 : Opératrice de conditionnement chez Bonduelle (Rennes)',
            'Depuis septembre 2018 : Conductrice de ligne, Lesaffre, Lyon',
            '',
            'Langues',
            'Arabe (langue maternelle) – Anglais (niveau A2)',
            'Permis B, véhiculée'
        ].join('\n'), { today, communes });
        assert.equal(profile.firstName, 'Nadia');
        assert.equal(profile.lastName, 'El Amrani');
        assert.equal(profile.phone, '+33645678901');
        assert.equal(profile.city, 'Villeurbanne');
        assert.equal(profile.postcode, '69100');
        assert.equal(profile.title, 'Opératrice de conditionnement');
        assert.deepEqual(profile.experiences, [
            { title: 'Opératrice de conditionnement', company: 'Bonduelle', city: 'Rennes', start: '2015', end: '2018' },
            { title: 'Conductrice de ligne', company: 'Lesaffre', city: 'Lyon', start: '2018-09', end: null }
        ]);
        assert.deepEqual(profile.languages, [{ language: 'ar', level: 'C2' }, { language: 'en', level: 'A2' }]);
        assert.deepEqual(profile.drivingLicences, ['B']);
    });

    it('detects the CV language', () => {
        assert.equal(detectCvLanguage('Expérience professionnelle\nCariste chez Leroy Merlin depuis 2019'), 'fr');
        assert.equal(detectCvLanguage('Work experience\nForklift driver at Tesco since 2019 and team leader'), 'en');
    });
});
