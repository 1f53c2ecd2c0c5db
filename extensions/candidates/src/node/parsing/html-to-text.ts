/**
 * Turns mammoth's HTML into lines of text. Block elements end a line. A table row whose cells hold one
 * short paragraph each becomes one line with cells separated by " | " ("2019 | Cariste | Leroy Merlin");
 * a row of multi-paragraph cells (a CV laid out with a table as sidebar) is emitted cell by cell.
 */
export function htmlToText(html: string): string {
    const out: string[] = [];
    const tokens = html.split(/(<[^>]+>)/);
    // Stack of open tables: rows of cells, each cell a list of lines.
    const tables: string[][][][] = [];
    let line = '';
    const flush = () => {
        const text = line.replace(/\s+/g, ' ').trim();
        line = '';
        if (!text) {
            return;
        }
        const table = tables[tables.length - 1];
        if (table && table.length) {
            const row = table[table.length - 1];
            if (row.length) {
                row[row.length - 1].push(text);
                return;
            }
        }
        out.push(text);
    };
    const emit = (lines: string[]) => {
        const table = tables[tables.length - 1];
        if (table && table.length && table[table.length - 1].length) {
            const row = table[table.length - 1];
            row[row.length - 1].push(...lines);
        } else {
            out.push(...lines);
        }
    };
    for (const token of tokens) {
        if (!token.startsWith('<')) {
            line += decodeEntities(token);
            continue;
        }
        const m = /^<(\/?)([a-z0-9]+)/i.exec(token);
        if (!m) {
            continue;
        }
        const closing = m[1] === '/';
        const tag = m[2].toLowerCase();
        switch (tag) {
            case 'table':
                flush();
                if (closing) {
                    const rows = tables.pop() ?? [];
                    emit(tableLines(rows));
                    out.push('');
                } else {
                    tables.push([]);
                }
                break;
            case 'tr':
                flush();
                if (!closing) {
                    tables[tables.length - 1]?.push([]);
                }
                break;
            case 'td':
            case 'th':
                flush();
                if (!closing) {
                    const table = tables[tables.length - 1];
                    table?.[table.length - 1]?.push([]);
                }
                break;
            case 'br':
                flush();
                break;
            case 'p': case 'li': case 'div':
                flush();
                break;
            case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
                flush();
                // A blank line before a heading helps the section splitter.
                if (!closing && !tables.length && out.length && out[out.length - 1] !== '') {
                    out.push('');
                }
                break;
            case 'ul': case 'ol':
                flush();
                break;
        }
    }
    flush();
    return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

function tableLines(rows: string[][][]): string[] {
    const lines: string[] = [];
    for (const row of rows) {
        const cells = row.filter(c => c.length);
        if (!cells.length) {
            continue;
        }
        const simple = cells.every(c => c.length === 1 && c[0].length <= 120);
        if (simple) {
            lines.push(cells.map(c => c[0]).join(' | '));
        } else {
            for (const cell of cells) {
                lines.push(...cell, '');
            }
        }
    }
    return lines;
}

function decodeEntities(s: string): string {
    return s.replace(/&(lt|gt|amp|quot|apos|nbsp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
        switch (e.toLowerCase()) {
            case 'lt': return '<';
            case 'gt': return '>';
            case 'amp': return '&';
            case 'quot': return '"';
            case 'apos': return '\'';
            case 'nbsp': return ' ';
        }
        return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    });
}
