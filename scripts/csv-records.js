// RFC 4180 CSV (quoted fields, doubled quotes, CRLF) to one object per row keyed by the header: what the
// development scripts read (ROME source files, the Vanetik vacancies). The product itself reads tables
// through its import formats, not this.
'use strict';

function parseCsvRecords(text) {
    const rows = [];
    let row = [], field = '', quoted = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quoted) {
            if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') { quoted = false; } else { field += ch; }
        } else if (ch === '"') { quoted = true; } else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (ch !== '\r') { field += ch; }
    }
    if (field || row.length) { row.push(field); rows.push(row); }
    const [header, ...data] = rows;
    return data.map(values => Object.fromEntries(header.map((h, i) => [h, values[i] ?? ''])));
}

module.exports = { parseCsvRecords };
