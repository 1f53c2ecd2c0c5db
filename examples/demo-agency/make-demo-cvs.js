#!/usr/bin/env node
// Renders the demo agency's CVs (cv-sources.json) as real PDF, DOCX and TXT files in cvs/, so loading
// the demo data exercises the real import pipeline. The people are fictional. Run from anywhere:
//   node examples/demo-agency/make-demo-cvs.js
'use strict';
const fs = require('fs');
const path = require('path');
const { makePdf, column, makeDocx, para } = require('../../scripts/document-writer');

/** Section titles are written in capitals or are short known words: set them in bold. */
const isHeading = line => /^[A-ZÉÈÀÇ' ]{5,}$/.test(line) || /^(Expérience professionnelle|Formation|Compétences|Certifications|Langues|Expérience)$/i.test(line);

async function main() {
    const sources = JSON.parse(fs.readFileSync(path.join(__dirname, 'cv-sources.json'), 'utf8'));
    const out = path.join(__dirname, 'cvs');
    fs.mkdirSync(out, { recursive: true });
    for (const { file, lines } of sources) {
        let bytes;
        if (file.endsWith('.pdf')) {
            const styled = lines.map((line, i) => i === 0 ? { text: line, size: 18, bold: true } : isHeading(line) ? { text: line, size: 12, bold: true } : line);
            bytes = makePdf([column(56, 790, styled)]);
        } else if (file.endsWith('.docx')) {
            bytes = await makeDocx({ body: lines.map((line, i) => para(line, i === 0 ? 'Title' : isHeading(line) ? 'Heading1' : undefined)).join('') });
        } else {
            bytes = Buffer.from(lines.join('\n') + '\n', 'utf8');
        }
        fs.writeFileSync(path.join(out, file), bytes);
        console.log(`${file}: ${bytes.length} bytes`);
    }
}

main().catch(error => { console.error(error); process.exit(1); });
