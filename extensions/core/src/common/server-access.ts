/**
 * Who may call what on the MatchPro backend. Each service's protocol file states, for every method, the
 * permission it needs; the backend enforces it at the RPC boundary for the signed-in user's role.
 */
export type Role = 'admin' | 'recruiter' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'recruiter', 'viewer'];

/** `read`: see records; `write`: change them; `admin`: users, AI keys, backups, erasure. */
export type Permission = 'read' | 'write' | 'admin';

/** The permission of every method of a service interface (the compiler insists each one is listed). */
export type ServiceAccess<T> = {
    readonly [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]-?: Permission | AuditedRead
};

/**
 * A read of a person's record: allowed with `read`, and in the hosted mode written to the audit log
 * (who opened which record) as RGPD and the AI Act expect. `entity` names the record kind; the id is
 * the method's first argument.
 */
export interface AuditedRead {
    readonly permission: 'read';
    readonly auditEntity: string;
}

const RANK: Record<Role, number> = { viewer: 0, recruiter: 1, admin: 2 };
const NEEDED: Record<Permission, number> = { read: 0, write: 1, admin: 2 };

export function roleAllows(role: Role, permission: Permission): boolean {
    return RANK[role] >= NEEDED[permission];
}

export function permissionOf(access: Permission | AuditedRead): Permission {
    return typeof access === 'string' ? access : access.permission;
}

/**
 * The per-start (local mode) or per-session (hosted mode) secret the workbench page receives in its
 * HTML and sends back with the websocket handshake and every HTTP call. Another page, on another
 * localhost port or another host name, cannot read it: unlike a cookie, the browser never sends it
 * on its own.
 */
export const PAGE_SECRET_META = 'matchpro-page-secret';
export const PAGE_SECRET_QUERY = 'matchpro-secret';
export const PAGE_SECRET_HEADER = 'x-matchpro-secret';
/** `local` or `hosted`, and in the hosted mode the signed-in user as `name:role`. */
export const SERVER_MODE_META = 'matchpro-server-mode';
export const SIGNED_IN_USER_META = 'matchpro-user';

export const LOGIN_PATH = '/login';
export const LOGOUT_PATH = '/logout';
