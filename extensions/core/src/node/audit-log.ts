import { randomUUID } from 'crypto';
import { injectable } from '@theia/core/shared/inversify';
import type { StoreTransaction } from './storage/store-types';

export interface AuditEntry {
    id: string;
    at: string;
    actor: string;
    action: string;
    entity: string;
    entityId: string | null;
    details: Record<string, unknown>;
}

/**
 * Records who did what to which record, inside the same transaction as the change. Details carry
 * field names, versions and statuses, never the personal data itself.
 */
@injectable()
export class AuditLog {
    record(tx: StoreTransaction, entry: { actor: string; action: string; entity: string; entityId?: string; details?: Record<string, unknown>; at?: string }): void {
        tx.run('INSERT INTO audit_log (id, at, actor, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)', [
            randomUUID(), entry.at ?? new Date().toISOString(), entry.actor, entry.action, entry.entity, entry.entityId ?? null,
            JSON.stringify(entry.details ?? {})
        ]);
    }

    list(reader: Pick<StoreTransaction, 'all'>, entity: string, entityId?: string, limit = 200): AuditEntry[] {
        const rows = reader.all<{ id: string; at: string; actor: string; action: string; entity: string; entity_id: string | null; details: string }>(
            'SELECT * FROM audit_log WHERE entity = ?' + (entityId ? ' AND entity_id = ?' : '') + ' ORDER BY at DESC LIMIT ?',
            entityId ? [entity, entityId, limit] : [entity, limit]);
        return rows.map(row => ({ id: row.id, at: row.at, actor: row.actor, action: row.action, entity: row.entity, entityId: row.entity_id, details: JSON.parse(row.details) }));
    }
}
