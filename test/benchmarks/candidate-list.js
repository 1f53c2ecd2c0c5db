#!/usr/bin/env node
/**
 * Candidate list (CVthèque) benchmark: with N candidates stored (default 100k), the time of what the
 * list view asks while a recruiter scrolls and types: a page of 200 at the top and deep in the list,
 * search as you type (full-text prefix), filters (licence, city, skill). Prints p50/p95 over repeated
 * calls. Run after `npx tsc -b tsconfig.json`: node test/benchmarks/candidate-list.js [--count 100000]
 */
'use strict';
const path = require('path');
const { performance } = require('perf_hooks');

const lib = (pkg, file) => require(path.resolve(__dirname, '..', '..', 'extensions', pkg, 'lib', file));
const { createTestContainer } = lib('core', 'node/test-support/matchpro-test-container');
const { MatchProDatabase } = lib('core', 'node/matchpro-database');
const taxonomyModule = lib('taxonomy', 'node/taxonomy-backend-module').default;
const candidatesModule = lib('candidates', 'node/candidates-backend-module').default;
const { CandidateRepository } = lib('candidates', 'node/candidate-repository');
const { CandidateService } = lib('candidates', 'common/candidate-protocol');

const args = process.argv.slice(2);
const COUNT = Number(args.includes('--count') ? args[args.indexOf('--count') + 1] : 100000);

const FIRST = ['Camille', 'Léa', 'Manon', 'Kévin', 'Inès', 'Lucas', 'Hugo', 'Louis', 'Nathan', 'Karim', 'Yasmine', 'Mathieu', 'Sébastien', 'Aurélie', 'Julien'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Benali', 'Nguyen', 'Lefèvre', 'Garnier', 'Kerbrat'];
const CITIES = [['Lyon', '69003'], ['Saint-Priest', '69800'], ['Marseille', '13001'], ['Lille', '59000'], ['Nantes', '44000'], ['Toulouse', '31000'], ['Bordeaux', '33000']];
const JOBS = [['Cariste', ['conduite de chariot élévateur', 'gestion des stocks'], ['CACES R489 cat. 3']], ['Préparateur de commandes', ['préparer des commandes', 'utiliser un scanner'], []],
    ['Chauffeur PL', ['conduire un poids lourd', 'arrimer une cargaison'], ['FIMO']], ['Aide-soignant', ["soins d'hygiène", 'transmissions'], ['DEAS']],
    ['Soudeur TIG', ['souder au TIG', 'lire des plans'], []], ['Développeur TypeScript', ['TypeScript', 'React', 'Node.js'], []]];
let seed = 7;
const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = list => list[Math.floor(rand() * list.length)];

function fields(n) {
    const [city, postcode] = pick(CITIES);
    const [title, skills, certifications] = pick(JOBS);
    const firstName = pick(FIRST);
    const lastName = pick(LAST);
    return {
        firstName, lastName, email: `${firstName}.${lastName}.${n}@example.fr`.toLowerCase(), phone: `+3361${String(n).padStart(7, '0')}`,
        city, postcode, drivingLicences: rand() < 0.3 ? ['B', 'C', 'CE'] : ['B'], certifications, languages: [{ language: 'fr', level: 'C2' }],
        skills: skills.map(name => ({ name })), experiences: [{ title, company: 'Entreprise ' + (n % 500), city, start: '2018-03', end: null }],
        education: [], yearsOfExperience: Math.round(rand() * 20), title, summary: null, language: 'fr', birthDate: null, nationality: null, street: null,
        mobility: { radiusKm: 30, cities: [], remote: false, hasVehicle: rand() < 0.5 }, situation: null, availableFrom: null,
        preferences: { contractTypes: [], sectors: [] }, notes: '', cvFileId: null, cvFileName: null, aiFields: [], lastContactAt: null
    };
}

function stats(samples) {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`;
}

(async () => {
    const test = createTestContainer(taxonomyModule, candidatesModule);
    const db = test.container.get(MatchProDatabase);
    const repository = test.container.get(CandidateRepository);
    const service = test.container.get(CandidateService);
    const seedStart = performance.now();
    for (let done = 0; done < COUNT; done += 5000) {
        await db.write(tx => {
            for (let n = done; n < Math.min(COUNT, done + 5000); n++) {
                repository.indexForSearch(tx, repository.insert(tx, fields(n)));
            }
        });
    }
    console.log(`seeded ${COUNT} candidates in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    const cases = [
        ['first page (200, by name)', { limit: 200 }],
        ['page at the middle of the list', { limit: 200, offset: Math.floor(COUNT / 2) }],
        ['type "c" (prefix, all fields)', { text: 'c', limit: 200 }],
        ['type "cariste"', { text: 'cariste', limit: 200 }],
        ['type "kev mart"', { text: 'kev mart', limit: 200 }],
        ['filter licence CE', { licence: 'CE', limit: 200 }],
        ['filter city "69"', { city: '69', limit: 200 }],
        ['filter skill "TypeScript"', { skill: 'TypeScript', limit: 200 }],
        ['"cariste" + licence CE + city "69"', { text: 'cariste', licence: 'CE', city: '69', limit: 200 }]
    ];
    console.log(`\n${'query'.padEnd(38)} ${'matches'.padStart(8)}  time (20 runs)`);
    for (const [label, query] of cases) {
        const samples = [];
        let total = 0;
        for (let i = 0; i < 20; i++) {
            const start = performance.now();
            total = (await service.list(query)).total;
            samples.push(performance.now() - start);
        }
        console.log(`${label.padEnd(38)} ${String(total).padStart(8)}  ${stats(samples)}`);
    }
    await test.dispose();
})().catch(error => { console.error(error); process.exit(2); });
