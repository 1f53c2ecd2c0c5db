import { injectable } from '@theia/core/shared/inversify';
import { WebSocketConnectionSource } from '@theia/core/lib/browser/messaging/ws-connection-source';
import { io, Socket } from 'socket.io-client';
import { PAGE_SECRET_HEADER, PAGE_SECRET_META, PAGE_SECRET_QUERY, SERVER_MODE_META, SIGNED_IN_USER_META, Role } from '../common/server-access';

function meta(name: string): string | undefined {
    return typeof document === 'object' ? document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content || undefined : undefined;
}

/** The secret the backend put in this page's HTML; the websocket handshake and HTTP calls carry it back. */
export function pageSecret(): string {
    return meta(PAGE_SECRET_META) ?? '';
}

/** The signed-in user of the hosted mode; undefined in the local mode. */
export function signedInUser(): { name: string; role: Role } | undefined {
    if (meta(SERVER_MODE_META) !== 'hosted') {
        return undefined;
    }
    const value = meta(SIGNED_IN_USER_META) ?? '';
    const index = value.lastIndexOf(':');
    return index > 0 ? { name: value.slice(0, index), role: value.slice(index + 1) as Role } : undefined;
}

/** Headers for an HTTP call to the backend from this page. */
export function pageSecretHeaders(): Record<string, string> {
    return { [PAGE_SECRET_HEADER]: pageSecret() };
}

/** Theia's websocket, opened with the page secret in its handshake (a browser websocket cannot send headers). */
@injectable()
export class PageSecretConnectionSource extends WebSocketConnectionSource {
    // Theia's own options, plus the query: the handshake starts inside io(), so it must be there from the start.
    protected override createWebSocket(url: string): Socket {
        return io(url, {
            path: this.createSocketIoPath(url),
            reconnection: true,
            reconnectionDelay: 1000,
            reconnectionDelayMax: 10000,
            reconnectionAttempts: Infinity,
            query: { [PAGE_SECRET_QUERY]: pageSecret() }
        });
    }
}
