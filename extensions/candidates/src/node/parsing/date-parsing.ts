import { fold } from './text-utils';
import { monthIndex } from '@matchpro/core/lib/common/domain/experience-duration';

/** A period found in a CV line: "janv. 2019 – aujourd'hui", "03/2016 - 09/2018", "depuis mars 2020"... */
export interface DateRange {
    /** "YYYY-MM" or "YYYY". */
    start: string;
    /** "YYYY-MM" or "YYYY"; null when current ("aujourd'hui", "Present", "depuis ..."). */
    end: string | null;
    current: boolean;
    /** Position of the match in the (folded) line, to cut it out of the line. */
    index: number;
    length: number;
}

const MONTHS: Record<string, number> = {
    janvier: 1, janv: 1, jan: 1, january: 1, ja: 1,
    fevrier: 2, fevr: 2, fev: 2, feb: 2, february: 2, febr: 2,
    mars: 3, mar: 3, march: 3,
    avril: 4, avr: 4, apr: 4, april: 4,
    mai: 5, may: 5,
    juin: 6, jun: 6, june: 6,
    juillet: 7, juil: 7, jul: 7, july: 7,
    aout: 8, aug: 8, august: 8,
    septembre: 9, sept: 9, sep: 9, september: 9,
    octobre: 10, oct: 10, october: 10,
    novembre: 11, nov: 11, november: 11,
    decembre: 12, dec: 12, december: 12
};

const MONTH_NAMES = Object.keys(MONTHS).filter(k => k.length > 2).sort((a, b) => b.length - a.length).join('|');
const YEAR = '(?:19[5-9]\\d|20[0-4]\\d)(?!\\d)';
/** One date: "mars 2020", "Mar. 2020", "03/2020", "3.2020", "2020-03", "2020". Groups: month name, year | month, year | year, month | year. */
const DATE = `\\b(?:(?:(${MONTH_NAMES})\\.?\\s*'?(${YEAR}|\\d{2}(?!\\d)))|(?:(0?[1-9]|1[0-2])\\s*[/.\\-]\\s*(${YEAR}))|(?:(${YEAR})\\s*[/\\-]\\s*(0[1-9]|1[0-2])(?![\\d/]))|(${YEAR}))`;
const PRESENT = '(?:aujourd\'hui|ce jour|a ce jour|a present|present|presently|maintenant|now|current(?:ly)?|actuel(?:lement)?|en cours|today|till date|to date|ongoing|en poste|nos jours)';
const SEP = `(?:\\s*(?:-{1,2}|–|—|−|a|au|to|until|till|jusqu'(?:a|au|en)|>|→|/)\\s*|\\s+(?=${PRESENT}\\b))`;
const RANGE_RE = new RegExp(`(?:\\b(?:de|du|from|d')\\s*)?${DATE}(?:${SEP}(?:${DATE}|(${PRESENT})\\b)|\\s*(?:-|–|—)\\s*$)`, 'g');
const SINCE_RE = new RegExp(`\\b(?:depuis(?: le| l'| la)?|since|from)\\s+${DATE}`, 'g');
const SINGLE_DATE_RE = new RegExp(DATE, 'g');

function toDate(groups: Array<string | undefined>, offset: number): string | undefined {
    const [monthName, yearOfName, monthNum, yearOfNum, yearFirst, monthAfter, yearOnly] = groups.slice(offset, offset + 7);
    if (monthName) {
        const month = MONTHS[monthName];
        let year = Number(yearOfName);
        if (yearOfName!.length === 2) {
            year += year > 50 ? 1900 : 2000;
        }
        return `${year}-${String(month).padStart(2, '0')}`;
    }
    if (monthNum) {
        return `${yearOfNum}-${monthNum.padStart(2, '0')}`;
    }
    if (yearFirst) {
        return `${yearFirst}-${monthAfter}`;
    }
    return yearOnly;
}

/** Finds the date ranges in a line, left to right. */
export function findDateRanges(line: string): DateRange[] {
    const text = fold(line).replace(/[’]/g, '\'');
    const ranges: DateRange[] = [];
    RANGE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = RANGE_RE.exec(text))) {
        const start = toDate(m, 1);
        const endDate = toDate(m, 8);
        const present = m[15];
        if (!start) {
            continue;
        }
        // "2019 –" at the end of a line: an open period, i.e. current.
        const current = !!present || (!endDate && !present);
        if (endDate && compareDates(endDate, start) < 0) {
            continue;
        }
        ranges.push({ start, end: current ? null : endDate!, current, index: m.index, length: m[0].length });
    }
    SINCE_RE.lastIndex = 0;
    while ((m = SINCE_RE.exec(text))) {
        const start = toDate(m, 1);
        if (start && !ranges.some(r => m!.index < r.index + r.length && r.index < m!.index + m![0].length)) {
            ranges.push({ start, end: null, current: true, index: m.index, length: m[0].length });
        }
    }
    return ranges.sort((a, b) => a.index - b.index);
}

/** Single dates in a line ("2014", "juin 2017"), used for education years. */
export function findDates(line: string): string[] {
    const text = fold(line);
    const dates: string[] = [];
    SINGLE_DATE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SINGLE_DATE_RE.exec(text))) {
        const d = toDate(m, 1);
        if (d) {
            dates.push(d);
        }
    }
    return dates;
}

export function compareDates(a: string, b: string): number {
    return monthIndex(a, 'start') - monthIndex(b, 'start');
}

export { Period, totalYearsOfExperience } from '@matchpro/core/lib/common/domain/experience-duration';
