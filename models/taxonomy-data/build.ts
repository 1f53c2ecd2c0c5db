/**
 * Builds extensions/taxonomy/data/taxonomy.json.gz from ESCO v1.1.1 (FR/EN) and ROME 4.0 in ../shared/data.
 * Run: npx tsc -b models && node models/taxonomy-data/build.js [--data DIR]
 * No ROME<->ESCO crosswalk is read: ROME titles are linked to ESCO only at run time, by the normaliser.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import {
    CompactOccupation, CompactRomeSheet, CompactSkill, CompactTaxonomy, ESCO_OCCUPATION_PREFIX, ESCO_SKILL_PREFIX
} from '@matchpro/taxonomy/lib/node/taxonomy-data';
import { genderPairsOfLabel } from '@matchpro/taxonomy/lib/node/text-canonicalizer';

const repoRoot = path.resolve(__dirname, '..', '..');
const argData = process.argv.indexOf('--data');
const dataDir = argData > 0 ? process.argv[argData + 1] : path.resolve(repoRoot, '..', 'shared', 'data');
const outFile = path.join(repoRoot, 'extensions', 'taxonomy', 'data', 'taxonomy.json.gz');

/** RFC 4180 CSV with quoted multi-line fields. */
export function parseCsv(text: string, sep = ','): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    if (text.charCodeAt(0) === 0xfeff) { text = text.slice(1); }
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quoted) {
            if (ch === '"') {
                if (text[i + 1] === '"') { field += '"'; i++; } else { quoted = false; }
            } else { field += ch; }
        } else if (ch === '"') {
            quoted = true;
        } else if (ch === sep) {
            row.push(field); field = '';
        } else if (ch === '\n' || ch === '\r') {
            if (ch === '\r' && text[i + 1] === '\n') { i++; }
            row.push(field); field = '';
            if (row.length > 1 || row[0] !== '') { rows.push(row); }
            row = [];
        } else { field += ch; }
    }
    if (field !== '' || row.length) { row.push(field); rows.push(row); }
    return rows;
}

function readTable(file: string, sep = ','): Record<string, string>[] {
    const rows = parseCsv(fs.readFileSync(path.join(dataDir, file), 'utf8'), sep);
    const header = rows[0];
    return rows.slice(1).map(r => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

function lines(s: string | undefined): string[] {
    return (s ?? '').split('\n').map(x => x.trim()).filter(x => x.length > 0);
}

function uniq(labels: string[], exclude: string): string[] {
    const seen = new Set<string>([exclude]);
    const out: string[] = [];
    for (const l of labels) {
        if (!seen.has(l)) { seen.add(l); out.push(l); }
    }
    return out;
}

function build(): CompactTaxonomy {
    const occEn = readTable('taxonomy/esco/en_v1.1.1/occupations_en.csv');
    const occFr = new Map(readTable('taxonomy/esco/fr_v1.1.1/occupations_fr.csv').map(r => [r.conceptUri, r]));
    const skillEn = readTable('taxonomy/esco/en_v1.1.1/skills_en.csv');
    const skillFr = new Map(readTable('taxonomy/esco/fr_skills_v1.0.x/skills_fr.csv').map(r => [r.conceptUri, r]));

    const skills: CompactSkill[] = [];
    const skillIndex = new Map<string, number>();
    for (const r of skillEn) {
        if (!r.conceptUri.startsWith(ESCO_SKILL_PREFIX)) { continue; }
        const fr = skillFr.get(r.conceptUri);
        const frPref = fr?.preferredLabel.trim() ?? '';
        skillIndex.set(r.conceptUri, skills.length);
        skills.push({
            u: r.conceptUri.slice(ESCO_SKILL_PREFIX.length),
            fr: frPref,
            fa: uniq(lines(fr?.altLabels), frPref),
            en: r.preferredLabel.trim(),
            ea: uniq([...lines(r.altLabels), ...lines(r.hiddenLabels)], r.preferredLabel.trim()),
            t: r.skillType === 'knowledge' ? 'k' : 's'
        });
    }

    const occupations: CompactOccupation[] = [];
    const occIndex = new Map<string, number>();
    for (const r of occEn) {
        if (!r.conceptUri.startsWith(ESCO_OCCUPATION_PREFIX)) { continue; }
        const fr = occFr.get(r.conceptUri);
        const frPref = fr?.preferredLabel.trim() ?? '';
        occIndex.set(r.conceptUri, occupations.length);
        occupations.push({
            u: r.conceptUri.slice(ESCO_OCCUPATION_PREFIX.length),
            i: r.iscoGroup,
            fr: frPref,
            fa: uniq([...lines(fr?.altLabels), ...lines(fr?.hiddenLabels)], frPref),
            en: r.preferredLabel.trim(),
            ea: uniq([...lines(r.altLabels), ...lines(r.hiddenLabels)], r.preferredLabel.trim()),
            e: [], o: []
        });
    }
    for (const r of readTable('taxonomy/esco/relations_v1.1.1/occupationSkillRelations.csv')) {
        const o = occIndex.get(r.occupationUri);
        const s = skillIndex.get(r.skillUri);
        if (o === undefined || s === undefined) { continue; }
        (r.relationType === 'essential' ? occupations[o].e : occupations[o].o).push(s);
    }

    const romeDir = 'taxonomy/rome/RefRomeCsv_v460/';
    const sheets = new Map<string, CompactRomeSheet>();
    for (const r of readTable(romeDir + 'unix_referentiel_code_rome_v460_utf8.csv')) {
        sheets.set(r.code_rome, { c: r.code_rome, l: r.libelle_rome, t: [], k: [] });
    }
    for (const r of readTable(romeDir + 'unix_referentiel_appellation_v460_utf8.csv')) {
        const sheet = sheets.get(r.code_rome);
        if (!sheet) { continue; }
        sheet.t.push(r.libelle_appellation_long);
        if (r.libelle_appellation_court && r.libelle_appellation_court !== r.libelle_appellation_long) {
            sheet.t.push(r.libelle_appellation_court);
        }
    }
    const itemLabel = new Map(readTable(romeDir + 'unix_item_v460_utf8.csv').map(r => [r.code_ogr, r.libelle]));
    const romeItems: string[] = [];
    const romeItemIndex = new Map<string, number>();
    for (const r of readTable(romeDir + 'unix_coherence_item_v460_utf8.csv')) {
        const sheet = sheets.get(r.code_rome);
        const label = itemLabel.get(r.code_ogr);
        if (!sheet || !label) { continue; }
        let idx = romeItemIndex.get(label);
        if (idx === undefined) { idx = romeItems.length; romeItems.push(label); romeItemIndex.set(label, idx); }
        sheet.k.push(idx);
    }

    const gender = readTable('taxonomy/fr-lexicons/jtp_lemmas_job_masc_fem.csv', ';')
        .map(r => [r.LEMME.trim(), r.FLEXION.trim()] as [string, string])
        .filter(([m, f]) => m && f && m !== f);
    // aligned words of the "masculine / feminine" labels of ESCO and ROME complete the lexicon
    const known = new Set(gender.map(([m, f]) => m + '|' + f));
    const derived = [...occupations.map(o => o.fr), ...[...sheets.values()].flatMap(s => s.t)].flatMap(genderPairsOfLabel);
    for (const pair of derived) {
        const key = pair[0] + '|' + pair[1];
        if (!known.has(key)) { known.add(key); gender.push(pair); }
    }

    return {
        version: 'ESCO v1.1.1 (FR skills v1.0.x labels) + ROME 4.0 v460',
        attribution: [
            'This service uses the ESCO classification of the European Commission (Decision 2011/833/EU).',
            'France Travail - ROME 4.0 (v460), Licence Ouverte / Open Licence 2.0 (Etalab).',
            'French masculine/feminine job nouns: ESSnet Big Data / DARES JobTitleProcessing_FR, EUPL-1.2.'
        ],
        occupations, skills, rome: [...sheets.values()], romeItems, gender
    };
}

const started = Date.now();
const data = build();
const gz = zlib.gzipSync(Buffer.from(JSON.stringify(data), 'utf8'), { level: 9 });
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, gz);
console.log(`occupations ${data.occupations.length}, skills ${data.skills.length}, ROME sheets ${data.rome.length}, ` +
    `ROME titles ${data.rome.reduce((n, s) => n + s.t.length, 0)}, ROME items ${data.romeItems.length}, gender pairs ${data.gender.length}`);
console.log(`wrote ${path.relative(repoRoot, outFile)} (${(gz.length / 1e6).toFixed(2)} MB) in ${Date.now() - started} ms`);
