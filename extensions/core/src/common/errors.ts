import { ApplicationError } from '@theia/core/lib/common/application-error';
import type { ZodType } from 'zod';

/**
 * Errors that cross the JSON-RPC boundary keep their code and data (ApplicationError), so the UI and
 * the CLI can tell a user mistake (bad field, stale version) from a failure.
 */
export namespace MatchProErrors {
    export const InvalidInput = ApplicationError.declare(4000, (message: string, issues: { path: string; message: string }[]) => ({
        message, data: { issues }
    }));
    export const NotFound = ApplicationError.declare(4004, (what: string, id: string) => ({
        message: `${what} ${id} not found`, data: { what, id }
    }));
    export const Conflict = ApplicationError.declare(4009, (what: string, id: string, expected: number, actual: number) => ({
        message: `${what} ${id} was changed by someone else (your version ${expected}, stored version ${actual}): reload it and apply your change again`,
        data: { what, id, expected, actual }
    }));
    export const Rejected = ApplicationError.declare(4022, (message: string) => ({ message, data: {} }));
    /** The signed-in user's role does not allow this call (hosted mode), or the call is not for the workbench. */
    export const Forbidden = ApplicationError.declare(4003, (message: string, needed?: 'read' | 'write' | 'admin', role?: string) => ({
        message, data: { needed, role }
    }));

    export function isUserError(error: unknown): boolean {
        const e = error as object | undefined;
        return InvalidInput.is(e) || NotFound.is(e) || Conflict.is(e) || Rejected.is(e) || Forbidden.is(e);
    }
}

/**
 * Validates a value arriving at an RPC or CLI boundary. The message names every wrong field
 * (`what.field: problem`), and nothing is stored when it throws.
 */
export function validate<T>(schema: ZodType<T>, value: unknown, what: string): T {
    const result = schema.safeParse(value);
    if (result.success) {
        return result.data;
    }
    const issues = result.error.issues.map(issue => ({
        path: [what, ...issue.path.map(String)].join('.'),
        message: issue.message
    }));
    const message = `invalid ${what}: ` + issues.slice(0, 5).map(i => `${i.path}: ${i.message}`).join('; ')
        + (issues.length > 5 ? ` (+${issues.length - 5} more)` : '');
    throw MatchProErrors.InvalidInput(message, issues);
}
