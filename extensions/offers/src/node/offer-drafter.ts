import { parseContractType, RequiredSkill } from '@matchpro/core/lib/common';
import { TaxonomyService } from '@matchpro/taxonomy/lib/common/taxonomy-protocol';
import { inject, injectable } from '@theia/core/shared/inversify';
import { OfferDraft, OfferDraftRequest } from '../common/offer-protocol';
import { RomeSheets } from './rome-sheets';

const CONTRACT_LABELS: Record<string, { fr: string; en: string }> = {
    CDI: { fr: 'CDI', en: 'permanent contract' }, CDD: { fr: 'CDD', en: 'fixed-term contract' },
    mission: { fr: "mission d'intérim", en: 'temporary assignment' }, stage: { fr: 'stage', en: 'internship' },
    alternance: { fr: 'alternance', en: 'work-study contract' }
};

/**
 * Drafts a complete offer offline from what the taxonomy knows of the occupation: the ROME job
 * sheet (missions, access conditions, skills) for French, the ESCO occupation and its essential
 * skills for both languages. The recruiter edits it before saving.
 */
@injectable()
export class OfferDrafter {
    @inject(TaxonomyService) protected readonly taxonomy: TaxonomyService;
    @inject(RomeSheets) protected readonly romeSheets: RomeSheets;

    async draft(request: OfferDraftRequest, companyName?: string): Promise<OfferDraft> {
        const lang = request.lang;
        const [occupation] = await this.taxonomy.normalizeTitle(request.title, { lang: 'fr' === lang ? 'fr' : undefined, top: 1 });
        const details = occupation ? await this.taxonomy.getOccupation(occupation.uri) : undefined;
        const romeCode = occupation?.rome ?? details?.romeCodes[0];
        const sheet = romeCode ? this.romeSheets.get(romeCode) : undefined;
        const essential = (details?.essentialSkills ?? []).slice(0, 8);
        const requiredSkills: RequiredSkill[] = essential.map((skill, index) => ({
            name: lang === 'fr' ? skill.labelFr || skill.labelEn : skill.labelEn || skill.labelFr,
            escoUri: skill.uri, mandatory: false, weight: index < 3 ? 2 : 1
        }));
        const contract = request.contractType ? parseContractType(request.contractType) : undefined;
        const contractLabel = contract ? CONTRACT_LABELS[contract][lang] : undefined;
        const lines: string[] = [];
        const title = request.title.trim();
        if (lang === 'fr') {
            lines.push(`${companyName ?? 'Notre client'} recrute un(e) ${title}${contractLabel ? ` en ${contractLabel}` : ''}${request.city ? ` à ${request.city}` : ''}.`, '');
            if (sheet?.definition.length) {
                lines.push('Vos missions :', ...sheet.definition.slice(0, 7).map(s => `- ${s.replace(/\.$/, '')}`), '');
            }
            const skills = uniq([...requiredSkills.map(s => s.name), ...(sheet?.skills ?? [])]).slice(0, 10);
            if (skills.length) {
                lines.push('Compétences attendues :', ...skills.map(s => `- ${s}`), '');
            }
            if (sheet?.softSkills.length) {
                lines.push('Savoir-être :', ...sheet.softSkills.slice(0, 4).map(s => `- ${s}`), '');
            }
            if (sheet?.access.length) {
                lines.push('Profil recherché :', ...sheet.access.slice(0, 2), '');
            }
            if (request.notes?.trim()) {
                lines.push('Informations complémentaires :', request.notes.trim(), '');
            }
            lines.push('Envoyez votre CV : nous vous répondons sous 48 h.');
        } else {
            lines.push(`${companyName ?? 'Our client'} is hiring a ${title}${contractLabel ? ` on a ${contractLabel}` : ''}${request.city ? ` in ${request.city}` : ''}.`, '');
            if (requiredSkills.length) {
                lines.push('Your role:', ...requiredSkills.map(s => `- ${capitalise(s.name)}`), '');
            }
            const optional = (details?.optionalSkills ?? []).slice(0, 5).map(s => s.labelEn || s.labelFr);
            if (optional.length) {
                lines.push('Nice to have:', ...optional.map(s => `- ${capitalise(s)}`), '');
            }
            if (request.notes?.trim()) {
                lines.push('Additional information:', request.notes.trim(), '');
            }
            lines.push('Send us your CV: we reply within 48 hours.');
        }
        return {
            title, description: lines.join('\n').trim(), lang, requiredSkills, source: 'taxonomy',
            occupationUri: occupation?.uri, occupationLabel: occupation?.label, romeCode
        };
    }
}

function uniq(values: string[]): string[] {
    const seen = new Set<string>();
    return values.filter(v => {
        const key = v.toLowerCase();
        return seen.has(key) ? false : (seen.add(key), true);
    });
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
