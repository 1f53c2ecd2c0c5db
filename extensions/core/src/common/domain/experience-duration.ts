/**
 * How long a candidate worked, from the dated periods of the CV: one definition for the parser's
 * "years of experience" and matching's "months in the role" (they used to disagree on "2014-2016").
 */
/** Months since year 0. A year alone counts from January. */
export function monthIndex(date: string, _side: 'start' | 'end'): number {
    const [y, m] = date.split('-').map(Number);
    return y * 12 + (m ? m - 1 : 0);
}

export interface Period {
    start: string | null;
    end: string | null;
}

/**
 * Total experience in years (one decimal), overlapping periods counted once. Rules: a month is counted
 * in full ("03/2016 - 12/2018" = 34 months); a year alone starts in January and a year-only end means
 * "in that year", so "2015 - 2017" = 2 years and "2018 - 2018" = 1 year; `end: null` runs to `today`.
 * Periods without a start are ignored. Returns null when no period has a start.
 */
export function totalYearsOfExperience(periods: readonly Period[], today: Date): number | null {
    const months = monthsOfExperience(periods, today);
    return months === null ? null : Math.round(months / 12 * 10) / 10;
}

/** The same count in months (matching sums the months spent in one role). */
export function monthsOfExperience(periods: readonly Period[], today: Date): number | null {
    const now = today.getUTCFullYear() * 12 + today.getUTCMonth() + 1;
    const intervals: Array<[number, number]> = [];
    for (const p of periods) {
        if (!p.start) {
            continue;
        }
        const from = monthIndex(p.start, 'start');
        let to: number;
        if (p.end === null) {
            to = now;
        } else if (/^\d{4}$/.test(p.end)) {
            const endYear = Number(p.end) * 12;
            to = endYear <= from ? endYear + 12 : endYear;
        } else {
            to = monthIndex(p.end, 'end') + 1;
        }
        to = Math.min(to, now);
        if (to > from) {
            intervals.push([from, to]);
        }
    }
    if (!intervals.length) {
        return null;
    }
    intervals.sort((a, b) => a[0] - b[0]);
    let months = 0;
    let [curFrom, curTo] = intervals[0];
    for (const [from, to] of intervals.slice(1)) {
        if (from <= curTo) {
            curTo = Math.max(curTo, to);
        } else {
            months += curTo - curFrom;
            [curFrom, curTo] = [from, to];
        }
    }
    months += curTo - curFrom;
    return months;
}
