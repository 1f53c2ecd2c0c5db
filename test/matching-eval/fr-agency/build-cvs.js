#!/usr/bin/env node
// Renders the CVs of the fr-agency matching evaluation set (cvs.json) as real PDF and DOCX files in
// cvs/, with the repository's own document writer, so the set goes through the real parsers. The
// people are fictional. Run from anywhere:
//   node test/matching-eval/fr-agency/build-cvs.js
//
// cvs.json: [{file, layout, name, headline, contact: [lines], main: [[heading, [lines]]], side: [[heading, [lines]]]}]
// layout: PDF "one" (one column), "two" (sidebar left), "two-right" (sidebar right);
//         DOCX "plain" (paragraphs), "header" (contact lines in the page header), "table" (two-cell table).
// A line starting with "!" is set in bold (a job title line); "" is a blank line.
'use strict';
const fs = require('fs');
const path = require('path');
const { makePdf, makeDocx, para } = require('../../../scripts/document-writer');

const esc = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const boldPara = text => `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;

/** Splits a line into pieces of at most `max` characters at spaces. */
function wrap(text, max) {
    const out = [];
    let cur = '';
    for (const word of text.split(' ')) {
        if (cur && (cur + ' ' + word).length > max) {
            out.push(cur);
            cur = word;
        } else {
            cur = cur ? cur + ' ' + word : word;
        }
    }
    if (cur) out.push(cur);
    return out;
}

/** Lays styled lines top-down from yTop, wrapping at maxChars and breaking pages below y = 50. */
function layColumn(x, yTop, lines, maxChars, pages, size = 10) {
    let page = 0;
    let y = yTop;
    const put = (text, sz, bold) => {
        if (y < 50) {
            page += 1;
            y = 790;
        }
        (pages[page] = pages[page] || []).push({ x, y, text, size: sz, bold });
        y -= sz > 12 ? sz + 6 : Math.round(sz * 1.4);
    };
    for (const line of lines) {
        if (line.blank) {
            y -= 8;
            continue;
        }
        const pieces = wrap(line.text, line.size && line.size > size ? Math.floor(maxChars * size / line.size) : maxChars);
        pieces.forEach(p => put(p, line.size || size, line.bold));
    }
}

function styledLines(cv, sections, withIdentity) {
    const lines = [];
    if (withIdentity) {
        lines.push({ text: cv.name, size: 18, bold: true });
        lines.push({ text: cv.headline, size: 12, bold: true });
        cv.contact.forEach(c => lines.push({ text: c }));
    }
    for (const [heading, body] of sections) {
        lines.push({ blank: true });
        lines.push({ text: heading, size: 12, bold: true });
        for (const l of body) {
            if (l === '') lines.push({ blank: true });
            else if (l.startsWith('!')) lines.push({ text: l.slice(1), bold: true });
            else lines.push({ text: l });
        }
    }
    return lines;
}

function renderPdf(cv) {
    const pages = [];
    const side = cv.side || [];
    if (cv.layout === 'one') {
        layColumn(56, 790, styledLines(cv, [...cv.main, ...side], true), 92, pages);
    } else {
        const sidebar = [{ text: cv.name, size: 14, bold: true }, { text: cv.headline, bold: true }, ...cv.contact.map(c => ({ text: c }))];
        const sideLines = [...sidebar, ...styledLines(cv, side, false)];
        const mainLines = styledLines(cv, cv.main, false);
        if (cv.layout === 'two') {
            layColumn(30, 790, sideLines, 34, pages, 9);
            layColumn(215, 790, mainLines, 64, pages);
        } else {
            layColumn(40, 790, mainLines, 64, pages);
            layColumn(400, 790, sideLines, 32, pages, 9);
        }
    }
    return makePdf(pages.map(p => p || []));
}

function sectionXml(sections) {
    return sections.map(([heading, body]) => para(heading, 'Heading1') + body.map(l => l === '' ? para('') : l.startsWith('!') ? boldPara(l.slice(1)) : para(l)).join('')).join('');
}

async function renderDocx(cv) {
    const side = cv.side || [];
    const identity = para(cv.name, 'Title') + para(cv.headline, 'Subtitle');
    if (cv.layout === 'header') {
        const header = para(cv.name) + para(cv.contact.join(' – '));
        return makeDocx({ header, body: para(cv.headline, 'Title') + sectionXml([...cv.main, ...side]), footer: para(`${cv.name} – CV`) });
    }
    if (cv.layout === 'table') {
        const left = identity + cv.contact.map(c => para(c)).join('') + sectionXml(side);
        const right = sectionXml(cv.main);
        const cell = (xml, w) => `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/></w:tcPr>${xml}</w:tc>`;
        const tbl = `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tr>${cell(left, 3200)}${cell(right, 6400)}</w:tr></w:tbl>`;
        return makeDocx({ body: tbl + para('') });
    }
    return makeDocx({ body: identity + cv.contact.map(c => para(c)).join('') + sectionXml([...cv.main, ...side]) });
}

async function main() {
    const cvs = JSON.parse(fs.readFileSync(path.join(__dirname, 'cvs.json'), 'utf8'));
    const out = path.join(__dirname, 'cvs');
    fs.mkdirSync(out, { recursive: true });
    const seen = new Set();
    for (const cv of cvs) {
        if (seen.has(cv.file)) throw new Error(`duplicate file ${cv.file}`);
        seen.add(cv.file);
        const isPdf = cv.file.endsWith('.pdf');
        if (isPdf !== ['one', 'two', 'two-right'].includes(cv.layout)) throw new Error(`${cv.file}: layout ${cv.layout} does not fit the extension`);
        const bytes = isPdf ? renderPdf(cv) : await renderDocx(cv);
        fs.writeFileSync(path.join(out, cv.file), bytes);
    }
    console.log(`${cvs.length} CVs written to ${out}`);
}

main().catch(error => { console.error(error); process.exit(1); });
