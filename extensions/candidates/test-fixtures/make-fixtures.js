#!/usr/bin/env node
/**
 * Generates the CV fixtures of the parser tests (run from anywhere: `node make-fixtures.js`).
 * The outputs are committed so the tests need neither this script nor ImageMagick; re-run it only to
 * change a fixture. All people, phones and addresses are invented.
 *
 * - PDFs come from a tiny hand-written PDF writer (Helvetica, WinAnsi encoding, text placed with Td/Tj).
 * - The DOCX is a zip of hand-written WordprocessingML built with jszip (tables + a header).
 * - The scanned CV is rendered with ImageMagick `convert` (DejaVu Sans), only when it is installed.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { makePdf, assemblePdf, column, makeDocx: writeDocx, para, table, cp1252 } = require('../../../scripts/document-writer');

const OUT = __dirname;

// ---------------------------------------------------------------------------------------------------
// PDF writer

/** A one-page PDF holding only an 8-bit grey image (a scanned CV without text layer). */
function makeImagePdf(width, height, grey) {
    const zlib = require('zlib');
    const data = zlib.deflateSync(grey, { level: 9 });
    const content = Buffer.from(`q ${width * 0.48} 0 0 ${height * 0.48} 0 0 cm /Im1 Do Q`);
    const objects = [
        Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
        Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
        Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width * 0.48} ${height * 0.48}] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>`),
        Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')]),
        Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')])
    ];
    return assemblePdf(objects, 1);
}

const H = text => ({ text, size: 12, bold: true });

// ---------------------------------------------------------------------------------------------------
// Fixture contents

const frOneColumn = [
    { text: 'Marie Dupont', size: 20, bold: true },
    { text: 'Cariste expérimentée', size: 13 },
    '12 rue des Lilas, 69003 Lyon',
    'Tél. : 06 12 34 56 78',
    'marie.dupont@example.fr',
    '',
    H('PROFIL'),
    'Cariste polyvalente avec huit ans d’expérience en entrepôt logistique, rigoureuse et autonome.',
    '',
    H('EXPÉRIENCE PROFESSIONNELLE'),
    { text: 'Cariste – Leroy Merlin, Saint-Priest', bold: true },
    'janv. 2019 – aujourd’hui',
    '• Conduite de chariots élévateurs catégories 3 et 5',
    '• Préparation de commandes et réception des marchandises',
    { text: 'Préparatrice de commandes – Carrefour Supply Chain, Vénissieux', bold: true },
    '03/2016 - 12/2018',
    '• Préparation de commandes vocale, chargement des camions',
    { text: 'Manutentionnaire – Adecco, Lyon', bold: true },
    '2014 - 2016',
    '',
    H('FORMATION'),
    '2014   CAP Agent d’entreposage et de messagerie – Lycée professionnel Jean Lurçat, Lyon',
    '',
    H('COMPÉTENCES'),
    'Gestion des stocks, Préparation de commandes, Chargement et déchargement, Logiciel WMS, Inventaire',
    '',
    H('CERTIFICATIONS'),
    'CACES R489 cat. 1, 3 et 5',
    'Habilitation électrique B0',
    'SST (Sauveteur Secouriste du Travail)',
    '',
    H('LANGUES'),
    'Français : langue maternelle',
    'Anglais : notions',
    '',
    H('DIVERS'),
    'Permis B + véhicule'
];

const frSidebar = [
    H('CONTACT'),
    '+33 7 81 23 45 67',
    'karim.benali@example.com',
    '45 bd Michelet',
    '13008 Marseille',
    '',
    H('COMPÉTENCES'),
    'Conduite de poids lourds',
    'Arrimage des charges',
    'Chronotachygraphe',
    'Livraison en centre-ville',
    '',
    H('LANGUES'),
    'Arabe : bilingue',
    'Anglais : B1',
    '',
    H('PERMIS'),
    'Permis B, C et CE',
    'FIMO, FCO',
    'CACES R489 cat. 3'
];

const frMain = [
    { text: 'Karim BENALI', size: 20, bold: true },
    { text: 'Chauffeur poids lourd', size: 13 },
    '',
    H('PARCOURS'),
    { text: 'Chauffeur PL – Transports Girard, Vitrolles', bold: true },
    'Depuis mars 2020',
    'Livraisons régionales en semi-remorque, 40 t.',
    { text: 'Chauffeur livreur – Geodis, Marseille', bold: true },
    '06/2015 - 02/2020',
    'Tournées de livraison en porteur 19 t.',
    '',
    H('FORMATION'),
    'Titre professionnel Conducteur du transport routier',
    'de marchandises sur porteur – AFPA Marseille, 2015'
];

const enCv = [
    { text: 'John Smith', size: 20, bold: true },
    { text: 'Warehouse Team Leader', size: 13 },
    'London, United Kingdom  |  +44 7700 900123  |  john.smith@example.co.uk',
    '',
    H('PROFILE'),
    'Warehouse team leader with nine years of experience in e-commerce fulfilment.',
    '',
    H('WORK EXPERIENCE'),
    { text: 'Warehouse Team Leader, Amazon, London', bold: true },
    'Jan 2019 - Present',
    '- Led a team of 12 pickers and packers',
    { text: 'Forklift Operator, DHL Supply Chain, Manchester', bold: true },
    'March 2015 – December 2018',
    '- Loading, unloading and stock rotation',
    '',
    H('EDUCATION'),
    'BSc Logistics and Supply Chain Management, University of Leeds, 2014',
    '',
    H('SKILLS'),
    'Team leadership, Inventory management, Forklift operation, SAP, Health and safety',
    '',
    H('LANGUAGES'),
    'English (native), French (intermediate), Spanish – B2',
    '',
    H('CERTIFICATIONS'),
    'HACCP Level 2',
    'Full UK driving licence (B, C1)'
];

// ---------------------------------------------------------------------------------------------------
// DOCX writer

async function makeDocx() {
    const header = para('Sophie Martin') + para('07 61 23 45 89 – sophie.martin@example.com – 8 allée des Tanneurs, 44000 Nantes');
    const footer = para('Références disponibles sur demande');
    const body = [
        para('Aide-soignante diplômée', 'Title'),
        para('Expérience professionnelle', 'Heading1'),
        table([
            ['Depuis 09/2021', 'Aide-soignante', 'EHPAD Les Tilleuls, Nantes'],
            ['2017 – 2021', 'Agent de service hospitalier', 'CHU de Nantes, Nantes']
        ]),
        para('Formation', 'Heading1'),
        table([
            ['2017', 'Diplôme d’État d’aide-soignant (DEAS)', 'IFAS de Nantes']
        ]),
        para('Compétences', 'Heading1'),
        para('Soins d’hygiène et de confort'),
        para('Aide à la prise des repas'),
        para('Transmissions ciblées'),
        para('Certifications', 'Heading1'),
        para('SST, HACCP'),
        para('Langues', 'Heading1'),
        table([['Anglais', 'B1'], ['Espagnol', 'notions']]),
        para('Permis B')
    ].join('');
    return writeDocx({ body, header, footer });
}

/** A tiny ZIP whose central directory declares a 3 GB document.xml: must be refused before inflating. */
function makeZipBomb() {
    const name = Buffer.from('word/document.xml');
    const data = Buffer.from([0x03, 0x00]); // an empty deflate stream
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(3000000000, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(3000000000, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(0, 42);
    const centralOffset = local.length + name.length + data.length;
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(1, 8);
    eocd.writeUInt16LE(1, 10);
    eocd.writeUInt32LE(central.length + name.length, 12);
    eocd.writeUInt32LE(centralOffset, 16);
    return Buffer.concat([local, name, data, central, name, eocd]);
}

const txtCv = [
    'JULIEN MOREAU',
    'Électricien bâtiment',
    '27 cours de l\'Yser 33800 Bordeaux',
    'Tél : 0033 5 56 12 34 56 / julien.moreau@example.org',
    '',
    'EXPÉRIENCES',
    'Électricien - Eiffage Énergie, Mérignac (2016-2024)',
    'Installation et mise en service d\'armoires électriques.',
    'Apprenti électricien - SPIE, Bordeaux',
    'sept. 2013 - août 2016',
    '',
    'DIPLÔMES',
    'Bac pro MELEC, Lycée Gustave Eiffel, Bordeaux, 2016',
    '',
    'HABILITATIONS',
    'Habilitations électriques B1V, B2V, BR, H0V',
    'CACES R486 cat. B',
    '',
    'LANGUES',
    'Anglais (intermédiaire)',
    '',
    'Permis B'
].join('\r\n') + '\r\n';

const ocrCv = [
    'Paul Leroy',
    'Soudeur TIG',
    'Tél : 06 98 76 54 32',
    'paul.leroy@example.fr',
    '31000 Toulouse',
    '',
    'EXPÉRIENCE',
    'Soudeur TIG - Airbus, Blagnac',
    '2018 - 2023',
    '',
    'LANGUES',
    'Anglais : courant',
    '',
    'Permis B'
].join('\n');

async function main() {
    const write = (name, bytes) => {
        fs.writeFileSync(path.join(OUT, name), bytes);
        console.log(`${name}: ${bytes.length} bytes`);
    };
    const frPdf = makePdf([column(56, 790, frOneColumn)]);
    write('fr-one-column.pdf', frPdf);
    write('fr-two-columns.pdf', makePdf([[...column(30, 760, frSidebar), ...column(215, 790, frMain)]]));
    write('en-cv.pdf', makePdf([column(56, 790, enCv)]));
    const docx = await makeDocx();
    write('fr-tables-header.docx', docx);
    write('fr-cv.txt', cp1252(txtCv));
    // Malformed and tricky inputs.
    write('truncated.pdf', frPdf.subarray(0, Math.floor(frPdf.length / 3)));
    write('password.pdf', makePdf([column(56, 790, ['Confidentiel'])], { encrypted: true }));
    write('zip-bomb.docx', makeZipBomb());
    write('empty.pdf', Buffer.alloc(0));
    write('docx-named.pdf', docx);
    const noise = Buffer.alloc(2048);
    let seed = 42;
    for (let i = 0; i < noise.length; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        noise[i] = seed & 0xff;
    }
    noise[0] = 0x00;
    write('unknown-content.docx', noise);
    // Scanned CV: ImageMagick renders the text at ~150 dpi (grey, 16 levels keeps the PNG small).
    try {
        execFileSync('convert', ['-background', 'white', '-fill', 'black', '-font', 'DejaVu-Sans', '-pointsize', '26',
            '-bordercolor', 'white', '-border', '60', `label:${ocrCv.replace(/%/g, '%%')}`, '-colorspace', 'Gray', '-colors', '16',
            '-depth', '8', path.join(OUT, 'fr-scanned.png')], { stdio: 'inherit' });
        console.log(`fr-scanned.png: ${fs.statSync(path.join(OUT, 'fr-scanned.png')).size} bytes`);
        // The same scan inside a PDF without text layer.
        const png = path.join(OUT, 'fr-scanned.png');
        const [w, h] = execFileSync('identify', ['-format', '%w %h', png]).toString().trim().split(' ').map(Number);
        const grey = execFileSync('convert', [png, '-depth', '8', 'gray:-'], { maxBuffer: 64 * 1024 * 1024 });
        write('fr-scanned.pdf', makeImagePdf(w, h, grey));
    } catch (e) {
        console.warn(`fr-scanned.png not regenerated (ImageMagick convert unavailable): ${e.message}`);
    }
}

main().catch(e => {
    console.error(e);
    process.exit(1);
});
