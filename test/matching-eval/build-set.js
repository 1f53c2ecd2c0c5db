/**
 * Builds labelled-set.json: the synthetic matching evaluation set (see README.md). Deterministic (seeded).
 * Run: node test/matching-eval/build-set.js
 */
'use strict';
const fs = require('fs');
const path = require('path');

let s = 4242;
const random = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
const pick = xs => xs[Math.floor(random() * xs.length)];
let seq = 0;
const uid = () => `00000000-0000-4000-8000-${(++seq).toString(16).padStart(12, '0')}`;

// Occupations as a recruiter writes them, in French and English; `adjacent` = a neighbouring trade.
const JOBS = {
    cariste: { fr: 'Cariste', en: 'Forklift operator', skillsFr: ['conduite de chariot élévateur', 'gestion des stocks', 'préparation de commandes', 'réception de marchandises'],
        skillsEn: ['operate forklift', 'stock management', 'order picking', 'receive goods'], cert: 'CACES R489 cat. 3', lowerCert: 'CACES R489 cat. 1A', adjacent: 'preparateur' },
    preparateur: { fr: 'Préparateur de commandes', en: 'Order picker', skillsFr: ['préparation de commandes', 'emballage', 'gestion des stocks', 'lecture de bons de livraison'],
        skillsEn: ['order picking', 'packing goods', 'stock management', 'read delivery notes'], adjacent: 'cariste' },
    chauffeur: { fr: 'Chauffeur poids lourd', en: 'Truck driver', skillsFr: ['conduite de poids lourd', 'arrimage des charges', 'utilisation du chronotachygraphe', 'livraison de marchandises'],
        skillsEn: ['drive heavy goods vehicles', 'secure cargo', 'use tachograph', 'deliver goods'], licence: 'CE', lowerLicence: 'C', cert: 'FIMO', adjacent: 'livreur' },
    livreur: { fr: 'Chauffeur livreur', en: 'Delivery driver', skillsFr: ['livraison de marchandises', 'conduite de véhicule utilitaire', 'relation client'],
        skillsEn: ['deliver goods', 'drive van', 'customer service'], licence: 'B', adjacent: 'chauffeur' },
    soudeur: { fr: 'Soudeur', en: 'Welder', skillsFr: ['soudage TIG', 'soudage MIG MAG', 'lecture de plans', 'meulage'],
        skillsEn: ['TIG welding', 'MIG MAG welding', 'read blueprints', 'grinding'], adjacent: 'chaudronnier' },
    chaudronnier: { fr: 'Chaudronnier', en: 'Boilermaker', skillsFr: ['découpe de tôles', 'pliage de tôles', 'lecture de plans', 'soudage MIG MAG'],
        skillsEn: ['cut metal sheets', 'bend metal sheets', 'read blueprints', 'MIG MAG welding'], adjacent: 'soudeur' },
    electricien: { fr: 'Électricien', en: 'Electrician', skillsFr: ['installation électrique', 'lecture de schémas électriques', 'câblage', 'mise en conformité'],
        skillsEn: ['install electrical systems', 'read electrical diagrams', 'wiring', 'electrical compliance'], cert: 'Habilitation électrique B1V', lowerCert: 'Habilitation électrique B0', adjacent: 'chaudronnier' },
    aidesoignant: { fr: 'Aide-soignant', en: 'Care assistant', skillsFr: ["soins d'hygiène", 'aide à la prise des repas', 'surveillance des patients', 'transmissions écrites'],
        skillsEn: ['personal hygiene care', 'assist patients with meals', 'monitor patients', 'written handover'], adjacent: 'serveur' },
    serveur: { fr: 'Serveur', en: 'Waiter', skillsFr: ['service en salle', 'prise de commandes', 'encaissement', 'dressage des tables'],
        skillsEn: ['serve food and drinks', 'take orders', 'handle payments', 'set tables'], adjacent: 'aidesoignant' },
    comptable: { fr: 'Comptable', en: 'Accountant', skillsFr: ['comptabilité générale', 'déclarations fiscales', 'rapprochement bancaire', 'clôture des comptes'],
        skillsEn: ['general accounting', 'tax returns', 'bank reconciliation', 'close accounts'], adjacent: 'serveur' }
};
const NEAR = [['69003', 'Lyon'], ['69100', 'Villeurbanne'], ['69007', 'Lyon']];
const MID = [['01000', 'Bourg-en-Bresse'], ['38200', 'Vienne'], ['42000', 'Saint-Étienne']];
const FAR = [['13001', 'Marseille'], ['59000', 'Lille'], ['33000', 'Bordeaux'], ['75011', 'Paris']];

function candidate(job, lang, fields, note) {
    const j = JOBS[job];
    const skills = (lang === 'fr' ? j.skillsFr : j.skillsEn).map(name => ({ name }));
    const [postcode, city] = pick(NEAR);
    return {
        id: uid(), version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', firstName: null, lastName: null, email: null, phone: null,
        city, postcode, drivingLicences: ['B', ...(j.licence && j.licence !== 'B' ? [j.licence] : [])], certifications: j.cert ? [j.cert] : [],
        languages: [], skills, experiences: [{ title: lang === 'fr' ? j.fr : j.en, company: null, city, start: '2019', end: null }], education: [],
        yearsOfExperience: 5, title: lang === 'fr' ? j.fr : j.en, summary: null, language: lang, birthDate: null, nationality: null, street: null,
        mobility: { radiusKm: 30, cities: [], remote: false, hasVehicle: true }, situation: null, availableFrom: null,
        preferences: { contractTypes: [], sectors: [] }, notes: '', cvFileId: null, cvFileName: null, aiFields: [], lastContactAt: null, note, ...fields
    };
}

function offer(job, lang, city) {
    const j = JOBS[job];
    const skills = lang === 'fr' ? j.skillsFr : j.skillsEn;
    return {
        id: uid(), version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', companyId: uid(), title: lang === 'fr' ? j.fr : j.en,
        description: lang === 'fr' ? `Nous recherchons un ${j.fr.toLowerCase()} pour notre site de ${city[1]}.` : `We are looking for a ${j.en.toLowerCase()} for our ${city[1]} site.`,
        contractType: 'mission', location: { postcode: city[0], city: city[1], remote: 'none' },
        requiredSkills: skills.map((name, i) => ({ name, mandatory: i === 0, weight: 1 })), languages: [], drivingLicence: j.licence ?? null,
        certifications: j.cert ? [j.cert] : [], experienceMinYears: 2, experienceIdealYears: 4, startDate: '2026-03-02',
        urgent: false, positions: 1, status: 'active', statusHistory: [], positionsFilled: 0
    };
}

const queries = [];
for (const job of Object.keys(JOBS)) {
    for (const lang of ['fr', 'en']) {
        const o = offer(job, lang, ['69007', 'Lyon']);
        const other = lang === 'fr' ? 'en' : 'fr';
        const j = JOBS[job];
        const pool = [];
        const add = (grade, c) => pool.push({ grade, candidate: c });
        // Ideal candidates, one in each language (a French CV for an English offer and vice versa).
        add(3, candidate(job, lang, {}, 'ideal, same language'));
        add(3, candidate(job, other, {}, 'ideal, CV in the other language'));
        // Same occupation, differing only by distance.
        const [mp, mc] = pick(MID);
        add(2, candidate(job, lang, { postcode: mp, city: mc, mobility: { radiusKm: 60, cities: [], remote: false, hasVehicle: true } }, 'same occupation, 40-60 km, within radius'));
        add(1, candidate(job, lang, { postcode: mp, city: mc }, 'same occupation, beyond a 30 km radius'));
        for (let k = 0; k < 2; k++) { const [fp, fc] = pick(FAR); add(0, candidate(job, pick(['fr', 'en']), { postcode: fp, city: fc }, 'same occupation, 300+ km away')); }
        // Requirements: certification missing or lower category, licence C instead of CE.
        if (j.cert) {
            add(1, candidate(job, lang, { certifications: [] }, `missing ${j.cert}`));
            if (j.lowerCert) { add(1, candidate(job, lang, { certifications: [j.lowerCert] }, `lower category: ${j.lowerCert} for ${j.cert}`)); }
        }
        if (j.lowerLicence) { add(1, candidate(job, lang, { drivingLicences: ['B', j.lowerLicence] }, `licence ${j.lowerLicence} instead of ${j.licence}`)); }
        // Experience below the minimum, and a late availability.
        add(2, candidate(job, lang, { yearsOfExperience: 1 }, '1 year of experience, 2 asked'));
        add(2, candidate(job, other, { availableFrom: '2026-04-20' }, 'available 7 weeks after the start date'));
        // Adjacent occupation (shares skills, not the trade).
        const adj = JOBS[j.adjacent];
        add(1, candidate(j.adjacent, lang, { certifications: j.cert && adj.cert === undefined ? [j.cert] : adj.cert ? [adj.cert] : [], drivingLicences: ['B', ...(j.licence ? [j.licence] : [])] }, `adjacent occupation: ${adj.fr}`));
        // Keyword-stuffed CVs: another trade's title and experience, the offer's words pasted in the skills.
        for (const stuffer of ['serveur', 'comptable'].filter(x => x !== job).slice(0, 2)) {
            const c = candidate(stuffer, lang, {}, `keyword-stuffed ${JOBS[stuffer].fr} CV`);
            c.skills = [...c.skills, ...(lang === 'fr' ? j.skillsFr : j.skillsEn).flatMap(name => [{ name }, { name: name + ' (expert)' }]), ...(lang === 'fr' ? j.skillsFr : j.skillsEn).map(name => ({ name: name.toUpperCase() }))];
            c.summary = `${o.title} ${o.title} ${(lang === 'fr' ? j.skillsFr : j.skillsEn).join(' ')} ${o.title}`;
            add(0, c);
        }
        // Unrelated occupations nearby.
        for (const unrelated of Object.keys(JOBS).filter(x => x !== job && x !== j.adjacent && JOBS[x].adjacent !== job).slice(0, 5)) {
            add(0, candidate(unrelated, pick(['fr', 'en']), {}, `unrelated: ${JOBS[unrelated].fr}`));
        }
        queries.push({ job, lang, offer: o, pool });
    }
}
const out = {
    description: 'Synthetic labelled matching set: see README.md. grade 3 = ideal, 2 = good with a soft gap, 1 = a hard requirement missing or out of reach, 0 = not a fit.',
    queries
};
fs.writeFileSync(path.join(__dirname, 'labelled-set.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`${queries.length} offers, ${queries.reduce((a, q) => a + q.pool.length, 0)} labelled pairs`);
