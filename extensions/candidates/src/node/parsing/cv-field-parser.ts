import type { ParsedEducation, ParsedExperience, ParsedProfile, ParsedSkill } from '@matchpro/core/lib/common/parsed-profile';
import { CommuneIndex } from './commune-index';
import { CvSection, headingKind, SectionKind, splitSections } from './cv-sections';
import { DateRange, findDateRanges, findDates, totalYearsOfExperience } from './date-parsing';
import { parseLanguages } from './language-parsing';
import { parseCertifications, parseDrivingLicences } from './licence-parsing';
import { findPhones, PhoneOptions } from './phone-parsing';
import { collapseSpaces, fold, isBulletLine, normaliseTypography, stripBullet, titleCaseName } from './text-utils';

export interface CvFieldParserOptions {
    /** "Today", for current positions ("depuis mars 2020", "Present"); injectable for tests. */
    today?: Date;
    communes?: CommuneIndex;
    /** Country of national phone numbers without a prefix; French by default. */
    defaultPhoneCountry?: PhoneOptions['defaultCountry'];
}

/**
 * Rule-based extraction of a candidate profile from CV text, French and English. Pure and synchronous:
 * it runs inside the parsing worker threads. Skills are the raw mentions of the skills sections; linking
 * them to ESCO is done afterwards by an optional linker (see CvParserService).
 */
export function parseCvText(rawText: string, options: CvFieldParserOptions = {}): ParsedProfile {
    const communes = options.communes ?? CommuneIndex.get();
    const today = options.today ?? new Date();
    let text = normaliseTypography(rawText).replace(/\r\n?/g, '\n').replace(/\t/g, '  ').replace(/\f/g, '\n');
    // Text flattened by some converters (one line, fields separated by runs of spaces): the runs were line breaks.
    if (text.length > 400 && (text.match(/\n/g)?.length ?? 0) < text.length / 400) {
        text = text.replace(/ {2,}/g, '\n');
    }
    const language = detectCvLanguage(text);
    const sections = splitSections(text);
    const ctx: Context = { communes, sections, text, lines: text.split('\n') };

    const email = findEmail(text);
    const topText = sections.filter(s => s.kind === 'header' || s.kind === 'contact').map(s => s.lines.join('\n')).join('\n');
    const phoneOptions = { defaultCountry: options.defaultPhoneCountry };
    const phone = findPhones(topText, phoneOptions)[0] ?? findPhones(text, phoneOptions)[0] ?? null;
    const name = findName(ctx, email);
    const location = findLocation(ctx, name?.line);

    const experiences = parseExperiences(linesOf(sections, 'experience'), ctx);
    const education = parseEducation(linesOf(sections, 'education'), ctx);
    const languageLines = linesOf(sections, 'languages');
    const languages = parseLanguages(languageLines.length ? languageLines.join('\n') : languageMentions(text));
    const years = totalYearsOfExperience(experiences, today) ?? statedYearsOfExperience(text);

    return {
        firstName: name?.firstName ?? null,
        lastName: name?.lastName ?? null,
        email,
        phone,
        city: location?.city ?? null,
        postcode: location?.postcode ?? null,
        drivingLicences: parseDrivingLicences(text),
        certifications: parseCertifications(text),
        languages,
        skills: parseSkills(linesOf(sections, 'skills')),
        experiences,
        education,
        yearsOfExperience: years,
        title: findHeadline(ctx, name?.line) ?? experiences.find(e => e.title)?.title ?? null,
        summary: summaryOf(linesOf(sections, 'profile')),
        language
    };
}

interface Context {
    communes: CommuneIndex;
    sections: CvSection[];
    text: string;
    lines: string[];
}

function linesOf(sections: CvSection[], kind: SectionKind): string[] {
    const out: string[] = [];
    for (const s of sections.filter(x => x.kind === kind)) {
        out.push(...s.lines, '');
    }
    return out;
}

// ---------------------------------------------------------------------------------------------------
// Language of the CV

const FR_WORDS = new Set(['le', 'la', 'les', 'des', 'et', 'du', 'en', 'pour', 'avec', 'dans', 'une', 'sur', 'au', 'aux', 'de',
    'experience', 'competences', 'formation', 'langues', 'depuis', 'chez', 'permis', 'anglais', 'francais']);
const EN_WORDS = new Set(['the', 'and', 'of', 'to', 'in', 'with', 'for', 'on', 'at', 'a', 'an', 'experience', 'skills', 'education',
    'languages', 'present', 'university', 'english', 'french', 'worked', 'responsible']);

export function detectCvLanguage(text: string): 'fr' | 'en' {
    let fr = 0;
    let en = 0;
    for (const w of fold(text.slice(0, 20000)).split(/[^a-z]+/)) {
        if (FR_WORDS.has(w)) {
            fr++;
        }
        if (EN_WORDS.has(w)) {
            en++;
        }
    }
    fr += (text.slice(0, 20000).match(/[éèêàçùœ]/g)?.length ?? 0) / 4;
    return en > fr ? 'en' : 'fr';
}

// ---------------------------------------------------------------------------------------------------
// Identity

const EMAIL_RE = /[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}/;

function findEmail(text: string): string | null {
    const m = EMAIL_RE.exec(text);
    return m ? m[0].replace(/^[._\-]+|[._\-]+$/g, '').toLowerCase() : null;
}

const NAME_PARTICLES = new Set(['de', 'du', 'des', 'le', 'la', 'van', 'von', 'der', 'den', 'di', 'da', 'dos', 'das', 'del', 'el', 'al', 'ben', 'bin', 'ibn']);
const NOT_NAME_WORDS = new Set(('curriculum vitae cv resume profil profile page contact email mail telephone tel phone adresse address mobile '
    + 'engineer developer manager assistant consultant analyst leader team officer executive technician operator driver chauffeur cariste '
    + 'soudeur electricien infirmier infirmiere aide agent responsable chef directeur directrice commercial commerciale comptable vendeur '
    + 'vendeuse preparateur preparatrice manutentionnaire ouvrier ouvriere technicien technicienne ingenieur developpeur conseiller '
    + 'conseillere employe employee secretaire senior junior stagiaire apprenti auxiliaire operateur operatrice magasinier logisticien '
    + 'soignant soignante mecanicien macon plombier peintre cuisinier serveur serveuse hotesse caissier caissiere designer architect '
    + 'architecte specialist specialiste administrator administrateur coordinator coordinateur supervisor superviseur associate trainee '
    + 'intern student etudiant etudiante software data sales marketing business customer service services support warehouse logistics '
    + 'logistique project projet web full stack java python lead head president director ceo cto graduate fresher professional expert '
    + 'experimente experimentee diplome diplomee polyvalent polyvalente poids lourd french english france united kingdom street rue avenue '
    + 'boulevard allee chemin impasse place route competences experience formation langues skills education languages summary objective '
    + 'permis licence certifications references hobbies interets loisirs ltd limited inc sarl sas group groupe company societe '
    + 'key strengths areas excellence management development office road drive lane technologies solutions systems '
    + 'university universite college school ecole lycee institute institut name title the building rd st applicant programmer '
    + 'revenue enhancement core qualifications licenses state strategy sales').split(' '));

interface NameMatch {
    firstName: string;
    lastName: string;
    line: number;
}

function nameTokens(line: string): string[] | undefined {
    const s = line.trim().replace(/^["'“”«»]+|["'“”«»]+$/g, '').trim()
        .replace(/^(?:nom\s*:|name\s*:|m\.|mme|mr\.?|mrs\.?|ms\.?|mlle|monsieur|madame)\s+/i, '');
    if (!s || s.length > 45 || /[@\d:|/\\(),;•+=_]/.test(s) || headingKind(s)) {
        return undefined;
    }
    const words = s.split(/\s+/);
    if (words.length < 2 || words.length > 5) {
        return undefined;
    }
    let real = 0;
    for (const w of words) {
        if (NAME_PARTICLES.has(w)) {
            continue;
        }
        if (!/^\p{Lu}[\p{L}'’\-.]*$/u.test(w) || w.length < 2 || NOT_NAME_WORDS.has(fold(w).replace(/[.'’]/g, ''))) {
            return undefined;
        }
        real++;
    }
    return real >= 2 ? words : undefined;
}

function findName(ctx: Context, email: string | null): NameMatch | undefined {
    const emailLocal = email ? fold(email.split('@')[0]).replace(/[^a-z]/g, '') : '';
    const candidates: Array<{ words: string[]; line: number; rank: number; inBody: boolean }> = [];
    let kind: SectionKind = 'header';
    let nonEmpty = 0;
    for (let i = 0; i < ctx.lines.length && nonEmpty < 60; i++) {
        const line = ctx.lines[i];
        if (!line.trim()) {
            continue;
        }
        nonEmpty++;
        const heading = headingKind(line);
        if (heading) {
            kind = heading;
            continue;
        }
        const words = nameTokens(line);
        if (words && !(words.length <= 3 && (ctx.communes.byName(words.join(' ')).some(c => c.population > 2000) || ctx.communes.worldCity(words.join(' '))))) {
            candidates.push({ words, line: i, rank: nonEmpty, inBody: kind === 'experience' || kind === 'education' || kind === 'skills' });
        }
    }
    if (!candidates.length) {
        return undefined;
    }
    // A name confirmed by the e-mail address wins ("Karim BENALI" / karim.benali@...), else the first one.
    const confirmed = emailLocal ? candidates.find(c => {
        const parts = c.words.filter(w => !NAME_PARTICLES.has(w)).map(w => fold(w).replace(/[^a-z]/g, ''));
        return parts.filter(p => p.length >= 2 && emailLocal.includes(p)).length >= Math.min(2, parts.length)
            || (parts.length >= 2 && emailLocal.includes(parts[parts.length - 1]) && emailLocal.startsWith(parts[0][0]));
    }) : undefined;
    // Unconfirmed, a name must be among the first lines: further down, capitalised pairs are mostly
    // skills, headings or company names.
    const chosen = confirmed ?? candidates.find(c => !c.inBody && c.rank < 8);
    if (!chosen) {
        return undefined;
    }
    const words = chosen.words;
    const isCaps = (w: string) => /\p{L}{2,}/u.test(w) && w === w.toUpperCase() && !NAME_PARTICLES.has(w);
    const caps = words.filter(isCaps);
    let first: string[];
    let last: string[];
    if (caps.length && caps.length < words.length) {
        // French convention: the family name in capitals, before or after the first name.
        const firstCaps = words.findIndex(isCaps);
        const lastCaps = words.length - 1 - [...words].reverse().findIndex(isCaps);
        last = words.slice(firstCaps, lastCaps + 1);
        first = words.filter((_, i) => i < firstCaps || i > lastCaps);
        // Particles just before the capitals belong to the family name ("Jean de LA FONTAINE").
        while (first.length > 1 && NAME_PARTICLES.has(first[first.length - 1])) {
            last.unshift(first.pop()!);
        }
    } else {
        first = [words[0]];
        last = words.slice(1);
    }
    const clean = (ws: string[]) => ws.map(w => (isCaps(w) ? titleCaseName(w) : w)).join(' ');
    return { firstName: clean(first), lastName: clean(last), line: chosen.line };
}

const BIRTH_RE = /\b(?:n[ée]e? le|date de naissance|born|birth|[aâ]ge\b|\d{1,2}\s*ans\b|nationalit|permis|mari[ée]|c[ée]libataire|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})/i;
const CONTACT_LINE_RE = /@|\d{2}[\s.\-]?\d{2}[\s.\-]?\d{2}|https?:|www\.|linkedin|github|\b\d{5}\b|t[ée]l\b|phone|mobile|e-?mail|adresse|address/i;

/** The headline job title: the first short line after the name that is not contact data or a heading. */
function findHeadline(ctx: Context, nameLine: number | undefined): string | null {
    if (nameLine === undefined) {
        return null;
    }
    let seen = 0;
    for (let i = nameLine + 1; i < ctx.lines.length && seen < 4; i++) {
        const line = ctx.lines[i].trim();
        if (!line) {
            continue;
        }
        seen++;
        if (headingKind(line)) {
            return null;
        }
        if (CONTACT_LINE_RE.test(line) || /:/.test(line) || findDateRanges(line).length || BIRTH_RE.test(line)) {
            continue;
        }
        const words = line.split(/\s+/);
        if (words.length <= 8 && line.length <= 70 && !/[.!?]$/.test(line) && /\p{L}{3}/u.test(line)) {
            // "Software Engineer - Disney": the headline is the title, not the employer.
            return stripBullet(line).split(/\s+[–—-]\s+|\s+(?:chez|at|@)\s+/)[0].trim();
        }
        return null;
    }
    return null;
}

// ---------------------------------------------------------------------------------------------------
// Location

interface Location {
    city: string;
    postcode: string | null;
}

const POSTCODE_RE = /\b(\d{5})\b/g;

function findLocation(ctx: Context, nameLine: number | undefined): Location | undefined {
    const headerLines: string[] = [];
    let kind: SectionKind = 'header';
    ctx.lines.forEach((line, i) => {
        const heading = headingKind(line);
        if (heading) {
            kind = heading;
        } else if ((kind === 'header' || kind === 'contact' || i < 12) && i !== nameLine) {
            headerLines.push(line);
        }
    });
    // 1. "69003 Lyon", "Nantes (44000)", "Lyon 69003": a postcode next to the name of a commune it serves.
    const fromPostcode = (lines: string[]) => {
        for (const line of lines) {
            POSTCODE_RE.lastIndex = 0;
            let m: RegExpExecArray | null;
            while ((m = POSTCODE_RE.exec(line))) {
                const pc = m[1];
                if (!ctx.communes.byPostcode(pc).length) {
                    continue;
                }
                const after = line.slice(m.index + 5).replace(/^[\s,)\]–-]+/, '').split(/[,;|()/•]|\s{2,}|\s[–-]\s/)[0].trim().split(/\s+/);
                const before = line.slice(0, m.index).replace(/[\s,(\[–-]+$/, '').split(/[,;|()/•]|\s{2,}|\s[–-]\s/).pop()!.trim().split(/\s+/);
                for (let n = Math.min(after.length, 6); n >= 1; n--) {
                    const c = ctx.communes.match(after.slice(0, n).join(' '), pc);
                    if (c) {
                        return { city: c.name, postcode: pc };
                    }
                }
                for (let n = Math.min(before.length, 6); n >= 1; n--) {
                    const c = ctx.communes.match(before.slice(before.length - n).join(' '), pc);
                    if (c) {
                        return { city: c.name, postcode: pc };
                    }
                }
            }
        }
        return undefined;
    };
    const withPostcode = fromPostcode(headerLines) ?? fromPostcode(ctx.lines.slice(0, 40));
    if (withPostcode) {
        return withPostcode;
    }
    // 2. A known city named alone in the contact block ("London, United Kingdom", "Marseille").
    for (const line of headerLines) {
        if (/@/.test(line) && !/[,|]/.test(line)) {
            continue;
        }
        for (const part of line.split(/[,;|•/()]|\s{2,}|\s[–-]\s|:/)) {
            const city = cityIn(part.trim(), ctx.communes, 5000);
            if (city) {
                return city;
            }
        }
    }
    return undefined;
}

/** A city named in a short text part: the whole part or one of its 1-3 word sequences. */
function cityIn(part: string, communes: CommuneIndex, minPopulation: number): Location | undefined {
    if (!part || part.length > 60 || !/^\p{Lu}/u.test(part)) {
        return undefined;
    }
    const words = part.split(/\s+/);
    for (let n = Math.min(3, words.length); n >= 1; n--) {
        for (let i = 0; i + n <= words.length; i++) {
            const candidate = words.slice(i, i + n).join(' ');
            if (!/^\p{Lu}/u.test(candidate) || NOT_NAME_WORDS.has(fold(candidate))) {
                continue;
            }
            const world = communes.worldCity(candidate);
            if (world) {
                return { city: world, postcode: null };
            }
            const c = communes.byName(candidate)[0];
            if (c && c.population >= minPopulation) {
                return { city: c.name, postcode: c.postcodes.length === 1 ? c.postcodes[0] : null };
            }
        }
    }
    return undefined;
}

function isCity(text: string, communes: CommuneIndex): string | undefined {
    const t = text.trim().replace(/\(\d{2,5}\)$/, '').replace(/\b\d{5}\b/, '').trim();
    if (!t || t.length > 40 || !/^\p{Lu}/u.test(t)) {
        return undefined;
    }
    const first = t.split(',')[0].trim();
    const world = communes.worldCity(first);
    if (world) {
        return t.includes(',') ? t : world;
    }
    const c = communes.byName(first)[0];
    if (c) {
        return c.name;
    }
    // "Pune, Maharashtra", "Austin, TX": a capitalised place followed by its region.
    return /^\p{Lu}[\p{L}.' -]{1,30},\s*\p{Lu}[\p{L}.' -]{1,30}$/u.test(t) && t.split(/\s+/).length <= 5 ? t : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Experiences

interface LineInfo {
    text: string;
    bullet: boolean;
    blank: boolean;
    ranges: DateRange[];
}

function splitPieces(text: string): string[] {
    let pieces = text.split(/\s*\|\s*|\s{2,}/).map(p => p.trim()).filter(Boolean);
    if (pieces.length === 1) {
        pieces = text.split(/\s+[–—-]\s+|\s+(?:chez|at|@)\s+/i).map(p => p.trim()).filter(Boolean);
    }
    if (pieces.length === 1) {
        pieces = text.split(/\s*,\s*/).map(p => p.trim()).filter(Boolean);
    }
    return pieces;
}

function cleanHeader(text: string): string {
    return collapseSpaces(text.replace(/\(\s*\)|\[\s*\]/g, ' ').replace(/^[\s|,;:–—\-•·()]+|[\s|,;:–—\-•·(]+$/g, ''));
}

function headerToExperience(headerLines: string[], communes: CommuneIndex): Pick<ParsedExperience, 'title' | 'company' | 'city'> {
    let title: string | null = null;
    let company: string | null = null;
    let city: string | null = null;
    const takeCity = (piece: string): string => {
        // "Bonduelle (Arras)"
        const paren = /^(.+?)\s*\(([^()]+)\)$/.exec(piece);
        if (paren && isCity(paren[2], communes)) {
            city = city ?? isCity(paren[2], communes)!;
            return paren[1];
        }
        // "Leroy Merlin, Saint-Priest" / "Infosys - Bengaluru, Karnataka": the city is the tail.
        const comma = piece.split(/\s*,\s*/);
        for (let i = 1; i < comma.length; i++) {
            const found = isCity(comma.slice(i).join(', '), communes) ?? isCity(comma[i], communes);
            if (found) {
                city = city ?? found;
                return comma.slice(0, i).join(', ');
            }
        }
        return piece;
    };
    if (headerLines.length >= 2) {
        title = cleanHeader(headerLines[0]) || null;
        const rest = splitPieces(cleanHeader(headerLines[1]));
        company = rest[0] ? takeCity(rest[0]) : null;
        for (const p of rest.slice(1)) {
            city = city ?? isCity(p, communes) ?? null;
        }
    } else if (headerLines.length === 1) {
        const pieces = splitPieces(cleanHeader(headerLines[0]));
        title = pieces[0] ?? null;
        if (pieces.length > 1) {
            company = takeCity(pieces[1]);
            for (const p of pieces.slice(2)) {
                const c = isCity(p, communes);
                if (c) {
                    city = city ?? c;
                } else if (!city) {
                    company = `${company}, ${p}`;
                }
            }
        }
    }
    if (company && !city) {
        const c = isCity(company, communes);
        if (c && pieceCount(headerLines) > 2) {
            city = c;
            company = null;
        }
    }
    return { title: title || null, company: company || null, city };
}

function pieceCount(lines: string[]): number {
    return lines.reduce((n, l) => n + splitPieces(l).length, 0);
}

/** A period line without its period: "Cariste – Leroy Merlin (2016-2019)" -> "Cariste – Leroy Merlin". */
function ownTextOf(info: LineInfo): string {
    const r = info.ranges[0];
    return cleanHeader(info.text.slice(0, r.index) + ' ' + info.text.slice(r.index + r.length));
}

function isCompanyLine(line: string, communes: CommuneIndex): boolean {
    const pieces = splitPieces(line).map(cleanHeader).filter(Boolean);
    return pieces.length === 1 || (pieces.length === 2 && !!isCity(pieces[1], communes));
}

function isHeaderLike(info: LineInfo): boolean {
    return !info.blank && !info.bullet && !info.ranges.length && info.text.length <= 100 && !/[.;:]$/.test(info.text)
        && !/https?:|www\.|@/.test(info.text)
        && info.text.split(/\s+/).length <= 14 && /\p{L}{2}/u.test(info.text);
}

export function parseExperiences(lines: string[], ctx: Pick<Context, 'communes'>): ParsedExperience[] {
    const infos: LineInfo[] = lines.map(l => {
        const text = stripBullet(l);
        const bullet = isBulletLine(l);
        let ranges = text ? findDateRanges(text) : [];
        if (!ranges.length && text) {
            ranges = singleDatePeriod(text);
        }
        // A description sentence that mentions years is not a period line.
        if (ranges.length && text.length - ranges[0].length > 110) {
            ranges = [];
        }
        return { text, bullet: bullet && !ranges.length, blank: !text, ranges };
    });
    const dateLines = infos.map((info, i) => (info.ranges.length ? i : -1)).filter(i => i >= 0);
    if (!dateLines.length) {
        return [];
    }
    const consumed = new Set<number>(dateLines);
    const ownText = (i: number) => ownTextOf(infos[i]);
    // Layout of the section: titles above their dates (most CVs) or below them (date-first CVs).
    const firstBare = dateLines.find(i => !/\p{L}{3}/u.test(ownText(i)));
    let headerAbove = true;
    if (firstBare !== undefined) {
        let j = firstBare - 1;
        while (j >= 0 && infos[j].blank) {
            j--;
        }
        headerAbove = j >= 0 && isHeaderLike(infos[j]) && !dateLines.some(d => d < firstBare && d >= j);
    }
    const experiences: ParsedExperience[] = [];
    for (const i of dateLines) {
        const range = infos[i].ranges[0];
        const own = ownText(i);
        let header: string[] = [];
        if (/\p{L}{3}/u.test(own) && !/^(?:depuis|since|from|de|du|au|to)$/i.test(own)) {
            header = [own];
            // "Developer - 2019" then "Trucknet - Tel Aviv": the company on the next line, unless that line
            // is the heading of the next period (a date line follows it).
            let j = i + 1;
            while (j < infos.length && infos[j].blank) {
                j++;
            }
            let k = j + 1;
            while (k < infos.length && infos[k].blank) {
                k++;
            }
            if (splitPieces(own).length === 1 && j < infos.length && !consumed.has(j) && isHeaderLike(infos[j])
                && isCompanyLine(infos[j].text, ctx.communes) && !(k < infos.length && infos[k].ranges.length && !/\p{L}{3}/u.test(ownTextOf(infos[k])))) {
                header.push(infos[j].text);
                consumed.add(j);
            }
        } else if (headerAbove) {
            for (let j = i - 1; j >= 0 && header.length < 2; j--) {
                if (infos[j].blank) {
                    continue;
                }
                if (consumed.has(j) || !isHeaderLike(infos[j])) {
                    break;
                }
                // A second line above is taken only when the first one cannot hold the title: a single piece
                // (company under title) or "Company - City" (Indeed layout).
                if (header.length === 1 && !isCompanyLine(header[0], ctx.communes)) {
                    break;
                }
                header.unshift(infos[j].text);
                consumed.add(j);
            }
        } else {
            for (let j = i + 1; j < infos.length && header.length < 2; j++) {
                if (infos[j].blank) {
                    continue;
                }
                if (consumed.has(j) || !isHeaderLike(infos[j])) {
                    break;
                }
                if (header.length === 1 && splitPieces(header[0]).length > 1) {
                    break;
                }
                header.push(infos[j].text);
                consumed.add(j);
            }
        }
        const { title, company, city } = headerToExperience(header, ctx.communes);
        experiences.push({ title, company, city, start: range.start, end: range.current ? null : range.end });
    }
    return experiences;
}

/**
 * A short line with one date at its start or end and no range ("Front-End Developer - 2019",
 * "Juin 2018 | Saisonnier"): a period within that year or month.
 */
function singleDatePeriod(text: string): DateRange[] {
    if (text.split(/\s+/).length > 10) {
        return [];
    }
    const m = /^((?:[\p{L}]{3,9}\.?\s+)?(?:19[5-9]\d|20[0-4]\d))(?:\s*[|,:–-]\s*|\s{2,})\S|\S(?:\s*[|,:–-]\s*|\s{2,})((?:[\p{L}]{3,9}\.?\s+)?(?:19[5-9]\d|20[0-4]\d))$/u.exec(text);
    if (!m) {
        return [];
    }
    const datePart = m[1] ?? m[2];
    const dates = findDates(datePart);
    if (dates.length !== 1) {
        return [];
    }
    const index = m[1] !== undefined ? 0 : text.length - datePart.length;
    return [{ start: dates[0], end: dates[0], current: false, index, length: datePart.length }];
}

function statedYearsOfExperience(text: string): number | null {
    const m = /\b(\d{1,2})\+?\s*(?:ans|annees|years?|yrs)\s*(?:d'|of\s+)?(?:solide\s+)?(?:experience|exp)/i.exec(fold(text));
    return m ? Number(m[1]) : null;
}

// ---------------------------------------------------------------------------------------------------
// Education

const SCHOOL_RE = /\b(?:lycee|college|universite|university|univ|ecole|school|institut|institute|iut|ifas|ifsi|afpa|greta|cfa|academy|academie|faculte|faculty|polytechnique|polytechnic|campus|centre de formation|conservatoire|insa|cnam|iae|vidyalaya|vidyapeeth|mahavidyalaya|board|cbse|icse|ecole superieure)\b/;
const DEGREE_RE = /\b(?:cap|bep|bac|baccalaureat|bts|dut|but|licence|master|mastere|doctorat|diplome|deas|deaes|titre professionnel|titre pro|cqp|brevet|bsc|b\.?\s?sc|ba|msc|m\.?\s?sc|mba|phd|ph\.d|bachelor|bachelors|masters|b\.?\s?e|b\.?\s?tech|m\.?\s?tech|m\.?\s?e|mca|bca|b\.?\s?com|m\.?\s?com|diploma|certificate|certification|hnd|a-levels|gcse|ssc|hsc|10th|12th|degree|ingenieur|engineering|dea|dess|deug|pgdm|post graduate|graduation|hsc|sslc|puc|intermediate|matriculation|b\.?\s?a|m\.?\s?a|bba|bbm|b\.?\s?pharm|mbbs)\b/;
const YEAR_RE = /\b(19[5-9]\d|20[0-4]\d)\b/g;
/** What is left of "2012 to 2016" or "2014 - aujourd'hui" once the years are cut out. */
const PERIOD_WORDS = new Set(['to', 'a', 'au', 'from', 'de', 'du', 'present', 'aujourd\'hui', 'till', 'until', 'expected', 'en cours', 'since', 'depuis']);

export function parseEducation(lines: string[], ctx: Pick<Context, 'communes'>): ParsedEducation[] {
    // Join wrapped lines: a line starting in lower case continues the previous one.
    const joined: string[] = [];
    for (const raw of lines) {
        const text = stripBullet(raw);
        if (!text) {
            continue;
        }
        const prev = joined[joined.length - 1];
        if (prev !== undefined && /^\p{Ll}/u.test(text) && !/[.;]$/.test(prev)) {
            joined[joined.length - 1] = `${prev} ${text}`;
        } else {
            joined.push(text);
        }
    }
    const entries: ParsedEducation[] = [];
    let current: ParsedEducation | undefined;
    for (const line of joined) {
        const folded = fold(line);
        const years = [...line.matchAll(YEAR_RE)].map(m => Number(m[1]));
        const hasDegree = DEGREE_RE.test(folded);
        const pieces = splitPieces(line.replace(/\(?\b(?:19[5-9]\d|20[0-4]\d)\b(?:\s*[–-]\s*\b(?:19[5-9]\d|20[0-4]\d)\b)?\)?/g, ' | '))
            .map(p => cleanHeader(p)).filter(p => /\p{L}{2}/u.test(p) && !PERIOD_WORDS.has(fold(p)));
        const startNew = !current || (hasDegree && !!current.degree) || (years.length > 0 && current.year !== null && (hasDegree || pieces.length > 0));
        if (startNew) {
            current = { degree: null, school: null, year: null };
            entries.push(current);
        }
        const entry = current!;
        if (years.length) {
            entry.year = Math.max(...years);
        }
        for (const piece of pieces) {
            const f = fold(piece);
            // Pieces that match no keyword fill a field only when short and not a sentence.
            const plain = piece.split(/\s+/).length <= 8 && !/[.:;]$/.test(piece) && !/@|https?:/.test(piece);
            if (SCHOOL_RE.test(f) && !entry.school) {
                // "Lycée Jean Lurçat, Lyon": the city is not part of the school's name.
                const parts = piece.split(/\s*,\s*/);
                entry.school = parts.length > 1 && isCity(parts[parts.length - 1], ctx.communes) ? parts.slice(0, -1).join(', ') : piece;
            } else if (DEGREE_RE.test(f) && !entry.degree) {
                entry.degree = piece;
            } else if (isCity(piece, ctx.communes)) {
                continue;
            } else if (!entry.degree && plain) {
                entry.degree = piece;
            } else if (!entry.school && plain) {
                entry.school = piece;
            }
        }
    }
    // An entry is kept when it names a degree or a school recognisably; the rest is usually honours or notes.
    return entries.filter(e => (e.degree && DEGREE_RE.test(fold(e.degree))) || (e.school && SCHOOL_RE.test(fold(e.school))));
}

// ---------------------------------------------------------------------------------------------------
// Skills, languages elsewhere, summary

export function parseSkills(lines: string[]): ParsedSkill[] {
    const skills: ParsedSkill[] = [];
    const seen = new Set<string>();
    for (const raw of lines) {
        let line = stripBullet(raw);
        if (!line) {
            continue;
        }
        // "Langages : Java, Python" -> the items after a short label.
        const labelled = /^([^:]{2,40}):\s*(.+)$/.exec(line);
        if (labelled && labelled[1].split(/\s+/).length <= 4) {
            line = labelled[2];
        }
        const items = line.replace(/\((?:less than |moins d')?[^()]{0,30}(?:years?|ans?|mois|months?)\)/gi, '')
            .split(/\s*[,;•·|]\s*|\s{2,}|\s+[–-]\s+/);
        for (const item of items) {
            const name = item.replace(/^[\s\-–*·.]+|[\s\-–*·.:]+$/g, '').replace(/\s+/g, ' ');
            const words = name.split(' ').length;
            if (name.length < 2 || name.length > 60 || words > 6 || !/\p{L}/u.test(name)) {
                continue;
            }
            const key = fold(name);
            if (!seen.has(key)) {
                seen.add(key);
                skills.push({ name });
            }
        }
    }
    return skills;
}

/** Without a languages section: lines that name a language together with a level word. */
function languageMentions(text: string): string {
    return text.split('\n').filter(l => /\b(?:langue|language|anglais|english|espagnol|spanish|allemand|german|italien|arabe|francais|french)\b/i.test(fold(l))
        && /\b(?:[abc][12]|courant|bilingue|maternelle|natif|native|fluent|notions|intermediaire|intermediate|scolaire|basic|toeic)\b/i.test(fold(l)))
        .join('\n');
}

function summaryOf(lines: string[]): string | null {
    const text = collapseSpaces(lines.map(stripBullet).join(' '));
    return text ? text.slice(0, 1000) : null;
}
