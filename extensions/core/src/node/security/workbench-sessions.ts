import { randomBytes, timingSafeEqual } from 'crypto';
import { injectable } from '@theia/core/shared/inversify';
import type { Role } from '../../common/server-access';

export interface WorkbenchSession {
    readonly id: string;
    /** Sent by the page with the websocket handshake and HTTP calls (see PAGE_SECRET_META). */
    readonly pageSecret: string;
    readonly name: string;
    readonly role: Role;
    readonly expiresAt: number;
    lastSeenAt: number;
}

export function randomToken(): string {
    return randomBytes(32).toString('base64url');
}

export function sameToken(a: string | undefined, b: string): boolean {
    if (typeof a !== 'string') {
        return false;
    }
    const left = Buffer.from(a);
    const right = Buffer.from(b);
    return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The local mode's per-start page secret and the hosted mode's sessions. Sessions live in memory: a
 * restart signs everyone out, which is the safe side. A session ends after 8 hours, or after 1 hour
 * without any call.
 */
@injectable()
export class WorkbenchSessions {
    readonly localPageSecret = randomToken();
    lifetimeMs = 8 * 3600_000;
    idleMs = 3600_000;
    now: () => number = Date.now;

    protected readonly sessions = new Map<string, WorkbenchSession>();
    protected readonly endListeners = new Map<string, Set<() => void>>();

    create(name: string, role: Role): WorkbenchSession {
        const now = this.now();
        const session: WorkbenchSession = { id: randomToken(), pageSecret: randomToken(), name, role, expiresAt: now + this.lifetimeMs, lastSeenAt: now };
        this.sessions.set(session.id, session);
        return session;
    }

    /** The live session with this id, its idle clock reset; undefined when unknown or expired. */
    touch(id: string | undefined): WorkbenchSession | undefined {
        const session = id ? this.sessions.get(id) : undefined;
        if (!session) {
            return undefined;
        }
        const now = this.now();
        if (now >= session.expiresAt || now - session.lastSeenAt >= this.idleMs) {
            this.end(session.id);
            return undefined;
        }
        session.lastSeenAt = now;
        return session;
    }

    /** Called when the session ends (logout, expiry): its open connections close. */
    onEnd(id: string, listener: () => void): void {
        let listeners = this.endListeners.get(id);
        if (!listeners) {
            this.endListeners.set(id, listeners = new Set());
        }
        listeners.add(listener);
    }

    end(id: string): void {
        this.sessions.delete(id);
        const listeners = this.endListeners.get(id);
        this.endListeners.delete(id);
        for (const listener of listeners ?? []) {
            listener();
        }
    }
}
