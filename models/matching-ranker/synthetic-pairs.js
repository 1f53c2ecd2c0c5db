"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PLACES = void 0;
exports.makeOffer = makeOffer;
exports.makeCandidate = makeCandidate;
exports.generatePairs = generatePairs;
exports.PLACES = [
    ['69003', 'Lyon'], ['69100', 'Villeurbanne'], ['38200', 'Vienne'], ['38000', 'Grenoble'], ['42000', 'Saint-Étienne'], ['01000', 'Bourg-en-Bresse'],
    ['71000', 'Mâcon'], ['75011', 'Paris'], ['93200', 'Saint-Denis'], ['59000', 'Lille'], ['13001', 'Marseille'], ['33000', 'Bordeaux'], ['44000', 'Nantes'],
    ['31000', 'Toulouse'], ['67000', 'Strasbourg'], ['76000', 'Rouen'], ['45000', 'Orléans'], ['21000', 'Dijon'], ['63000', 'Clermont-Ferrand'], ['26000', 'Valence']
];
const CERTS = ['CACES R489 cat. 3', 'CACES R489 cat. 5', 'CACES R486 cat. B', 'Habilitation électrique B1V', 'FIMO', 'SST'];
const LOWER_CERT = { 'CACES R489 cat. 3': 'CACES R489 cat. 1A', 'CACES R489 cat. 5': 'CACES R489 cat. 3', 'CACES R486 cat. B': 'CACES R486 cat. A', 'Habilitation électrique B1V': 'Habilitation électrique B0' };
const CONTRACTS = ['CDI', 'CDD', 'mission'];
function makeOffer(id, fields) {
    return {
        id, version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', companyId: id, title: '', description: '',
        contractType: 'CDI', location: { remote: 'none' }, requiredSkills: [], languages: [], drivingLicence: null, certifications: [],
        urgent: false, positions: 1, status: 'active', statusHistory: [], positionsFilled: 0, ...fields
    };
}
function makeCandidate(id, fields) {
    return {
        id, version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', firstName: null, lastName: null, email: null, phone: null,
        city: null, postcode: null, drivingLicences: [], certifications: [], languages: [], skills: [], experiences: [], education: [],
        yearsOfExperience: null, title: null, summary: null, language: 'fr', birthDate: null, nationality: null, street: null,
        mobility: { radiusKm: 30, cities: [], remote: false, hasVehicle: true }, situation: null, availableFrom: null,
        preferences: { contractTypes: [], sectors: [] }, notes: '', cvFileId: null, cvFileName: null, aiFields: [], lastContactAt: null, ...fields
    };
}
function generatePairs(taxonomy, random, offers, idPrefix) {
    const pick = (xs) => xs[Math.floor(random() * xs.length)];
    const shuffle = (xs) => { for (let i = xs.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [xs[i], xs[j]] = [xs[j], xs[i]];
    } return xs; };
    const usable = taxonomy.occupations.map((o, i) => ({ o, i })).filter(x => x.o.e.length >= 8 && x.o.fr && x.o.en);
    const skillLabel = (s, lang) => (lang === 'fr' ? taxonomy.skills[s].fr : '') || taxonomy.skills[s].en;
    // Adjacent occupations: the most essential skills shared.
    const adjacent = (occ) => {
        const own = new Set(occ.o.e);
        let best = usable[0], bestShare = -1;
        for (let t = 0; t < 300; t++) {
            const other = pick(usable);
            if (other.i === occ.i) {
                continue;
            }
            const share = other.o.e.filter(s => own.has(s)).length / own.size;
            if (share > bestShare) {
                best = other;
                bestShare = share;
            }
        }
        return best;
    };
    const pairs = [];
    let seq = 0;
    const uid = () => `${idPrefix}-0000-4000-8000-${(seq++).toString(16).padStart(12, '0')}`;
    for (let k = 0; k < offers; k++) {
        const occ = pick(usable);
        const offerLang = random() < 0.5 ? 'fr' : 'en';
        const skills = shuffle([...occ.o.e]).slice(0, 6);
        const place = pick(exports.PLACES);
        const licence = random() < 0.3 ? pick(['B', 'C', 'CE']) : null;
        const cert = random() < 0.3 ? pick(CERTS) : undefined;
        const expMin = Math.floor(random() * 5);
        const contract = pick(CONTRACTS);
        const offer = makeOffer(uid(), {
            title: offerLang === 'fr' ? occ.o.fr.split('/')[0] : occ.o.en, contractType: contract,
            location: { postcode: place[0], city: place[1], remote: 'none' },
            requiredSkills: skills.map((s, i) => ({ name: skillLabel(s, offerLang), mandatory: i < 2, weight: 1 })),
            drivingLicence: licence, certifications: cert ? [cert] : [], experienceMinYears: expMin, experienceIdealYears: expMin + 2,
            description: offerLang === 'fr' ? `Nous recherchons un ${occ.o.fr.split('/')[0]} pour notre site de ${place[1]}.` : `We are looking for a ${occ.o.en} for our ${place[1]} site.`,
            startDate: '2026-03-01', languages: random() < 0.2 ? [{ language: 'en', level: 'B2' }] : []
        });
        // Real CVs list some of the trade's skills, not the offer's list: 3 to 6 of them, plus 0 to 4 optional ones.
        const good = (lang, over = {}, skillSet = skills) => makeCandidate(uid(), {
            title: lang === 'fr' ? occ.o.fr.split('/')[0] : occ.o.en, language: lang,
            experiences: random() < 0.6 ? [{ title: lang === 'fr' ? occ.o.fr.split('/')[0] : occ.o.en, company: null, city: null, start: '2018', end: null }] : [],
            skills: [...skillSet.slice(0, 2), ...shuffle(skillSet.slice(2)).slice(0, 1 + Math.floor(random() * 4))].map(s => ({ name: skillLabel(s, lang) }))
                .concat(shuffle([...occ.o.o]).slice(0, Math.floor(random() * 5)).map(s => ({ name: skillLabel(s, lang) }))),
            postcode: place[0], city: place[1], drivingLicences: licence ? [licence, 'B'] : ['B'], certifications: cert ? [cert] : [],
            yearsOfExperience: expMin + 1 + Math.floor(random() * 4), languages: [{ language: 'en', level: 'B2' }],
            preferences: { contractTypes: [contract], sectors: [] }, availableFrom: '2026-02-15', ...over
        });
        const other = () => pick(exports.PLACES.filter(p => p[0].slice(0, 2) !== place[0].slice(0, 2)));
        const add = (candidate, label, kind) => pairs.push({ offer, candidate, label: Math.max(0, Math.min(1, label + (random() - 0.5) * 0.08)), kind });
        const lang = () => (random() < 0.5 ? 'fr' : 'en');
        add(good(lang()), 0.95, 'perfect');
        add(good(lang()), 0.95, 'perfect');
        add(good(lang(), {}, skills.slice(0, 3)), 0.8, 'missing-optional');
        const far = other();
        add(good(lang(), { postcode: far[0], city: far[1], mobility: { radiusKm: 30, cities: [], remote: false, hasVehicle: true } }), 0.3, 'far');
        add(good(lang(), { postcode: far[0], city: far[1], mobility: { radiusKm: 400, cities: [], remote: false, hasVehicle: true } }), 0.75, 'far-mobile');
        add(good(lang(), {}, skills.slice(1)), 0.3, 'missing-mandatory');
        if (cert) {
            add(good(lang(), { certifications: [] }), 0.25, 'missing-cert');
            if (LOWER_CERT[cert]) {
                add(good(lang(), { certifications: [LOWER_CERT[cert]] }), 0.3, 'lower-cert');
            }
        }
        if (licence === 'CE' || licence === 'C') {
            add(good(lang(), { drivingLicences: licence === 'CE' ? ['C', 'B'] : ['B'] }), 0.25, 'lower-licence');
        }
        const adj = adjacent(occ);
        add(makeCandidate(uid(), {
            title: adj.o.fr.split('/')[0], skills: adj.o.e.slice(0, 8).map(s => ({ name: skillLabel(s, 'fr') })), postcode: place[0], city: place[1],
            drivingLicences: licence ? [licence, 'B'] : ['B'], certifications: cert ? [cert] : [], yearsOfExperience: expMin + 2
        }), 0.45, 'adjacent');
        for (let r = 0; r < 3; r++) {
            const rnd = pick(usable);
            add(makeCandidate(uid(), {
                title: rnd.o.en, language: 'en', skills: rnd.o.e.slice(0, 8).map(s => ({ name: skillLabel(s, 'en') })), postcode: pick(exports.PLACES)[0],
                drivingLicences: ['B'], yearsOfExperience: Math.floor(random() * 10)
            }), 0.03, 'unrelated');
        }
        const stuffer = pick(usable);
        add(makeCandidate(uid(), {
            title: stuffer.o.fr.split('/')[0], skills: [...skills.map(s => ({ name: skillLabel(s, 'fr') })), ...shuffle([...taxonomy.skills.keys()]).slice(0, 40).map(s => ({ name: skillLabel(s, 'fr') }))],
            postcode: place[0], drivingLicences: ['B'], yearsOfExperience: 1
        }), 0.15, 'keyword-stuffed');
        if (expMin >= 2) {
            add(good(lang(), { yearsOfExperience: 0.5 }), 0.5, 'junior');
        }
        add(good(lang(), { availableFrom: '2026-06-01' }), 0.55, 'late');
        add(good(lang(), { preferences: { contractTypes: [contract === 'CDI' ? 'mission' : 'CDI'], sectors: [] } }), 0.6, 'contract');
    }
    return pairs;
}
