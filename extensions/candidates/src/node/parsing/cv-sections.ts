import { parseLanguages } from './language-parsing';
import { fold } from './text-utils';

export type SectionKind = 'header' | 'profile' | 'experience' | 'education' | 'skills' | 'languages' | 'certifications'
    | 'licences' | 'interests' | 'contact' | 'projects' | 'other';

export interface CvSection {
    kind: SectionKind;
    /** The heading as written ('' for the header block before the first heading). */
    heading: string;
    lines: string[];
}

/** Section headings in French and English, folded, without punctuation. */
const HEADINGS: Array<[SectionKind, string[]]> = [
    ['experience', ['experience professionnelle', 'experiences professionnelles', 'experience', 'experiences', 'parcours professionnel',
        'parcours', 'emplois', 'emplois occupes', 'historique professionnel', 'experiences et missions', 'missions', 'carriere',
        'work experience', 'professional experience', 'employment history', 'work history', 'career history', 'employment',
        'experience professionnelle et missions', 'relevant experience', 'professional background', 'career', 'internships',
        'stages', 'experiences significatives', 'principales experiences', 'mes experiences']],
    ['education', ['formation', 'formations', 'formation professionnelle', 'formations et diplomes', 'formation et diplomes', 'diplomes',
        'diplomes et formations', 'etudes', 'cursus', 'cursus scolaire', 'scolarite', 'parcours scolaire', 'parcours academique',
        'education', 'academic background', 'qualifications', 'education and training', 'academic qualifications',
        'educational qualifications', 'academic details', 'academics', 'education background', 'educational background',
        'academic profile', 'scholastic profile', 'educational details']],
    ['skills', ['competences', 'competences techniques', 'competences professionnelles', 'competences cles', 'savoir faire', 'savoir etre',
        'aptitudes', 'qualites', 'atouts', 'outils', 'informatique', 'logiciels', 'connaissances', 'connaissances techniques',
        'competences informatiques', 'domaines de competences', 'skills', 'technical skills', 'key skills', 'core competencies',
        'competencies', 'it skills', 'skill set', 'skillset', 'technical proficiency', 'core skills', 'professional skills',
        'areas of expertise', 'expertise', 'tools', 'software', 'soft skills', 'hard skills', 'technical expertise',
        'technical skill set', 'skills and abilities', 'key competencies', 'strengths', 'key strengths', 'areas of excellence',
        'key skills and competencies', 'technical competencies', 'it proficiency', 'computer skills']],
    ['languages', ['langues', 'langues etrangeres', 'langues parlees', 'langue', 'languages', 'language skills', 'languages known',
        'linguistic skills', 'languages knowledge', 'language proficiency', 'foreign languages', 'spoken languages']],
    ['certifications', ['certifications', 'certification', 'habilitations', 'habilitations et certifications', 'certificats',
        'certifications et habilitations', 'caces', 'permis et habilitations', 'habilitations et permis', 'permis et certifications',
        'certifications et permis', 'certificates', 'licenses', 'licences', 'licenses and certifications', 'licences and certifications',
        'certifications and licenses', 'accreditations', 'trainings', 'courses', 'formations complementaires']],
    ['licences', ['permis', 'permis de conduire', 'mobilite', 'driving licence', 'driving license']],
    ['profile', ['profil', 'profil professionnel', 'a propos', 'a propos de moi', 'resume', 'objectif', 'objectif professionnel',
        'presentation', 'synthese', 'profile', 'summary', 'professional summary', 'objective', 'career objective', 'about me',
        'personal statement', 'career summary', 'profile summary', 'executive summary', 'professional profile']],
    ['interests', ['centres d\'interet', 'centres d interet', 'centre d\'interet', 'loisirs', 'hobbies', 'divers', 'informations complementaires',
        'interets', 'interests', 'additional information', 'activities', 'extra curricular activities', 'personal interests',
        'benevolat', 'vie associative', 'volunteering']],
    ['contact', ['contact', 'contacts', 'coordonnees', 'informations personnelles', 'etat civil', 'personal details',
        'personal information', 'contact details', 'contact information', 'personal data', 'personal profile']],
    ['projects', ['projets', 'projects', 'academic projects', 'realisations', 'achievements', 'awards', 'publications',
        'references', 'referees']]
];

const HEADING_MAP = new Map<string, SectionKind>();
for (const [kind, titles] of HEADINGS) {
    for (const t of titles) {
        HEADING_MAP.set(t, kind);
    }
}

/** The section a line opens, when the line is a heading ("EXPÉRIENCE PROFESSIONNELLE", "Skills:"). */
export function headingKind(line: string): SectionKind | undefined {
    const trimmed = line.trim();
    if (!trimmed || trimmed.length > 60) {
        return undefined;
    }
    const key = fold(trimmed).replace(/[:：|•·\-–_=*#]+\s*$/, '').replace(/^[^a-z]+/, '').replace(/[^a-z' ]/g, ' ')
        .replace(/\s+/g, ' ').trim();
    const direct = HEADING_MAP.get(key) ?? HEADING_MAP.get(key.replace(/'/g, ' '));
    if (direct) {
        return direct;
    }
    // "Expérience professionnelle (8 ans)", "Compétences & savoir-faire": the first words decide when short.
    const words = key.split(' ');
    if (words.length <= 5) {
        for (let n = Math.min(words.length - 1, 3); n >= 1; n--) {
            const prefix = HEADING_MAP.get(words.slice(0, n).join(' '));
            if (prefix && n >= words.length - 2 && /^[\p{Lu}\s\d'’&/\-:().]+$/u.test(trimmed.replace(/[^\p{L}\s\d'’&/\-:().]/gu, ''))) {
                return prefix;
            }
        }
    }
    return undefined;
}

/** Splits CV text into sections by heading; lines before the first heading form the 'header' section. */
export function splitSections(text: string): CvSection[] {
    const sections: CvSection[] = [{ kind: 'header', heading: '', lines: [] }];
    for (const raw of text.split('\n')) {
        const line = raw.replace(/\s+$/, '');
        const kind = headingKind(line);
        if (kind) {
            sections.push({ kind, heading: line.trim(), lines: [] });
            continue;
        }
        // "Compétences : Excel, SAP" — heading and content on one line.
        const inline = /^\s*([^:：]{3,40})\s*[:：]\s*(\S.*)$/.exec(line);
        if (inline) {
            const inlineKind = headingKind(inline[1]);
            // "Languages: Python, Java" in a skills list is not about spoken languages.
            if (inlineKind && inlineKind !== 'contact' && (inlineKind !== 'languages' || parseLanguages(inline[2]).length)) {
                // The inline section holds that line only; the lines after it belong to the enclosing section.
                const enclosing = sections[sections.length - 1];
                sections.push({ kind: inlineKind, heading: inline[1].trim(), lines: [inline[2]] });
                sections.push({ kind: enclosing.kind, heading: enclosing.heading, lines: [] });
                continue;
            }
        }
        sections[sections.length - 1].lines.push(line);
    }
    return sections;
}
