/**
 * An extension that stores files beside the database (`writeBlob`) names the ones a database refers
 * to, so a restore can check that every one of them came with the backup, intact.
 */
export const StoredFileReferences = Symbol('StoredFileReferences');

export interface StoredFileReferences {
    /** Stored-file names referenced by the database that `read` queries (a restored backup). */
    namesIn(read: (sql: string) => Record<string, unknown>[]): string[];
}
