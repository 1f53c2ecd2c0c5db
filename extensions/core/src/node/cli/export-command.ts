import * as fs from 'fs';
import { inject, injectable } from '@theia/core/shared/inversify';
import { MatchProDatabase } from '../matchpro-database';
import { CliArgs, CliCommand, CliUserError } from './cli-command';

/** The aggregates an export carries. AI keys are never exported: their records hold the key itself. */
const EXPORTED_TABLES = ['companies', 'contacts', 'offers', 'candidates', 'interactions', 'placements', 'matchings'] as const;

const CSV_COLUMNS = ['id', 'firstName', 'lastName', 'email', 'phone', 'city', 'postcode', 'title', 'yearsOfExperience',
    'drivingLicences', 'certifications', 'languages', 'skills', 'availableFrom', 'updatedAt'] as const;

/**
 * `matchpro export --format json|csv [--out FILE]`: all data as one JSON document (every record of every
 * aggregate), or the candidates as CSV (one row each, lists joined with "; "), for a spreadsheet or
 * another tool. Printed to stdout unless --out.
 */
@injectable()
export class ExportCommand implements CliCommand {
    readonly words = ['export'];
    readonly summary = 'exports all data (json) or the candidates (csv)';
    readonly usage = 'export --format json|csv [--out FILE]';

    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;

    async run(args: CliArgs): Promise<unknown> {
        const format = args.options.format ?? 'json';
        if (format !== 'json' && format !== 'csv') {
            throw new CliUserError(`export: --format is json or csv, not "${String(format).slice(0, 20)}"`);
        }
        const store = await this.db.store();
        const records = (table: string) => store.all<{ data: string }>(`SELECT data FROM ${table} ORDER BY created_at`).map(row => JSON.parse(row.data));
        const text = format === 'json'
            ? JSON.stringify({ exportedAt: new Date().toISOString(), schemaVersion: store.schemaVersion, ...Object.fromEntries(EXPORTED_TABLES.map(t => [t, records(t)])) }, undefined, 2)
            : toCsv(records('candidates'));
        if (typeof args.options.out === 'string') {
            fs.writeFileSync(args.options.out, text, { mode: 0o600 });
            return { file: args.options.out, bytes: Buffer.byteLength(text) };
        }
        return new RawOutput(text);
    }

    formatText(result: unknown): string {
        return result instanceof RawOutput ? result.text : JSON.stringify(result);
    }
}

/** Output printed as is (the export document itself), with or without --json. */
export class RawOutput {
    constructor(readonly text: string) { }
    toJSON(): unknown {
        return JSON.parse(this.text.startsWith('{') ? this.text : JSON.stringify(this.text));
    }
}

function toCsv(candidates: Record<string, unknown>[]): string {
    const cell = (value: unknown): string => {
        const text = Array.isArray(value)
            ? value.map(v => typeof v === 'object' && v ? (v as { name?: string; language?: string; level?: string }).name ?? `${(v as { language: string }).language}${(v as { level?: string }).level ? ':' + (v as { level: string }).level : ''}` : String(v)).join('; ')
            : value === null || value === undefined ? '' : String(value);
        return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    return [CSV_COLUMNS.join(','), ...candidates.map(c => CSV_COLUMNS.map(column => cell(c[column])).join(','))].join('\r\n') + '\r\n';
}
