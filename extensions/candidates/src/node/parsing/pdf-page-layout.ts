/**
 * Rebuilds the reading order of a PDF page from positioned text runs. PDF has no notion of lines or
 * columns: runs are grouped into lines by baseline, and a two-column layout (a CV sidebar) is detected
 * from an empty vertical band (the gutter) so that each column is read top to bottom on its own.
 */
export interface PositionedText {
    text: string;
    /** Left of the run, PDF points. */
    x: number;
    /** Baseline, PDF points, origin at the bottom. */
    y: number;
    width: number;
    /** Font size in points. */
    size: number;
}

interface Line {
    y: number;
    size: number;
    text: string;
}

/** Two runs on one line further apart than this many font sizes are separated by two spaces (a field gap). */
const FIELD_GAP = 2.5;

export function layoutPageText(items: PositionedText[], pageWidth: number): string {
    if (!items.length) {
        return '';
    }
    const gutter = findGutter(items, pageWidth);
    if (gutter === undefined) {
        return linesToText(buildLines(items));
    }
    const left: PositionedText[] = [];
    const right: PositionedText[] = [];
    const across: PositionedText[] = [];
    for (const it of items) {
        if (it.x + it.width <= gutter) {
            left.push(it);
        } else if (it.x >= gutter) {
            right.push(it);
        } else {
            across.push(it);
        }
    }
    // Full-width runs above both columns (a banner with the name) come first, the rest after.
    const columnsTop = Math.max(...left.concat(right).map(i => i.y));
    const above = across.filter(i => i.y > columnsTop);
    const below = across.filter(i => i.y <= columnsTop);
    // The column holding the largest type (the candidate's name, as a rule) is read first, so that the
    // name stays among the first lines whichever side the sidebar is on.
    const maxSize = (list: PositionedText[]) => list.reduce((m, i) => Math.max(m, i.size), 0);
    const columns = maxSize(right) > maxSize(left) ? [right, left] : [left, right];
    return [above, ...columns, below].filter(g => g.length).map(g => linesToText(buildLines(g))).join('\n\n');
}

/**
 * Finds the x of a column gutter: the widest band, in the middle 70% of the page, that no run (or almost
 * none) crosses, with a real amount of text on both sides. Rejects the "title ... date" row layout of a
 * one-column CV, where one side is mostly dates sitting on the same baselines as the other side.
 */
export function findGutter(items: PositionedText[], pageWidth: number): number | undefined {
    const width = Math.max(pageWidth, ...items.map(i => i.x + i.width));
    const bins = Math.ceil(width);
    const cover = new Int32Array(bins + 1);
    for (const it of items) {
        const from = Math.max(0, Math.floor(it.x));
        const to = Math.min(bins, Math.ceil(it.x + it.width));
        for (let b = from; b < to; b++) {
            cover[b]++;
        }
    }
    const tolerance = Math.max(1, Math.floor(items.length * 0.03));
    const lo = Math.floor(width * 0.15);
    const hi = Math.ceil(width * 0.85);
    const bands: Array<{ start: number; end: number }> = [];
    let start = -1;
    for (let b = lo; b <= hi; b++) {
        const free = cover[b] <= tolerance;
        if (free && start < 0) {
            start = b;
        }
        if ((!free || b === hi) && start >= 0) {
            const end = free ? b + 1 : b;
            if (end - start >= 8) {
                bands.push({ start, end });
            }
            start = -1;
        }
    }
    // The widest band that separates two real columns (a ragged right margin is wide but has nothing beyond it).
    bands.sort((a, b) => (b.end - b.start) - (a.end - a.start));
    for (const band of bands) {
        const gutter = (band.start + band.end) / 2;
        if (isColumnGutter(items, gutter)) {
            return gutter;
        }
    }
    return undefined;
}

function isColumnGutter(items: PositionedText[], gutter: number): boolean {
    const left = items.filter(i => i.x + i.width <= gutter);
    const right = items.filter(i => i.x >= gutter);
    const chars = (list: PositionedText[]) => list.reduce((n, i) => n + i.text.length, 0);
    const total = chars(items);
    if (chars(left) < total * 0.15 || chars(right) < total * 0.15) {
        return false;
    }
    const leftLines = new Set(left.map(i => Math.round(i.y)));
    const rightLines = new Set(right.map(i => Math.round(i.y)));
    if (leftLines.size < 4 || rightLines.size < 4) {
        return false;
    }
    const [smaller, other] = leftLines.size <= rightLines.size ? [leftLines, rightLines] : [rightLines, leftLines];
    let aligned = 0;
    for (const y of smaller) {
        if (other.has(y) || other.has(y - 1) || other.has(y + 1)) {
            aligned++;
        }
    }
    if (aligned / smaller.size <= 0.7) {
        return true;
    }
    // Baselines shared by both sides: a sidebar with the same leading as the main column, or a one-column
    // CV with dates in a column of their own (then the dates must stay on their rows).
    const dateLike = (list: PositionedText[]) => list.filter(i => /\b(?:19|20)\d{2}\b/.test(i.text)).length >= list.length * 0.5;
    return !dateLike(left) && !dateLike(right);
}

function buildLines(items: PositionedText[]): Line[] {
    const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
    const groups: PositionedText[][] = [];
    for (const it of sorted) {
        const current = groups[groups.length - 1];
        if (current && Math.abs(current[0].y - it.y) <= Math.min(current[0].size, it.size) * 0.45) {
            current.push(it);
        } else {
            groups.push([it]);
        }
    }
    return groups.map(group => {
        group.sort((a, b) => a.x - b.x);
        let text = '';
        let prevEnd = -Infinity;
        for (const it of group) {
            const gap = it.x - prevEnd;
            if (text && !/\s$/.test(text) && !/^\s/.test(it.text)) {
                if (gap > it.size * FIELD_GAP) {
                    text += '  ';
                } else if (gap > it.size * 0.15) {
                    text += ' ';
                }
            }
            text += it.text;
            prevEnd = Math.max(prevEnd, it.x + it.width);
        }
        return { y: group[0].y, size: Math.max(...group.map(g => g.size)), text: text.replace(/[ \t]+$/, '') };
    });
}

function linesToText(lines: Line[]): string {
    const out: string[] = [];
    for (let i = 0; i < lines.length; i++) {
        if (i > 0) {
            const gap = lines[i - 1].y - lines[i].y;
            if (gap > Math.max(lines[i - 1].size, lines[i].size) * 1.75) {
                out.push('');
            }
        }
        out.push(lines[i].text);
    }
    return out.join('\n');
}
