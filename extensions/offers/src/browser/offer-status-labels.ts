import { OfferStatus } from '@matchpro/core/lib/common';
import { nls } from '@theia/core/lib/common/nls';

export function offerStatusLabel(status: OfferStatus): string {
    switch (status) {
        case 'draft': return nls.localize('matchpro/offers/status/draft', 'Draft');
        case 'active': return nls.localize('matchpro/offers/status/active', 'Active');
        case 'suspended': return nls.localize('matchpro/offers/status/suspended', 'Suspended');
        case 'filled': return nls.localize('matchpro/offers/status/filled', 'Filled');
        case 'archived': return nls.localize('matchpro/offers/status/archived', 'Archived');
    }
}

export function contractTypeLabel(type: string): string {
    switch (type) {
        case 'CDI': return nls.localize('matchpro/contract/cdi', 'Permanent (CDI)');
        case 'CDD': return nls.localize('matchpro/contract/cdd', 'Fixed-term (CDD)');
        case 'mission': return nls.localize('matchpro/contract/mission', 'Temp assignment (intérim)');
        case 'stage': return nls.localize('matchpro/contract/stage', 'Internship (stage)');
        case 'alternance': return nls.localize('matchpro/contract/alternance', 'Work-study (alternance)');
        default: return type;
    }
}
