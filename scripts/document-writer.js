// Writes small real PDF (text with positions, Helvetica, WinAnsi) and DOCX (WordprocessingML with
// headers, footers and tables) documents. Used to generate the CV test fixtures and the demo agency's
// CV files, so both are real documents that go through the real parsers.
'use strict';
const JSZip = require('jszip');

const CP1252_EXTRA = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'Ÿ': 0x9f };

function cp1252(text) {
    const out = [];
    for (const ch of text) {
        const code = ch.codePointAt(0);
        if (CP1252_EXTRA[ch] !== undefined) {
            out.push(CP1252_EXTRA[ch]);
        } else if (code < 256) {
            out.push(code);
        } else {
            out.push(0x3f);
        }
    }
    return Buffer.from(out);
}

function pdfString(text) {
    const bytes = cp1252(text);
    const parts = [];
    for (const b of bytes) {
        if (b === 0x28 || b === 0x29 || b === 0x5c) {
            parts.push(0x5c, b);
        } else {
            parts.push(b);
        }
    }
    return Buffer.concat([Buffer.from('('), Buffer.from(parts), Buffer.from(')')]);
}

/**
 * pages: [[{x, y, text, size?, bold?}]] in PDF points (A4 595x842, origin bottom-left).
 * extraTrailer: raw text added to the trailer dictionary (used for the "encrypted" fixture).
 */
function makePdf(pages, options = {}) {
    const objects = []; // index i => object number i + 1
    const add = body => { objects.push(body); return objects.length; };
    const catalog = add(null);
    const pagesObj = add(null);
    const fontRegular = add(Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'));
    const fontBold = add(Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>'));
    const pageIds = [];
    for (const items of pages) {
        const chunks = [];
        for (const it of items) {
            chunks.push(Buffer.from(`BT /${it.bold ? 'F2' : 'F1'} ${it.size || 10} Tf ${it.x} ${it.y} Td `));
            chunks.push(pdfString(it.text));
            chunks.push(Buffer.from(' Tj ET\n'));
        }
        const content = Buffer.concat(chunks);
        const contentId = add(Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]));
        pageIds.push(add(Buffer.from(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fontRegular} 0 R /F2 ${fontBold} 0 R >> >> /Contents ${contentId} 0 R >>`)));
    }
    objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`);
    objects[pagesObj - 1] = Buffer.from(`<< /Type /Pages /Kids [${pageIds.map(id => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`);
    let encryptId;
    if (options.encrypted) {
        // Standard security handler with an unknown user password: readers must ask for a password.
        const hex = n => Buffer.alloc(32, n).toString('hex');
        encryptId = add(Buffer.from(`<< /Filter /Standard /V 1 /R 2 /O <${hex(0x5a)}> /U <${hex(0xa5)}> /P -44 >>`));
    }
    const id = '<0123456789abcdef0123456789abcdef>';
    return assemblePdf(objects, catalog, encryptId ? ` /Encrypt ${encryptId} 0 R /ID [${id} ${id}]` : '');
}

/** Writes numbered objects (object i + 1 = objects[i]) with their cross-reference table and trailer. */
function assemblePdf(objects, rootId, trailerExtra = '') {
    const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
    const offsets = [];
    let length = parts[0].length;
    objects.forEach((body, i) => {
        const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
        offsets.push(length);
        parts.push(chunk);
        length += chunk.length;
    });
    let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const off of offsets) {
        xref += `${String(off).padStart(10, '0')} 00000 n \n`;
    }
    xref += `trailer\n<< /Size ${objects.length + 1} /Root ${rootId} 0 R${trailerExtra} >>\nstartxref\n${length}\n%%EOF\n`;
    parts.push(Buffer.from(xref));
    return Buffer.concat(parts);
}

/** Lays out lines top-down from y; a line is a string, {text, size, bold}, or '' for a blank. */
function column(x, yTop, lines, lineHeight = 14) {
    const items = [];
    let y = yTop;
    for (const line of lines) {
        if (line === '') {
            y -= lineHeight * 0.8;
            continue;
        }
        const it = typeof line === 'string' ? { text: line } : line;
        items.push({ x, y, text: it.text, size: it.size || 10, bold: it.bold });
        y -= it.size && it.size > 12 ? it.size + 6 : lineHeight;
    }
    return items;
}

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const esc = s => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const para = (text, style) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
const table = rows => `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.map(r => `<w:tr>${r.map(c => `<w:tc>${(Array.isArray(c) ? c : [c]).map(t => para(t)).join('')}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

/** A DOCX from WordprocessingML body markup (use para/table), with an optional header and footer. */
async function makeDocx({ body, header, footer }) {
    // A fixed date in the zip entries keeps regenerated files byte-identical.
    const zip = new JSZip();
    const file = zip.file.bind(zip);
    zip.file = (name, data) => file(name, data, { date: new Date('2026-01-01T00:00:00Z') });
    const overrides = [['document', 'document.main'], header && ['header1', 'header'], footer && ['footer1', 'footer']].filter(Boolean);
    zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        + '<Default Extension="xml" ContentType="application/xml"/>'
        + overrides.map(([part, type]) => `<Override PartName="/word/${part}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${type}+xml"/>`).join('')
        + '</Types>');
    zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        + '</Relationships>');
    zip.file('word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + (header ? '<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' : '')
        + (footer ? '<Relationship Id="rIdF1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>' : '')
        + '</Relationships>');
    if (header) {
        zip.file('word/header1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${W_NS}>${header}</w:hdr>`);
    }
    if (footer) {
        zip.file('word/footer1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ${W_NS}>${footer}</w:ftr>`);
    }
    const sectPr = '<w:sectPr>' + (header ? '<w:headerReference w:type="default" r:id="rIdH1"/>' : '') + (footer ? '<w:footerReference w:type="default" r:id="rIdF1"/>' : '') + '</w:sectPr>';
    zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W_NS}><w:body>${body}${sectPr}</w:body></w:document>`);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

module.exports = { makePdf, assemblePdf, column, makeDocx, para, table, cp1252 };
