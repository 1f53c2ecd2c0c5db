import { nls } from '@theia/core/lib/common/nls';
import { ContainerModule } from '@theia/core/shared/inversify';
import { WebSocketConnectionSource } from '@theia/core/lib/browser/messaging/ws-connection-source';
import { PageSecretConnectionSource } from './page-secret-connection-source';

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

/**
 * The page's websocket carries the page secret: bound here, in the preload phase, because Theia opens
 * the connection (for its localization) before the main modules load.
 */
export default new ContainerModule((_bind, _unbind, _isBound, rebind) => {
    rebind(WebSocketConnectionSource).to(PageSecretConnectionSource).inSingletonScope();
});
