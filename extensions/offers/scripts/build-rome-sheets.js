#!/usr/bin/env node
// Derives the compact ROME job-sheet file the offline offer drafter uses: per ROME code, its title,
// definition sentences, access conditions and skills (savoir-faire, savoir-être, savoirs).
// Source: France Travail ROME 4.0 (v460), Licence Ouverte 2.0. Run from the repository root:
//   node extensions/offers/scripts/build-rome-sheets.js [path/to/RefRomeCsv_v460]
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { parseCsvRecords } = require('../../../scripts/csv-records');

const source = process.argv[2] || path.resolve(__dirname, '../../../../shared/data/taxonomy/rome/RefRomeCsv_v460');
const out = path.resolve(__dirname, '../data/rome-sheets.json.gz');

function readCsv(name) {
    return parseCsvRecords(fs.readFileSync(path.join(source, name), 'utf8'));
}

/** ROME texts double their apostrophes (SQL export); undo that. */
const clean = text => text.replace(/''/g, '\u2019').replace(/\s+/g, ' ').trim();

const sheets = {};
for (const row of readCsv('unix_referentiel_code_rome_v460_utf8.csv')) {
    sheets[row.code_rome] = { title: clean(row.libelle_rome), definition: [], access: [], skills: [], softSkills: [], knowledge: [] };
}
for (const row of readCsv('unix_texte_v460_utf8.csv').sort((a, b) => Number(a.position_phrase) - Number(b.position_phrase))) {
    const sheet = sheets[row.code_rome];
    if (!sheet) continue;
    (row.libelle_type_texte === 'definition' ? sheet.definition : sheet.access).push(clean(row.libelle_texte));
}
const items = new Map(readCsv('unix_item_v460_utf8.csv').map(row => [row.code_ogr, row]));
for (const row of readCsv('unix_coherence_item_v460_utf8.csv').sort((a, b) => (b.coeur_metier ? 1 : 0) - (a.coeur_metier ? 1 : 0))) {
    const sheet = sheets[row.code_rome];
    const item = items.get(row.code_ogr);
    if (!sheet || !item) continue;
    const list = item.code_rubrique === '1' ? sheet.skills : item.code_rubrique === '2' ? sheet.softSkills : sheet.knowledge;
    const label = clean(item.libelle);
    if (!list.includes(label)) list.push(label);
}
for (const sheet of Object.values(sheets)) {
    // An offer lists the core of the trade, not 80 items: keep the first (core) ones.
    sheet.skills = sheet.skills.slice(0, 14);
    sheet.softSkills = sheet.softSkills.slice(0, 6);
    sheet.knowledge = sheet.knowledge.slice(0, 10);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, zlib.gzipSync(JSON.stringify(sheets), { level: 9 }));
console.log(`${Object.keys(sheets).length} ROME sheets -> ${out} (${fs.statSync(out).size} bytes)`);
