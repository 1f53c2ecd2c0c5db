#!/usr/bin/env node
/**
 * CV parser benchmark: field accuracy on the resume-ner corpus and throughput of the worker pool.
 *
 *   npx tsc -b extensions/candidates && node test/benchmarks/cv-parser.js [--quick] [--no-ocr]
 *
 * 1. Field accuracy (text level, the parser only) on /work/shared/data/benchmarks/resume-ner/train:
 *    310 English resumes (Indeed style) with inline labels. The resume text is the XML with its tags
 *    removed. Matching rule: values are normalised (lower case, accents and punctuation removed, spaces
 *    collapsed) and compared as sets per CV; a predicted value is a true positive when it equals a labelled
 *    value of the same field ("exact"), or, in the "lenient" columns, when one contains the other on word
 *    boundaries (e.g. "Bengaluru" vs "Bengaluru, Karnataka"). Micro-averaged precision/recall/F1.
 *    Field mapping: Name <- firstName + lastName; Email Address <- email; Location <- city and experience
 *    cities; Designation <- headline title and experience titles; Companies worked at <- experience companies;
 *    Degree <- education degrees; College Name <- education schools; Skills (Tech Tools + Job Specific Skills
 *    + Soft Skills) <- skills. The corpus labels every mention (skills named in sentences too); the parser
 *    only extracts skills of the skills sections, so skill recall is bounded by design.
 * 2. French fixtures: the same comparison on the committed French/English fixture CVs against their known
 *    values (written with the parser, so this only shows French is not left behind; no labelled French corpus).
 * 3. Throughput with the worker pool (os.availableParallelism() threads): text PDFs, DOCX (fixtures and the 65
 *    real Word CVs of /work/shared/data/cv-samples/vanetik/CV), and seconds per OCR page.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const ROOT = path.resolve(__dirname, '../..');
require(path.join(ROOT, 'node_modules/reflect-metadata'));
const parsing = path.join(ROOT, 'extensions/candidates/lib/node/parsing');
const { parseCvText } = require(path.join(parsing, 'cv-field-parser'));
const { CvParserService } = require(path.join(parsing, 'cv-parser-service'));

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const RESUME_NER = '/work/shared/data/benchmarks/resume-ner/train';
const VANETIK = '/work/shared/data/cv-samples/vanetik/CV';
const FIXTURES = path.join(ROOT, 'extensions/candidates/test-fixtures');
const TODAY = new Date(Date.UTC(2026, 10, 1));
const THREADS = os.availableParallelism ? os.availableParallelism() : os.cpus().length;

const norm = s => String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9+#]+/g, ' ').trim();
const decode = s => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&');

function readResumeNer(file) {
    const xml = fs.readFileSync(file, 'utf8').replace(/^<\?xml[^>]*>\s*/, '').replace(/^\s*<cv>/, '').replace(/<\/cv>\s*$/, '');
    const labels = {};
    const re = /<label type="([^"]+)">([\s\S]*?)<\/label>/g;
    let m;
    while ((m = re.exec(xml))) {
        (labels[m[1]] = labels[m[1]] || []).push(decode(m[2]).replace(/\s+/g, ' ').trim());
    }
    const text = decode(xml.replace(/<\/?label[^>]*>/g, ''));
    return { text, labels };
}

const FIELDS = ['Name', 'Email', 'Location', 'Designation', 'Company', 'Degree', 'College', 'Skills'];

function predictions(p) {
    return {
        Name: p.firstName || p.lastName ? [[p.firstName, p.lastName].filter(Boolean).join(' ')] : [],
        Email: p.email ? [p.email] : [],
        Location: [p.city, ...p.experiences.map(e => e.city)].filter(Boolean),
        Designation: [p.title, ...p.experiences.map(e => e.title)].filter(Boolean),
        Company: p.experiences.map(e => e.company).filter(Boolean),
        Degree: p.education.map(e => e.degree).filter(Boolean),
        College: p.education.map(e => e.school).filter(Boolean),
        Skills: p.skills.map(s => s.name)
    };
}

function gold(labels) {
    const get = (...types) => types.flatMap(t => labels[t] || []);
    return {
        Name: get('Name'), Email: get('Email Address'), Location: get('Location'), Designation: get('Designation'),
        Company: get('Companies worked at'), Degree: get('Degree'), College: get('College Name'),
        Skills: get('Tech Tools', 'Job Specific Skills', 'Soft Skills')
    };
}

const contains = (a, b) => a === b || ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);

function score(counts, field, predicted, expected) {
    const P = [...new Set(predicted.map(norm).filter(Boolean))];
    const G = [...new Set(expected.map(norm).filter(Boolean))];
    const c = counts[field] = counts[field] || { p: 0, g: 0, tpP: 0, tpG: 0, ltpP: 0, ltpG: 0 };
    c.p += P.length;
    c.g += G.length;
    c.tpP += P.filter(x => G.includes(x)).length;
    c.tpG += G.filter(x => P.includes(x)).length;
    c.ltpP += P.filter(x => G.some(y => contains(x, y))).length;
    c.ltpG += G.filter(y => P.some(x => contains(x, y))).length;
}

const pct = x => (Number.isFinite(x) ? (100 * x).toFixed(1).padStart(5) : '  n/a');
function printTable(title, counts) {
    console.log(`\n${title}`);
    console.log('field         pred  gold | exact P     R     F1 | lenient P   R     F1');
    for (const f of FIELDS) {
        const c = counts[f];
        if (!c) {
            continue;
        }
        const p = c.tpP / c.p, r = c.tpG / c.g, lp = c.ltpP / c.p, lr = c.ltpG / c.g;
        const f1 = (a, b) => (a + b ? 2 * a * b / (a + b) : 0);
        console.log(`${f.padEnd(12)} ${String(c.p).padStart(5)} ${String(c.g).padStart(5)} |   ${pct(p)} ${pct(r)} ${pct(f1(p, r))} |   ${pct(lp)} ${pct(lr)} ${pct(f1(lp, lr))}`);
    }
}

function accuracyOnResumeNer() {
    const files = fs.readdirSync(RESUME_NER).filter(f => f.endsWith('.xml')).sort((a, b) => parseInt(a) - parseInt(b));
    const counts = {};
    const t0 = process.hrtime.bigint();
    for (const f of files) {
        const { text, labels } = readResumeNer(path.join(RESUME_NER, f));
        const profile = parseCvText(text, { today: TODAY, defaultPhoneCountry: 'IN' });
        const pred = predictions(profile);
        const exp = gold(labels);
        for (const field of FIELDS) {
            score(counts, field, pred[field], exp[field]);
        }
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    printTable(`1. resume-ner train (${files.length} English CVs, text level), parser ${(ms / files.length).toFixed(2)} ms/CV single thread`, counts);
}

/** Known values of the committed fixtures (French and English). */
const FIXTURE_TRUTH = {
    'fr-one-column.pdf': { Name: ['Marie Dupont'], Email: ['marie.dupont@example.fr'], Location: ['Lyon', 'Saint-Priest', 'Vénissieux'],
        Designation: ['Cariste expérimentée', 'Cariste', 'Préparatrice de commandes', 'Manutentionnaire'], Company: ['Leroy Merlin', 'Carrefour Supply Chain', 'Adecco'],
        Degree: ['CAP Agent d’entreposage et de messagerie'], College: ['Lycée professionnel Jean Lurçat'],
        Skills: ['Gestion des stocks', 'Préparation de commandes', 'Chargement et déchargement', 'Logiciel WMS', 'Inventaire'] },
    'fr-two-columns.pdf': { Name: ['Karim Benali'], Email: ['karim.benali@example.com'], Location: ['Marseille', 'Vitrolles'],
        Designation: ['Chauffeur poids lourd', 'Chauffeur PL', 'Chauffeur livreur'], Company: ['Transports Girard', 'Geodis'],
        Degree: ['Titre professionnel Conducteur du transport routier de marchandises sur porteur'], College: ['AFPA Marseille'],
        Skills: ['Conduite de poids lourds', 'Arrimage des charges', 'Chronotachygraphe', 'Livraison en centre-ville'] },
    'fr-tables-header.docx': { Name: ['Sophie Martin'], Email: ['sophie.martin@example.com'], Location: ['Nantes'],
        Designation: ['Aide-soignante diplômée', 'Aide-soignante', 'Agent de service hospitalier'], Company: ['EHPAD Les Tilleuls', 'CHU de Nantes'],
        Degree: ['Diplôme d’État d’aide-soignant (DEAS)'], College: ['IFAS de Nantes'],
        Skills: ['Soins d’hygiène et de confort', 'Aide à la prise des repas', 'Transmissions ciblées'] },
    'fr-cv.txt': { Name: ['Julien Moreau'], Email: ['julien.moreau@example.org'], Location: ['Bordeaux', 'Mérignac'],
        Designation: ['Électricien bâtiment', 'Électricien', 'Apprenti électricien'], Company: ['Eiffage Énergie', 'SPIE'],
        Degree: ['Bac pro MELEC'], College: ['Lycée Gustave Eiffel'], Skills: [] },
    'en-cv.pdf': { Name: ['John Smith'], Email: ['john.smith@example.co.uk'], Location: ['London', 'Manchester'],
        Designation: ['Warehouse Team Leader', 'Forklift Operator'], Company: ['Amazon', 'DHL Supply Chain'],
        Degree: ['BSc Logistics and Supply Chain Management'], College: ['University of Leeds'],
        Skills: ['Team leadership', 'Inventory management', 'Forklift operation', 'SAP', 'Health and safety'] }
};

async function fixturesAccuracy(service) {
    const counts = {};
    for (const [file, truth] of Object.entries(FIXTURE_TRUTH)) {
        const { profile } = await service.parseFile(path.join(FIXTURES, file));
        const pred = predictions(profile);
        for (const field of FIELDS) {
            score(counts, field, pred[field], truth[field]);
        }
    }
    printTable(`2. committed fixtures (4 French + 1 English CV, file level; values known by construction)`, counts);
}

async function throughput(service, label, files) {
    // Warm-up: start the workers and load pdfjs/mammoth/commune index in each.
    await service.parseMany(files.slice(0, Math.max(4, service.poolSize || 2)));
    const t0 = process.hrtime.bigint();
    // process.cpuUsage() covers every thread of the process, the workers included: CPU ms per CV does not
    // depend on what else runs on the machine, unlike the wall-clock rate.
    const cpu0 = process.cpuUsage();
    const outcomes = await service.parseMany(files);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000 / files.length;
    const failed = outcomes.filter(o => o.error).length;
    console.log(`${label.padEnd(44)} ${String(files.length).padStart(5)} files  ${s.toFixed(2).padStart(6)} s  ${(files.length / s).toFixed(1).padStart(6)} CVs/s`
        + `  ${cpuMs.toFixed(1).padStart(5)} CPU ms/CV (=> ${(THREADS * 1000 / cpuMs).toFixed(0)} CVs/s on ${THREADS} idle cores)${failed ? `  (${failed} failed)` : ''}`);
    return outcomes;
}

async function main() {
    console.log(`CV parser benchmark — Node ${process.version}, ${THREADS} worker thread(s), ${os.cpus()[0].model}, load average ${os.loadavg()[0].toFixed(1)}`);
    accuracyOnResumeNer();
    const service = new CvParserService();
    service.config = { today: () => TODAY };
    try {
        await fixturesAccuracy(service);
        console.log('\n3. throughput (worker pool, warm)');
        const copies = QUICK ? 50 : 200;
        const rep = (names, n) => Array.from({ length: n }, (_, i) => path.join(FIXTURES, names[i % names.length]));
        await throughput(service, 'text PDFs (fixtures, 1 page)', rep(['fr-one-column.pdf', 'fr-two-columns.pdf', 'en-cv.pdf'], copies));
        await throughput(service, 'DOCX (fixture with tables + header)', rep(['fr-tables-header.docx'], copies));
        if (fs.existsSync(VANETIK)) {
            const real = fs.readdirSync(VANETIK).filter(f => f.endsWith('.docx')).map(f => path.join(VANETIK, f));
            const outcomes = await throughput(service, `DOCX (real CVs, vanetik, ${real.length} x ${QUICK ? 1 : 3})`, QUICK ? real : [...real, ...real, ...real]);
            const ok = outcomes.filter(o => o.result).slice(0, real.length);
            const has = f => ok.filter(o => f(o.result.profile)).length;
            console.log(`  vanetik fields found (of ${ok.length}): name ${has(p => p.lastName)}, email ${has(p => p.email)}, phone ${has(p => p.phone)}, `
                + `experiences ${has(p => p.experiences.length)}, education ${has(p => p.education.length)}, skills ${has(p => p.skills.length)}, languages ${has(p => p.languages.length)}`);
        }
        await throughput(service, 'TXT (fixture)', rep(['fr-cv.txt'], copies));
        if (!args.has('--no-ocr')) {
            // OCR: one worker at a time so the figure is seconds per page, not per core.
            const ocr = new CvParserService();
            ocr.config = { today: () => TODAY, size: 1 };
            try {
                await ocr.parseFile(path.join(FIXTURES, 'fr-scanned.png'));
                const runs = QUICK ? 2 : 4;
                const t0 = process.hrtime.bigint();
                for (let i = 0; i < runs; i++) {
                    await ocr.parseFile(path.join(FIXTURES, i % 2 ? 'fr-scanned.pdf' : 'fr-scanned.png'));
                }
                const s = Number(process.hrtime.bigint() - t0) / 1e9 / runs;
                console.log(`${'OCR (sparse page 520x580 px, eng+fra, warm)'.padEnd(44)} ${String(runs).padStart(5)} pages  ${s.toFixed(2).padStart(6)} s/page`);
            } finally {
                await ocr.dispose();
            }
        }
    } finally {
        await service.dispose();
    }
}

main().catch(e => {
    console.error(e);
    process.exit(2);
});
