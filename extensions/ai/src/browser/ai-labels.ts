import { nls } from '@theia/core/lib/common/nls';
import type { AiTask } from '../common/ai-provider';

/** How the recruiter names each task. */
export function taskLabel(task: AiTask | 'test'): string {
    switch (task) {
        case 'cv-parsing': return nls.localize('matchpro/ai/task/cvParsing', 'CV parsing');
        case 'offer-drafting': return nls.localize('matchpro/ai/task/offerDrafting', 'Offer drafting');
        case 'match-explanation': return nls.localize('matchpro/ai/task/matchExplanation', 'Match explanations');
        default: return nls.localize('matchpro/ai/task/test', 'Connection tests');
    }
}

export function formatEur(value: number): string {
    return value.toLocaleString(nls.locale ?? 'en', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: value < 1 ? 4 : 2 });
}
