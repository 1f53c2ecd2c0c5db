import * as assert from 'node:assert/strict';
import { findDateRanges, totalYearsOfExperience } from './date-parsing';

describe('date-parsing', () => {
    const first = (line: string) => {
        const r = findDateRanges(line)[0];
        return r ? { start: r.start, end: r.end } : undefined;
    };

    it('reads French periods', () => {
        assert.deepEqual(first('janv. 2019 – aujourd\'hui'), { start: '2019-01', end: null });
        assert.deepEqual(first('03/2016 - 09/2018'), { start: '2016-03', end: '2018-09' });
        assert.deepEqual(first('depuis mars 2020'), { start: '2020-03', end: null });
        assert.deepEqual(first('Depuis 09/2021 | Aide-soignante'), { start: '2021-09', end: null });
        assert.deepEqual(first('2015-2017'), { start: '2015', end: '2017' });
        assert.deepEqual(first('De septembre 2013 à août 2016'), { start: '2013-09', end: '2016-08' });
        assert.deepEqual(first('sept. 2013 - août 2016'), { start: '2013-09', end: '2016-08' });
        assert.deepEqual(first('févr. 2020 à ce jour'), { start: '2020-02', end: null });
        assert.deepEqual(first('Électricien (2016-2024)'), { start: '2016', end: '2024' });
    });

    it('reads English periods', () => {
        assert.deepEqual(first('Jan 2019 - Present'), { start: '2019-01', end: null });
        assert.deepEqual(first('March 2015 – December 2018'), { start: '2015-03', end: '2018-12' });
        assert.deepEqual(first('August 2016 to Present'), { start: '2016-08', end: null });
        assert.deepEqual(first('since May 2021'), { start: '2021-05', end: null });
        assert.deepEqual(first('2012/05 - 2014/02'), { start: '2012-05', end: '2014-02' });
    });

    it('ignores phone numbers, postcodes and reversed periods', () => {
        assert.equal(first('06 12 34 56 78'), undefined);
        assert.equal(first('12 rue des Lilas, 69003 Lyon'), undefined);
        assert.equal(first('2019 - 2015'), undefined);
    });

    it('counts overlapping periods once', () => {
        const today = new Date(Date.UTC(2026, 10, 15));
        assert.equal(totalYearsOfExperience([{ start: '2016-03', end: '2018-12' }], today), 2.8);
        // 2014-2016 (24 months) overlaps nothing; 2015-06..2016-05 overlaps it for 7 months.
        assert.equal(totalYearsOfExperience([{ start: '2014', end: '2016' }, { start: '2015-06', end: '2016-05' }], today), 2.4);
        // Current position runs to the injected "today" (November 2026 counted).
        assert.equal(totalYearsOfExperience([{ start: '2020-03', end: null }], today), 6.8);
        assert.equal(totalYearsOfExperience([{ start: '2018', end: '2018' }], today), 1);
        assert.equal(totalYearsOfExperience([{ start: null, end: null }], today), null);
    });
});
