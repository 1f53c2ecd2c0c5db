import { nls } from '@theia/core/lib/common/nls';
import { ContainerModule } from '@theia/core/shared/inversify';

/**
 * French first: when the user never picked a display language, follow the browser/OS language, so a
 * French recruiter gets a French workbench on first start. Runs as a preload module, before Theia
 * loads its localization.
 */
if (typeof window === 'object' && !window.localStorage.getItem(nls.localeId)) {
    const preferred = (navigator.languages && navigator.languages[0]) || navigator.language || '';
    if (preferred.toLowerCase().startsWith('fr')) {
        Object.assign(nls, { locale: 'fr' });
    }
}

export default new ContainerModule(() => { /* the side effect above is the point of this module */ });
