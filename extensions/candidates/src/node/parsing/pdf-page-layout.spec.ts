import * as assert from 'node:assert/strict';
import { findGutter, layoutPageText, PositionedText } from './pdf-page-layout';

const run = (text: string, x: number, y: number, size = 10): PositionedText => ({ text, x, y, width: text.length * size * 0.5, size });

describe('pdf-page-layout', () => {
    it('rebuilds lines from runs and separates far-apart runs', () => {
        const text = layoutPageText([run('Cariste', 50, 700), run('2019 - 2023', 450, 700), run('Leroy', 50, 686), run('Merlin', 80, 686)], 595);
        assert.equal(text, 'Cariste  2019 - 2023\nLeroy Merlin');
    });

    it('reads a sidebar layout column by column', () => {
        const items: PositionedText[] = [];
        ['CONTACT', '06 12 34 56 78', 'a@b.fr', 'COMPÉTENCES', 'Gerbage', 'Picking'].forEach((t, i) => items.push(run(t, 30, 780 - i * 14)));
        ['Marie Dupont', 'EXPÉRIENCE', 'Cariste - Leroy Merlin', 'janv. 2019 - aujourd\'hui', 'Conduite de chariots', 'FORMATION'].forEach((t, i) => items.push(run(t, 220, 780 - i * 14)));
        assert.ok(findGutter(items, 595)! > 100 && findGutter(items, 595)! < 220);
        const lines = layoutPageText(items, 595).split('\n').filter(Boolean);
        assert.deepEqual(lines.slice(0, 3), ['CONTACT', '06 12 34 56 78', 'a@b.fr']);
        assert.equal(lines[6], 'Marie Dupont');
    });

    it('reads first the column with the largest type (the name)', () => {
        const items: PositionedText[] = [];
        ['CONTACT', '06 12 34 56 78', 'a@b.fr', 'COMPÉTENCES', 'Gerbage', 'Picking'].forEach((t, i) => items.push(run(t, 30, 780 - i * 14)));
        items.push(run('Marie Dupont', 220, 790, 20));
        ['EXPÉRIENCE', 'Cariste - Leroy Merlin', 'janv. 2019 - aujourd\'hui', 'Conduite de chariots', 'FORMATION'].forEach((t, i) => items.push(run(t, 220, 760 - i * 14)));
        assert.equal(layoutPageText(items, 595).split('\n')[0], 'Marie Dupont');
    });

    it('keeps a one-column page with right-aligned dates as rows', () => {
        const items: PositionedText[] = [];
        for (let i = 0; i < 6; i++) {
            items.push(run(`Poste numero ${i}`, 50, 700 - i * 14), run(`201${i} - 202${i}`, 470, 700 - i * 14));
        }
        assert.equal(findGutter(items, 595), undefined);
        assert.equal(layoutPageText(items, 595).split('\n')[0], 'Poste numero 0  2010 - 2020');
    });
});
