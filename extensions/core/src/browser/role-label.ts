import { nls } from '@theia/core/lib/common/nls';
import type { Role } from '../common/server-access';

/** A role as the recruiter reads it. */
export function roleLabel(role: Role | string): string {
    return role === 'admin' ? nls.localize('matchpro/role/admin', 'administrator')
        : role === 'recruiter' ? nls.localize('matchpro/role/recruiter', 'recruiter')
            : role === 'viewer' ? nls.localize('matchpro/role/viewer', 'viewer') : role;
}
