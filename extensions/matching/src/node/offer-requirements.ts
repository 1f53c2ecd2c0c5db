import type { JobOffer } from '@matchpro/core/lib/common';
import { cefrRank, LANGUAGE_NAMES, parseLanguageLevel } from '@matchpro/core/lib/common/domain/language-level';
import { RECRUITMENT_ABBREVIATIONS } from '@matchpro/core/lib/common/domain/recruitment-abbreviations';
import { foldText } from '@matchpro/core/lib/common/text-folding';
import { isContentWord, stemsOf, termHash, wordsOf } from '@matchpro/core/lib/common/text-terms';
import type { RequirementKind } from '../common/requirement-evidence';
import { Certification, parseCertification } from './certification';
import { parseLicence } from './driving-licence';

/** One word of a requirement: the hashes of its stems (any of them found counts). */
export interface RequirementWord {
    word: string;
    hashes: number[];
}

/** An offer requirement, typed, with the ways a CV may word it. */
export interface OfferRequirement {
    text: string;
    kind: RequirementKind;
    mandatory: boolean;
    weight: number;
    certification?: Certification;
    licence?: string;
    /** Experience: years asked (undefined = "experience in the role" without a duration). */
    years?: number;
    /** Experience: the role, in the offer's words ("restauration collective", "line cook"). */
    role?: string;
    roleWords?: RequirementWord[];
    /** Experience: the role is the offer's own job (its ESCO occupation counts, not only its words). */
    roleIsOfferTitle?: boolean;
    /** Experience: ESCO occupations the role links to, and its encoder vector (set when the offer is prepared). */
    roleOccupations?: number[];
    roleVector?: Float32Array;
    language?: { code: string; rank: number; level: string | null };
    /** The requirement's own words, then each abbreviation or expansion of them. */
    alternatives: RequirementWord[][];
}

const CERTIFICATE_WORDS = /\b(caces|habilitation|fimo|fco|sst|adr|aipr|haccp|psc1|ssiap|certificat|certification|certified|certificate|carte professionnelle|carte btp|autorisation de conduite|licence cariste)\b/;
/** Diplomas and titles as French and English CVs and offers name them (folded); requirement-check.ts reads diploma lines with them. */
export const DIPLOMA_TERMS = 'titre professionnel|titre pro|tp|bts|bac|bac pro|baccalaureat|cap|bep|bp|dut|but|licence pro(?:fessionnelle)?|master|diplome|diplomee?|deas|deap|dei|ide|degree|bachelor|diploma|cqp|cqpm|ccp|brevet';
const DIPLOMA_WORDS = new RegExp(`\\b(${DIPLOMA_TERMS})\\b`);
const TOOL_WORDS = /\b(sap|excel|word|office|pack office|sage|cegid|ciel|ebp|quadratus|autocad|solidworks|wms|erp|terminal|scanner|rf|pistolet|logiciel|software|outlook|crm|salesforce|caisse|tpe|transpalette|gerbeur|nacelle|chariot|outil|outils|tool|tools|tableur|spreadsheet|pda|grue|pelle|chargeuse|tractopelle|poste a souder)\b/;
const TASK_START = /^(reception|receiving|controle|checking|preparation|preparing|picking|conduite|driving|operating|gestion|managing|saisie|accueil|entretien|nettoyage|cleaning|montage|assembly|pose|lecture|reading|soudure|welding|chargement|loading|dechargement|unloading|inventaire|mise|suivi|realisation|encaissement|vente|selling|conseil|facturation|invoicing|rapprochement|soins|aide|toilette|distribution|livraison|delivery|manutention|handling|stockage|rangement|emballage|packing|etiquetage|labelling|cuisson|cooking|elaboration|dressage|plonge|tenue|respect|application|utilisation|maintenance|depannage|installation|cablage|tirage|raccordement|reglage|usinage|relation|animation|approvisionnement|mise en rayon|tri|sorting)\b/;
const EXPERIENCE_WORDS = /\b(experience|experiences|exp|pratique|practice|background)\b/;
const DURATION = /(\d+(?:[.,]\d+)?)\s*(?:a|to|-|a\s)?\s*(?:\d+\s*)?(ans?|annees?|years?|yrs?|mois|months?)\b/;
const SAME_ROLE = /^((sur |dans |a )?(un |le |ce )?(poste|role|position|emploi|metier)s? )?(similaires?|similar|equivalente?s?|identiques?|same|au poste|dans le poste|in the role|dans le meme domaine|dans le domaine)$/;

/** Words and stems of a phrase (stop words out). */
export function requirementWords(text: string): RequirementWord[] {
    return wordsOf(text).filter(isContentWord).map(word => ({ word, hashes: stemsOf(word).map(termHash) }));
}

/** The phrase and every rewriting of it by the abbreviation table, both ways ("SST" <-> "sauveteur secouriste du travail"). */
export function alternativePhrasings(text: string): string[] {
    const variants = phrasingVariants(text).map(v => wordsOf(v).join(' ')).filter(Boolean);
    // The recruiter's own words first, then their abbreviations and expansions.
    const out = new Set<string>(variants);
    for (const variant of variants) { addAbbreviations(variant, out); }
    // Two words rewritten at once ("warehouse picking" -> "entrepot preparation de commandes").
    for (const once of [...out].slice(variants.length)) { addAbbreviations(once, out); }
    return [...out].slice(0, 16);
}

/**
 * "soudure TIG (procédé 141)" is also "soudure TIG"; "lecture de plans / isométriques" and "MIG/MAG"
 * are either one: each is a phrasing of its own.
 */
function phrasingVariants(text: string): string[] {
    const out = [text];
    const bare = text.replace(/\([^)]*\)/g, ' ').replace(/\s+(ou|or)\s+(equivalent|équivalent|similaire|similar)\b.*$/i, '').replace(/\s+/g, ' ').trim();
    if (bare && bare !== text) { out.push(bare); }
    const parts = bare.split(/\s*\/\s*|\s+ou\s+|\s+or\s+|\s*,\s*/i).map(x => x.trim())
        .filter(x => requirementWords(x).length > 0 && !/^(equivalent|équivalent|similaire|similar|autre|other)s?$/i.test(x));
    if (parts.length > 1) {
        // "soudure MIG/MAG": the head of the first part goes with the others ("soudure MAG").
        const head = parts[0].split(/\s+/).slice(0, -1).join(' ');
        out.push(...parts, ...parts.slice(1).filter(x => !x.includes(' ') && head).map(x => `${head} ${x}`));
    }
    return out;
}

function addAbbreviations(text: string, out: Set<string>): void {
    const folded = ' ' + text + ' ';
    for (const [abbreviation, expansions] of Object.entries(RECRUITMENT_ABBREVIATIONS)) {
        const short = ' ' + wordsOf(abbreviation).join(' ') + ' ';
        if (folded.includes(short)) {
            for (const long of expansions) { out.add(folded.replace(short, ' ' + wordsOf(long).join(' ') + ' ').trim()); }
        }
        for (const long of expansions) {
            const longWords = ' ' + wordsOf(long).join(' ') + ' ';
            if (folded.includes(longWords)) { out.add(folded.replace(longWords, short).trim()); }
        }
    }
}

/** The role of an experience requirement: "2 ans d'expérience en restauration collective" -> "restauration collective". */
function experienceRole(folded: string, offerTitle: string): string {
    let role = folded
        .replace(DURATION, ' ')
        .replace(/\b(minimum|min|au moins|at least|de plus de|more than|over|plus de|confirmee?s?|significative|reussie|proven|solid|recent|recente)\b/g, ' ')
        .replace(/\s+/g, ' ').trim();
    const after = /\b(?:experiences?|exp|pratique|practice|background)\b\s*(?:professionnelle\s*)?(?:d'|de|du|des|en|dans|au|a la|as|in|of|on|sur|comme|chez)?\s*(?:un|une|le|la|les|l'|a|an|the)?\s*(.*)$/.exec(role);
    const before = /^(.*?)\s*\b(?:experiences?|exp|practice|background)\b/.exec(role);
    role = (after && after[1].trim()) || (before && before[1].trim()) || '';
    role = role.replace(/^(d'|de|du|des|en|dans|as|in|of)\s+/, '').replace(/['.]/g, ' ').trim();
    return !role || SAME_ROLE.test(role) || requirementWords(role).length === 0 ? offerTitle : role;
}

/** Types one requirement as a recruiter reads it. */
export function typeRequirement(text: string, offerTitle = ''): Pick<OfferRequirement, 'kind' | 'certification' | 'licence' | 'years' | 'role' | 'language'> {
    const folded = foldText(text).replace(/\s+/g, ' ').trim();
    // "3 ans d'expérience en conduite PL/SPL" is experience, not a licence.
    const experienceFirst = EXPERIENCE_WORDS.test(folded) && DURATION.test(folded);
    if (!experienceFirst && /\b(permis|licen[cs]e|driving|poids lourds?|super poids lourds?|pl|spl|hgv)\b/.test(folded) && !/\blicence pro/.test(folded)) {
        // The category may sit among other words ("HGV licence C+E", "permis B obligatoire").
        const token = [...folded.matchAll(/(?:^|[\s(])(c1e|d1e|c\s?\+\s?e|d\s?\+\s?e|b\s?\+\s?e|ce|ec|de|be|c1|d1|a1|a2|am|[abcd])(?=[\s).,;]|$)/g)][0]?.[1];
        const licence = parseLicence(text) ?? (token ? parseLicence(token) : undefined)
            ?? (/\b(super poids lourds?|spl)\b/.test(folded) ? 'CE' : /\b(poids lourds?|pl|hgv)\b/.test(folded) ? 'C' : undefined);
        if (licence) { return { kind: 'licence', licence }; }
    }
    const certification = parseCertification(text);
    if (certification.family !== 'other') { return { kind: 'certification', certification }; }
    const duration = DURATION.exec(folded);
    if (EXPERIENCE_WORDS.test(folded) && !DIPLOMA_WORDS.test(folded.replace(/\bexperience\b.*$/, ''))) {
        let years: number | undefined;
        if (duration) {
            const n = Number(duration[1].replace(',', '.'));
            years = /^(mois|months?)$/.test(duration[2]) ? n / 12 : n;
        }
        return { kind: 'experience', years, role: experienceRole(folded, offerTitle) };
    }
    const words = wordsOf(folded);
    const languageWord = words.find(w => LANGUAGE_NAMES[w]);
    if (languageWord && words.filter(isContentWord).length <= 4) {
        const level = parseLanguageLevel(folded);
        return { kind: 'language', language: { code: LANGUAGE_NAMES[languageWord], rank: cefrRank(level) || 3, level } };
    }
    if (CERTIFICATE_WORDS.test(folded)) { return { kind: 'certification', certification }; }
    if (DIPLOMA_WORDS.test(folded)) { return { kind: 'diploma' }; }
    // "conduite de chariot" is a task done with a tool: the action comes first.
    if (TASK_START.test(folded) || /^[a-z]+ing\b/.test(folded)) { return { kind: 'task' }; }
    if (TOOL_WORDS.test(folded)) { return { kind: 'tool' }; }
    return { kind: 'skill' };
}

function requirement(text: string, mandatory: boolean, weight: number, offerTitle: string): OfferRequirement {
    const typed = typeRequirement(text, offerTitle);
    const phrase = typed.kind === 'experience' ? typed.role ?? text : text;
    const alternatives = alternativePhrasings(phrase).map(requirementWords).filter(words => words.length > 0);
    if (typed.kind === 'certification' && typed.certification!.family !== 'other') {
        // "CACES R489" (or "habilitation électrique") named without a category the parser could read: a risk to check.
        alternatives.push(requirementWords(typed.certification!.family === 'caces' ? `caces ${typed.certification!.recommendation ?? ''}` : 'habilitation electrique'));
    }
    return {
        text, mandatory, weight, ...typed, alternatives,
        roleWords: typed.role ? requirementWords(typed.role) : undefined,
        roleIsOfferTitle: typed.kind === 'experience' ? typed.role === offerTitle : undefined
    };
}

/**
 * Everything the offer asks, as one list: its required skills (which recruiters fill with diplomas,
 * certifications, licences, durations and tasks as much as with skills), its certifications, licence,
 * languages and minimum experience. Duplicates (a licence both in the field and in the list) count once.
 */
export function offerRequirements(offer: JobOffer): OfferRequirement[] {
    const out: OfferRequirement[] = [];
    const title = offer.title.replace(/\(\s*[HFhf]\s*\/\s*[HFhf]\s*\)/g, '').trim();
    for (const s of offer.requiredSkills) {
        out.push(requirement(s.name, s.mandatory, Math.max(0.1, s.weight ?? 1), title));
    }
    if (offer.requiredSkills.length === 0) {
        for (const item of requirementsInDescription(offer.description)) { out.push(requirement(item.text, item.mandatory, 1, title)); }
    }
    for (const c of offer.certifications) {
        if (!out.some(r => r.kind === 'certification' && sameCertification(r.certification!, parseCertification(c)))) {
            const r = requirement(c, true, 1, title);
            out.push(r.kind === 'certification' ? r : { ...r, kind: 'certification', certification: parseCertification(c) });
        }
    }
    if (offer.drivingLicence && !out.some(r => r.kind === 'licence')) {
        out.push({ ...requirement(`Permis ${offer.drivingLicence}`, true, 1, title), kind: 'licence', licence: offer.drivingLicence });
    }
    for (const l of offer.languages) {
        if (!out.some(r => r.kind === 'language' && r.language!.code === l.language)) {
            const name = Object.keys(LANGUAGE_NAMES).find(n => LANGUAGE_NAMES[n] === l.language) ?? l.language;
            out.push({ text: `${name}${l.level ? ' ' + l.level : ''}`, kind: 'language', mandatory: true, weight: 1, alternatives: [requirementWords(name)],
                language: { code: l.language, rank: cefrRank(l.level) || 3, level: l.level } });
        }
    }
    if (offer.experienceMinYears && offer.experienceMinYears > 0 && !out.some(r => r.kind === 'experience' && r.years !== undefined)) {
        // The minimum experience of the offer's form is experience in the offer's role.
        const years = offer.experienceMinYears;
        out.push({ text: `${years} an${years > 1 ? 's' : ''} d'expérience : ${title}`, kind: 'experience', mandatory: true, weight: 1,
            years, role: title, roleIsOfferTitle: true, roleWords: requirementWords(title), alternatives: alternativePhrasings(title).map(requirementWords).filter(w => w.length > 0) });
    }
    return out;
}

function sameCertification(a: Certification, b: Certification): boolean {
    return a.family === b.family && a.category === b.category && (a.family !== 'other' || a.words.join(' ') === b.words.join(' '));
}

/**
 * The offer's distinct meaningful words, the title's first (an ad's text relevance: how much of it a CV
 * speaks to, each word weighted by its rarity among the CVs). Long ads are cut at 150 words: the
 * requirements come first in the words that matter, boilerplate last.
 */
export function offerWords(offer: JobOffer): RequirementWord[] {
    const seen = new Set<string>();
    const out: RequirementWord[] = [];
    const texts = [offer.title, ...offer.requiredSkills.map(s => s.name), ...offer.certifications, offer.description];
    for (const word of texts.flatMap(t => requirementWords(t))) {
        if (seen.has(word.word) || /^\d+$/.test(word.word)) { continue; }
        seen.add(word.word);
        out.push(word);
        if (out.length >= 150) { break; }
    }
    return out;
}

const LIST_HEADER = /\b(minimum required skills|required skills|skills required(?: for the position)?|key skills|requirements|qualifications|must have|nice to have|profil recherche|competences requises|competences attendues|competences|exigences|prerequis|votre profil|vous possedez|savoir-faire)\s*:/g;
const MANDATORY_HEADER = /\b(required|requises|exigences|must|minimum|obligatoire|prerequis)\b/;

/**
 * An ad pasted with no requirement list: the lists its text announces ("Minimum Required Skills: LAMP,
 * Drupal...", "Profil recherché : CACES 3, 2 ans d'expérience...") become its requirements, mandatory
 * when the heading says so. Items are short phrases; prose after the list ends it.
 */
export function requirementsInDescription(description: string): { text: string; mandatory: boolean }[] {
    const folded = foldText(description);
    const out: { text: string; mandatory: boolean }[] = [];
    const seen = new Set<string>();
    for (const header of folded.matchAll(LIST_HEADER)) {
        const start = header.index! + header[0].length;
        const mandatory = MANDATORY_HEADER.test(header[1]);
        // foldText keeps one character per character of this text (accents dropped, ligatures aside), so offsets carry over.
        // The list ends with its sentence (a full stop before a capital, or a blank line).
        const tail = description.slice(start, start + 500).split(/\.\s+(?=[A-ZÀ-Ý])|\n\s*\n/)[0];
        for (const raw of tail.split(/[,;•·\n]/)) {
            const item = raw.replace(/^\s*[-*–]\s*/, '').replace(/\s+/g, ' ').trim().replace(/\.$/, '');
            const words = item.split(' ').length;
            if (words > 7) { break; }
            if (item.length < 2 || item.length > 60 || LIST_HEADER.test(foldText(item) + ':')) { LIST_HEADER.lastIndex = 0; continue; }
            const key = foldText(item);
            if (!seen.has(key) && requirementWords(item).length > 0) { seen.add(key); out.push({ text: item, mandatory }); }
            if (out.length >= 20) { return out; }
        }
    }
    return out;
}
