import { ParsedSkill } from '@matchpro/core/lib/common';
import { TaxonomyService } from '@matchpro/taxonomy/lib/common/taxonomy-protocol';
import { interfaces } from '@theia/core/shared/inversify';
import { CvSkillLinker } from './parsing/cv-parser-service';

/** Below this the normaliser's best guess is more likely wrong than right: keep the mention unlinked. */
const MIN_LINK_SCORE = 0.6;

/** Links the skill mentions of a parsed CV to ESCO skills through the taxonomy normaliser. */
export function candidateSkillLinker(ctx: interfaces.Context): CvSkillLinker {
    const taxonomy = ctx.container.get<TaxonomyService>(TaxonomyService);
    return async (mentions: string[], lang: 'fr' | 'en'): Promise<ParsedSkill[]> => Promise.all(mentions.map(async name => {
        const [best] = await taxonomy.normalizeSkill(name, { lang, top: 1 });
        return best && best.score >= MIN_LINK_SCORE ? { name, escoUri: best.uri } : { name };
    }));
}
