import { inject, injectable, interfaces } from '@theia/core/shared/inversify';
import { ConnectionHandler, RpcConnectionHandler } from '@theia/core/lib/common/messaging';
import { MatchProErrors } from '../../common/errors';
import { AuditedRead, Permission, permissionOf, roleAllows, ServiceAccess } from '../../common/server-access';
import { AuditLog } from '../audit-log';
import { MatchProDatabase } from '../matchpro-database';
import { CallerContext } from './caller-context';

/** Bounds on any RPC argument, before a service's own validation: what no workbench screen ever sends. */
export const RPC_ARGUMENT_LIMITS = { stringChars: 1_000_000, arrayItems: 20_000, objectKeys: 2_000, depth: 24, binaryBytes: 26 * 1024 * 1024 };

const PERMISSION_WORDS: Record<Permission, string> = { read: 'read records', write: 'change records', admin: 'administer MatchPro' };

/**
 * Wraps a backend service for the RPC boundary: only the methods of its protocol are callable (not
 * the implementation's helpers), each with the permission the protocol states for it, and arguments
 * past sane sizes are refused with the path of the offending value. In the hosted mode, reads of a
 * person's record are written to the audit log with who read it.
 */
@injectable()
export class AccessGuard {
    @inject(CallerContext) protected readonly callers: CallerContext;
    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;
    @inject(AuditLog) protected readonly audit: AuditLog;

    guard<T extends object>(servicePath: string, service: T, access: ServiceAccess<T>): T {
        const rules = access as Record<string, Permission | AuditedRead>;
        return new Proxy(service, {
            get: (target, property, receiver) => {
                const value = Reflect.get(target, property, receiver);
                if (typeof value !== 'function' || typeof property !== 'string') {
                    return value;
                }
                const rule = Object.prototype.hasOwnProperty.call(rules, property) ? rules[property] : undefined;
                return async (...args: unknown[]) => {
                    await this.check(servicePath, property, rule, args);
                    return value.apply(target, args);
                };
            }
        });
    }

    protected async check(servicePath: string, method: string, rule: Permission | AuditedRead | undefined, args: unknown[]): Promise<void> {
        if (!rule) {
            throw MatchProErrors.Forbidden(`${method} is not a method of ${servicePath}`);
        }
        checkArgumentSizes(args, `${method}()`);
        const caller = this.callers.current();
        if (!caller) {
            return; // in-process code (start-up, CLI): the machine's owner
        }
        const permission = permissionOf(rule);
        if (!roleAllows(caller.role, permission)) {
            throw MatchProErrors.Forbidden(`${caller.name} (${caller.role}) may not ${PERMISSION_WORDS[permission]}: ${method} needs the ${permission === 'admin' ? 'admin' : 'recruiter'} role`,
                permission, caller.role);
        }
        if (typeof rule === 'object' && caller.hosted && typeof args[0] === 'string') {
            await this.db.write(tx => this.audit.record(tx, { actor: caller.name, action: 'read', entity: rule.auditEntity, entityId: args[0] as string, details: { method } }));
        }
    }
}

export function checkArgumentSizes(value: unknown, where: string, depth = 0): void {
    const limits = RPC_ARGUMENT_LIMITS;
    if (depth > limits.depth) {
        throw MatchProErrors.InvalidInput(`invalid ${where}: nested deeper than ${limits.depth} levels`, [{ path: where, message: 'too deep' }]);
    }
    const tooLarge = (what: string) => MatchProErrors.InvalidInput(`invalid ${where}: ${what}`, [{ path: where, message: what }]);
    if (typeof value === 'string') {
        if (value.length > limits.stringChars) {
            throw tooLarge(`text of ${value.length} characters (at most ${limits.stringChars})`);
        }
    } else if (value instanceof Uint8Array || value instanceof ArrayBuffer) {
        if (value.byteLength > limits.binaryBytes) {
            throw tooLarge(`${value.byteLength} bytes (at most ${limits.binaryBytes})`);
        }
    } else if (Array.isArray(value)) {
        if (value.length > limits.arrayItems) {
            throw tooLarge(`a list of ${value.length} items (at most ${limits.arrayItems})`);
        }
        value.forEach((item, index) => checkArgumentSizes(item, `${where}[${index}]`, depth + 1));
    } else if (value && typeof value === 'object') {
        const keys = Object.keys(value);
        if (keys.length > limits.objectKeys) {
            throw tooLarge(`an object with ${keys.length} fields (at most ${limits.objectKeys})`);
        }
        for (const key of keys) {
            checkArgumentSizes((value as Record<string, unknown>)[key], `${where}.${key.slice(0, 40)}`, depth + 1);
        }
    }
}

/**
 * Binds a backend service to its RPC path through the AccessGuard: the way every MatchPro extension
 * (and a third party's) exposes a service to the workbench page.
 */
export function bindGuardedRpcService<T extends object>(bind: interfaces.Bind, path: string, service: interfaces.ServiceIdentifier<T>, access: ServiceAccess<T>): void {
    bind(ConnectionHandler).toDynamicValue(ctx =>
        new RpcConnectionHandler(path, () => ctx.container.get(AccessGuard).guard(path, ctx.container.get<T>(service), access))).inSingletonScope();
}
