import { foldText } from '@matchpro/core/lib/common/text-folding';
import { TaxonomyLanguage } from '../common/taxonomy-protocol';

export { foldText };

const GENDER_MARKS = /\(\s*[hfm]\s*[/\\-]\s*[hfm]\s*\)|\b[hfm]\s*\/\s*[hfm]\b/g;
/** Inclusive-writing endings: infirmier(e), conducteur.trice, vendeur·euse, employé-e. */
const INCLUSIVE_ENDING = /([a-z])(?:\(\s*[a-z]{1,6}\s*\)|[.·•][a-z]{1,6}(?:[.·•][a-z]{1,2})?|-(?:e|es|euse|trice|rice|ne|ere)\b)(?=[^a-z]|$)/g;
const INCLUSIVE_SUFFIXES = new Set(['e', 'es', 'se', 'euse', 'euses', 'trice', 'trices', 'rice', 'ne', 'nne', 'ere', 'iere', 've', 'le', 'lle', 'te', 'x', 's']);

/**
 * Keeps the masculine alternative of "Conducteur / Conductrice de bus" or "directeur technique/directrice
 * technique": the words after the feminine part's first |masculine| words are the shared tail.
 */
export function keepFirstGenderAlternative(folded: string): string {
    const parts = folded.split(/\s*\/\s*/);
    if (parts.length !== 2) { return folded; }
    const first = parts[0].split(/\s+/).filter(Boolean);
    const second = parts[1].split(/\s+/).filter(Boolean);
    if (first.length === 0 || second.length === 0) { return folded; }
    // "developpeur java/javascript" is not a gender pair: only treat it as one when the first words look alike.
    if (!looksLikeGenderVariant(first[0], second[0])) { return folded; }
    return [...first, ...second.slice(first.length)].join(' ');
}

function looksLikeGenderVariant(masc: string, fem: string): boolean {
    if (masc === fem) { return true; }
    let common = 0;
    while (common < masc.length && common < fem.length && masc[common] === fem[common]) { common++; }
    return common >= Math.min(4, masc.length - 1) && fem.length >= masc.length - 2;
}

/** Aligned masculine/feminine words of a "masc / fem" label, for the gender lexicon. */
export function genderPairsOfLabel(label: string): [string, string][] {
    const folded = foldText(label).replace(/-/g, ' ');
    const parts = folded.split(/\s*\/\s*/);
    if (parts.length !== 2) { return []; }
    const first = parts[0].split(/[^a-z0-9]+/).filter(Boolean);
    const second = parts[1].split(/[^a-z0-9]+/).filter(Boolean);
    if (!first.length || !second.length || !looksLikeGenderVariant(first[0], second[0])) { return []; }
    const pairs: [string, string][] = [];
    for (let i = 0; i < first.length && i < second.length; i++) {
        if (first[i] !== second[i] && looksLikeGenderVariant(first[i], second[i])) { pairs.push([first[i], second[i]]); }
    }
    return pairs;
}

const ABBREVIATIONS: Record<TaxonomyLanguage, Record<string, string>> = {
    fr: {
        dev: 'developpeur', resp: 'responsable', respo: 'responsable', assist: 'assistant',
        asst: 'assistant', tech: 'technicien', techn: 'technicien', tec: 'technicien',
        sup: 'superieur', ing: 'ingenieur', inge: 'ingenieur', ingr: 'ingenieur', comm: 'commercial', cial: 'commercial',
        adj: 'adjoint', dir: 'directeur', dg: 'directeur general', drh: 'directeur des ressources humaines',
        rh: 'ressources humaines', daf: 'directeur administratif et financier', cdp: 'chef de projet',
        pdg: 'president directeur general', mgr: 'manager', admin: 'administrateur', sys: 'systemes',
        info: 'informatique', prep: 'preparateur', cde: 'commandes', cdes: 'commandes', cmd: 'commandes',
        op: 'operateur', ope: 'operateur', opr: 'operateur', agt: 'agent', aux: 'auxiliaire', as: 'aide soignant',
        ash: 'agent de service hospitalier', ide: 'infirmier', avs: 'auxiliaire de vie sociale', pl: 'poids lourds',
        spl: 'super poids lourds', vl: 'vehicules legers', sav: 'service apres vente', btp: 'batiment travaux publics',
        qhse: 'qualite hygiene securite environnement', hse: 'hygiene securite environnement', maint: 'maintenance',
        meca: 'mecanicien', mecano: 'mecanicien', cond: 'conducteur', compta: 'comptable', coord: 'coordinateur',
        gest: 'gestionnaire', prof: 'professeur', instit: 'instituteur', educ: 'educateur', anim: 'animateur',
        chauff: 'chauffeur', magas: 'magasinier', secr: 'secretaire', secret: 'secretaire', sr: 'senior', jr: 'junior',
        med: 'medical', kine: 'kinesitherapeute', ortho: 'orthophoniste', pharma: 'pharmaceutique', elec: 'electricien',
        electro: 'electrotechnicien', vend: 'vendeur', serv: 'serveur', cuis: 'cuisinier', plomb: 'plombier',
        manut: 'manutentionnaire'
    },
    en: {
        dev: 'developer', devs: 'developers', eng: 'engineer', engr: 'engineer', mgr: 'manager', mngr: 'manager',
        asst: 'assistant', assist: 'assistant', sr: 'senior', snr: 'senior', jr: 'junior', jnr: 'junior',
        tech: 'technician', admin: 'administrator', hr: 'human resources', ops: 'operations', sw: 'software',
        exec: 'executive', rep: 'representative', coord: 'coordinator', dir: 'director', vp: 'vice president',
        cto: 'chief technology officer', ceo: 'chief executive officer', cfo: 'chief financial officer',
        coo: 'chief operating officer', qa: 'quality assurance', rn: 'registered nurse', hgv: 'heavy goods vehicle',
        lgv: 'large goods vehicle', pm: 'project manager', acct: 'accountant', sup: 'supervisor', supv: 'supervisor',
        spec: 'specialist', mktg: 'marketing', mkt: 'marketing', svc: 'service', cust: 'customer', dept: 'department',
        mech: 'mechanic', elec: 'electrician', maint: 'maintenance', prod: 'production', dba: 'database administrator',
        sysadmin: 'system administrator', swe: 'software engineer', ux: 'user experience', ui: 'user interface'
    }
};

const FRENCH_CUES = new Set(['de', 'des', 'du', 'le', 'la', 'les', 'et', 'en', 'un', 'une', 'pour', 'avec', 'au', 'aux',
    'sur', 'dans', 'responsable', 'technicien', 'conducteur', 'agent', 'chef', 'directeur', 'ingenieur', 'vendeur',
    'assistant', 'charge', 'gestionnaire', 'infirmier', 'aide', 'operateur', 'ouvrier', 'employe', 'metier', 'gerer',
    'savoir', 'connaissance', 'maitrise', 'competences', 'travail', 'equipe', 'entreprise', 'cariste', 'developpeur']);
const ENGLISH_CUES = new Set(['of', 'the', 'and', 'for', 'with', 'in', 'to', 'a', 'an', 'on', 'manager', 'engineer',
    'officer', 'worker', 'driver', 'operator', 'developer', 'nurse', 'sales', 'senior', 'head', 'lead', 'skills',
    'experience', 'knowledge', 'ability', 'team', 'work', 'management', 'support', 'customer', 'service', 'clerk']);

/** Guesses FR or EN from accents and frequent words; French when nothing tells (French market first). */
export function guessLanguage(text: string): TaxonomyLanguage {
    if (/[éèêàçùôîœ]/i.test(text)) { return 'fr'; }
    let fr = 0;
    let en = 0;
    for (const w of foldText(text).split(/[^a-z]+/)) {
        if (FRENCH_CUES.has(w)) { fr++; }
        if (ENGLISH_CUES.has(w)) { en++; }
        if (/(eur|euse|trice|ier|iere|iste)$/.test(w)) { fr += 0.5; }
        if (/(ing|er|ist)$/.test(w) && !/(ier|eur)$/.test(w)) { en += 0.25; }
    }
    return en > fr ? 'en' : 'fr';
}

/**
 * Turns a job title or skill mention into canonical words: folded, gender marks removed, feminine nouns
 * mapped to the masculine, abbreviations expanded. Shared by the normalisers, the encoder's features and
 * its training, so the same text always yields the same words.
 */
export class TextCanonicalizer {
    protected readonly feminineToMasculine = new Map<string, string>();

    constructor(genderPairs: Iterable<[string, string]>) {
        for (const [masc, fem] of genderPairs) {
            const m = foldText(masc);
            const f = foldText(fem);
            if (m !== f && !this.feminineToMasculine.has(f)) { this.feminineToMasculine.set(f, m); }
        }
        // a masculine form that is also some pair's feminine (rare) must stay as it is
        for (const m of [...this.feminineToMasculine.values()]) { this.feminineToMasculine.delete(m); }
    }

    masculine(word: string): string {
        const direct = this.feminineToMasculine.get(word);
        if (direct) { return direct; }
        if (word.endsWith('s') && word.length > 4) {
            const singular = this.feminineToMasculine.get(word.slice(0, -1));
            if (singular) { return singular + 's'; }
        }
        return word;
    }

    words(text: string, lang?: TaxonomyLanguage): string[] {
        let folded = foldText(text).replace(GENDER_MARKS, ' ');
        folded = folded.replace(INCLUSIVE_ENDING, (all, last: string) => {
            const suffix = all.slice(1).replace(/[^a-z]/g, '');
            return INCLUSIVE_SUFFIXES.has(suffix) ? last : all;
        });
        folded = keepFirstGenderAlternative(folded);
        const language = lang ?? guessLanguage(text);
        const abbreviations = ABBREVIATIONS[language];
        // an unknown language falls back to the other list for longer, unambiguous abbreviations ("eng", "resp")
        const fallback = lang ? undefined : ABBREVIATIONS[language === 'fr' ? 'en' : 'fr'];
        const out: string[] = [];
        for (const raw of folded.split(/[^a-z0-9+#]+/)) {
            if (!raw) { continue; }
            let token = raw.replace(/^[+#]+/, '');
            if (!token) { continue; }
            if (token.length === 1 && /[a-z]/.test(token) && token !== 'c') { continue; } // elided l', d', s'
            if (token === 'qu') { continue; }
            const expansion = Object.prototype.hasOwnProperty.call(abbreviations, token) ? abbreviations[token]
                : fallback && token.length >= 3 && Object.prototype.hasOwnProperty.call(fallback, token) ? fallback[token] : undefined;
            if (expansion) {
                out.push(...expansion.split(' '));
                continue;
            }
            token = this.masculine(token);
            out.push(token);
        }
        return out;
    }

    canonical(text: string, lang?: TaxonomyLanguage): string {
        return this.words(text, lang).join(' ');
    }
}
