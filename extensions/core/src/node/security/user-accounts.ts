import { randomBytes, scrypt, timingSafeEqual } from 'crypto';
import { inject, injectable } from '@theia/core/shared/inversify';
import { z } from 'zod';
import { MatchProErrors, validate } from '../../common/errors';
import { Role, ROLES } from '../../common/server-access';
import { AuditLog } from '../audit-log';
import { MatchProDatabase } from '../matchpro-database';

export const UserName = z.string().trim().min(1).max(64).regex(/^[\p{L}\p{N}._@-]+$/u, 'letters, digits and . _ @ - only');
export const Password = z.string().min(10, 'at least 10 characters').max(1024);
export const UserRole = z.enum(ROLES as [Role, ...Role[]]);

export interface UserAccount {
    name: string;
    role: Role;
    createdAt: string;
    updatedAt: string;
}

/** scrypt cost: 16 MiB and ~50 ms per hash here, which makes guessing slow without slowing a login. */
const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 };

function scryptHash(password: string, salt: Buffer, params = SCRYPT): Promise<Buffer> {
    return new Promise((resolve, reject) => scrypt(password, salt, params.keyLength, { N: params.N, r: params.r, p: params.p, maxmem: 64 * 1024 * 1024 },
        (error, key) => error ? reject(error) : resolve(key)));
}

export async function hashPassword(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await scryptHash(password, salt);
    return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
    const [scheme, n, r, p, salt, key] = stored.split('$');
    if (scheme !== 'scrypt' || !salt || !key) {
        return false;
    }
    const expected = Buffer.from(key, 'base64');
    const actual = await scryptHash(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), keyLength: expected.length });
    return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash to compare against when the user does not exist, so a wrong name costs as long as a wrong password. */
let decoyHash: Promise<string> | undefined;

/**
 * The hosted mode's local accounts, kept in the encrypted database (they travel with its backups).
 * Managed with `npx matchpro users ...` while the workbench is stopped.
 */
@injectable()
export class UserAccounts {
    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;
    @inject(AuditLog) protected readonly audit: AuditLog;

    async list(): Promise<UserAccount[]> {
        return this.db.read(store => store.all<{ name: string; role: Role; created_at: string; updated_at: string }>(
            'SELECT name, role, created_at, updated_at FROM users ORDER BY name').map(row => ({
            name: row.name, role: row.role, createdAt: row.created_at, updatedAt: row.updated_at
        })));
    }

    async count(): Promise<number> {
        return this.db.read(store => store.get<{ n: number }>('SELECT COUNT(*) AS n FROM users')?.n ?? 0);
    }

    async add(name: string, role: Role, password: string): Promise<UserAccount> {
        const user = validate(UserName, name, 'name');
        const checkedRole = validate(UserRole, role, 'role');
        const hash = await hashPassword(validate(Password, password, 'password'));
        const now = new Date().toISOString();
        await this.db.write(tx => {
            if (tx.get('SELECT name FROM users WHERE name = ?', [user])) {
                throw MatchProErrors.Rejected(`The account "${user}" already exists: use "users passwd" to change its password.`);
            }
            tx.run('INSERT INTO users (name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [user, checkedRole, hash, now, now]);
            this.audit.record(tx, { actor: this.db.actor, action: 'user.add', entity: 'user', entityId: user, details: { role: checkedRole } });
        });
        return { name: user, role: checkedRole, createdAt: now, updatedAt: now };
    }

    async remove(name: string): Promise<void> {
        const user = validate(UserName, name, 'name');
        await this.db.write(tx => {
            if (!tx.get('SELECT name FROM users WHERE name = ?', [user])) {
                throw MatchProErrors.NotFound('Account', user);
            }
            tx.run('DELETE FROM users WHERE name = ?', [user]);
            this.audit.record(tx, { actor: this.db.actor, action: 'user.remove', entity: 'user', entityId: user });
        });
    }

    async setPassword(name: string, password: string): Promise<void> {
        const user = validate(UserName, name, 'name');
        const hash = await hashPassword(validate(Password, password, 'password'));
        await this.db.write(tx => {
            if (!tx.get('SELECT name FROM users WHERE name = ?', [user])) {
                throw MatchProErrors.NotFound('Account', user);
            }
            tx.run('UPDATE users SET password_hash = ?, updated_at = ? WHERE name = ?', [hash, new Date().toISOString(), user]);
            this.audit.record(tx, { actor: this.db.actor, action: 'user.passwd', entity: 'user', entityId: user });
        });
    }

    /** The account when the password is right, else undefined (the same time either way). */
    async verify(name: string, password: string): Promise<UserAccount | undefined> {
        const row = await this.db.read(store => store.get<{ name: string; role: Role; password_hash: string; created_at: string; updated_at: string }>(
            'SELECT * FROM users WHERE name = ?', [name]));
        if (!row) {
            decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
            await verifyPassword(password, await decoyHash);
            return undefined;
        }
        return await verifyPassword(password, row.password_hash)
            ? { name: row.name, role: row.role, createdAt: row.created_at, updatedAt: row.updated_at }
            : undefined;
    }
}
