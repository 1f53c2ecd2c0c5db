import { z } from 'zod';
import { CefrLevel, CefrLevelSchema } from '../parsed-profile';
import { foldText } from '../text-folding';

/** A language (ISO 639-1 code) and its CEFR level, null when the CV or offer does not say. */
export const LanguageSkill = z.object({
    language: z.string().regex(/^[a-z]{2}$/, 'language: ISO 639-1 code such as "fr" or "en"'),
    level: CefrLevelSchema.nullable().default(null)
});
export type LanguageSkill = z.infer<typeof LanguageSkill>;

export function cefrRank(level: CefrLevel | null | undefined): number {
    return level ? CefrLevelSchema.options.indexOf(level) + 1 : 0;
}

/** Language names in French and English (folded) -> ISO 639-1. */
export const LANGUAGE_NAMES: Record<string, string> = {
    francais: 'fr', french: 'fr', anglais: 'en', english: 'en', espagnol: 'es', spanish: 'es', castillan: 'es',
    allemand: 'de', german: 'de', italien: 'it', italian: 'it', portugais: 'pt', portuguese: 'pt',
    arabe: 'ar', arabic: 'ar', chinois: 'zh', chinese: 'zh', mandarin: 'zh', cantonais: 'zh', russe: 'ru', russian: 'ru',
    japonais: 'ja', japanese: 'ja', neerlandais: 'nl', dutch: 'nl', hollandais: 'nl', flamand: 'nl', polonais: 'pl', polish: 'pl',
    roumain: 'ro', romanian: 'ro', turc: 'tr', turkish: 'tr', hindi: 'hi', vietnamien: 'vi', vietnamese: 'vi',
    wolof: 'wo', tamoul: 'ta', tamil: 'ta', telugu: 'te', kannada: 'kn', malayalam: 'ml', bengali: 'bn', marathi: 'mr',
    ourdou: 'ur', urdu: 'ur', pendjabi: 'pa', punjabi: 'pa', gujarati: 'gu', grec: 'el', greek: 'el', suedois: 'sv', swedish: 'sv',
    norvegien: 'no', norwegian: 'no', danois: 'da', danish: 'da', finnois: 'fi', finnish: 'fi', tcheque: 'cs', czech: 'cs',
    hongrois: 'hu', hungarian: 'hu', ukrainien: 'uk', ukrainian: 'uk', hebreu: 'he', hebrew: 'he', persan: 'fa', farsi: 'fa',
    persian: 'fa', coreen: 'ko', korean: 'ko', lingala: 'ln', swahili: 'sw', bulgare: 'bg', bulgarian: 'bg', croate: 'hr',
    croatian: 'hr', serbe: 'sr', serbian: 'sr', albanais: 'sq', albanian: 'sq', catalan: 'ca', basque: 'eu', breton: 'br',
    corse: 'co', occitan: 'oc', tagalog: 'tl', malgache: 'mg', somali: 'so', amharique: 'am', amharic: 'am', thai: 'th',
    indonesien: 'id', indonesian: 'id', malais: 'ms', malay: 'ms', slovaque: 'sk', slovak: 'sk', slovene: 'sl', slovenian: 'sl',
    lituanien: 'lt', lithuanian: 'lt', letton: 'lv', latvian: 'lv', estonien: 'et', estonian: 'et', armenien: 'hy', armenian: 'hy',
    georgien: 'ka', georgian: 'ka', kurde: 'ku', kurdish: 'ku', pachto: 'ps', pashto: 'ps', bambara: 'bm', peul: 'ff', fula: 'ff',
    haoussa: 'ha', hausa: 'ha', yoruba: 'yo', tigrigna: 'ti', tigrinya: 'ti', nepali: 'ne', cinghalais: 'si', sinhala: 'si',
    khmer: 'km', lao: 'lo', birman: 'my', burmese: 'my', mongol: 'mn', islandais: 'is', icelandic: 'is', irlandais: 'ga', irish: 'ga',
    gallois: 'cy', welsh: 'cy', luxembourgeois: 'lb', macedonien: 'mk', bosniaque: 'bs', bosnian: 'bs', afrikaans: 'af',
    zoulou: 'zu', zulu: 'zu', creole: 'ht', haitien: 'ht', kabyle: 'kab', berbere: 'ber', tamazight: 'ber'
};

/** Level words (folded), most specific first. */
const LEVEL_WORDS: Array<[RegExp, CefrLevel]> = [
    [/\b(?:langue maternelle|maternelle|natif|native|mother tongue|first language|bilingue|bilingual)\b/, 'C2'],
    [/\b(?:courant|couramment|fluent|fluently|fluency|tres bon(?:ne)?|excellent|avance|advanced|full professional|proficient|professional working)\b/, 'C1'],
    [/\b(?:upper[- ]intermediate|bon(?:ne)?(?: niveau| maitrise)?|good|professionnel|operationnel|working knowledge)\b/, 'B2'],
    [/\b(?:intermediaire|intermediate|conversational|conversationnel|moyen|correct|lu,? ecrit,? parle|pre-intermediate)\b/, 'B1'],
    [/\b(?:scolaire|notions?|basic|basique|elementaire|elementary|limited|a ameliorer)\b/, 'A2'],
    [/\b(?:debutant|beginner|novice)\b/, 'A1']
];

const CEFR_RE = /\b([abc][12])\b\+?/i;
const TOEIC_RE = /\btoeic\D{0,15}(\d{3})\b/;

/** CEFR level stated in a short text ("B2", "courant", "native", "TOEIC 850"), or null. */
export function parseLanguageLevel(text: string): CefrLevel | null {
    const folded = foldText(text);
    const cefr = CEFR_RE.exec(folded);
    if (cefr) {
        return cefr[1].toUpperCase() as CefrLevel;
    }
    const toeic = TOEIC_RE.exec(folded);
    if (toeic) {
        const score = Number(toeic[1]);
        return score >= 945 ? 'C1' : score >= 785 ? 'B2' : score >= 550 ? 'B1' : score >= 225 ? 'A2' : 'A1';
    }
    for (const [re, level] of LEVEL_WORDS) {
        if (re.test(folded)) {
            return level;
        }
    }
    return null;
}
