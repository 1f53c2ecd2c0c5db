import * as fs from 'fs';
import * as path from 'path';
import { Candidate } from '@matchpro/core/lib/common';
import { CliArgs, CliCommand, CliUserError } from '@matchpro/core/lib/node/cli/cli-command';
import { inject, injectable } from '@theia/core/shared/inversify';
import { CandidatePage, ImportOutcome } from '../common/candidate-protocol';
import { CandidateServiceImpl } from './candidate-service-impl';
import { expandCvPaths } from './parsing/cv-paths';
import { StorageError } from '@matchpro/core/lib/node/storage/storage-errors';

export interface ImportSummary {
    imported: number;
    updated: number;
    duplicates: number;
    failed: { file: string; error: string }[];
    ids: string[];
    outcomes: ImportOutcome[];
}

/** `matchpro import PATH... [--merge]`: imports CV files and folders; one bad file never stops the batch. */
@injectable()
export class ImportCommand implements CliCommand {
    readonly words = ['import'];
    readonly summary = 'imports CV files or folders into the database (duplicates detected)';
    readonly usage = 'import PATH... [--merge] [--json]   (--merge: fold duplicates into the existing candidate)';

    @inject(CandidateServiceImpl) protected readonly candidates: CandidateServiceImpl;

    async run(args: CliArgs): Promise<ImportSummary> {
        if (!args.positionals.length) {
            throw new CliUserError('import: name at least one CV file or folder');
        }
        const summary: ImportSummary = { imported: 0, updated: 0, duplicates: 0, failed: [], ids: [], outcomes: [] };
        const { files, refused } = expandCvPaths(args.positionals);
        for (const link of refused) {
            summary.outcomes.push({ file: link.file, status: 'failed', code: 'unreadable', error: link.message, errorFr: link.messageFr });
            summary.failed.push({ file: link.file, error: link.message });
            if (!args.json) {
                process.stderr.write(`${'failed'.padEnd(9)} ${link.file}: ${link.message}\n`);
            }
        }
        for (const file of files) {
            let outcome: ImportOutcome;
            try {
                outcome = await this.candidates.importCv(path.basename(file), new Uint8Array(fs.readFileSync(file)), { onDuplicate: args.options.merge ? 'merge' : 'ask' });
            } catch (error) {
                if (error instanceof StorageError) {
                    throw error; // the database (its lock, its files) failed: the batch stops with one clear line, exit 1 or 2
                }
                outcome = { file, status: 'failed', code: 'invalid', error: (error as Error).message };
            }
            outcome = { ...outcome, file };
            summary.outcomes.push(outcome);
            if (outcome.status === 'imported') {
                summary.imported++;
                summary.ids.push(outcome.candidateId);
            } else if (outcome.status === 'updated') {
                summary.updated++;
                summary.ids.push(outcome.candidateId);
            } else if (outcome.status === 'duplicate') {
                summary.duplicates++;
            } else {
                summary.failed.push({ file, error: outcome.error });
            }
            if (!args.json) {
                process.stderr.write(`${outcome.status.padEnd(9)} ${file}${outcome.status === 'failed' ? `: ${outcome.error}` : ''}\n`);
            }
        }
        return summary;
    }

    formatText(result: unknown): string {
        const r = result as ImportSummary;
        return `imported ${r.imported}, updated ${r.updated}, duplicates ${r.duplicates}, failed ${r.failed.length}`;
    }
}

/** `matchpro candidates list [--query Q] [--city C] [--licence L] [--skill S] [--limit N]` */
@injectable()
export class CandidatesListCommand implements CliCommand {
    readonly words = ['candidates', 'list'];
    readonly summary = 'lists or searches candidates';
    readonly usage = 'candidates list [--query Q] [--city C] [--near COMMUNE|POSTCODE [--radius KM]] [--licence L] [--skill S] [--limit N] [--json]';

    @inject(CandidateServiceImpl) protected readonly candidates: CandidateServiceImpl;

    async run(args: CliArgs): Promise<CandidatePage['rows']> {
        const option = (name: string) => typeof args.options[name] === 'string' ? args.options[name] as string : undefined;
        const page = await this.candidates.list({
            text: option('query'), city: option('city'), near: option('near'), radiusKm: option('radius') ? Number(option('radius')) : undefined,
            licence: option('licence'), skill: option('skill'),
            limit: option('limit') ? Number(option('limit')) : 1000
        });
        return page.rows;
    }

    formatText(result: unknown): string {
        return (result as CandidatePage['rows']).map(c => `${c.id}  ${c.firstName ?? ''} ${c.lastName ?? ''}  ${c.title ?? ''}  ${c.city ?? ''}`).join('\n');
    }
}

/** `matchpro candidates show ID` */
@injectable()
export class CandidatesShowCommand implements CliCommand {
    readonly words = ['candidates', 'show'];
    readonly summary = 'shows one candidate with their profile';
    readonly usage = 'candidates show ID [--json]';

    @inject(CandidateServiceImpl) protected readonly candidates: CandidateServiceImpl;

    async run(args: CliArgs): Promise<Candidate> {
        const id = args.positionals[0];
        if (!id) {
            throw new CliUserError('candidates show: a candidate id is required');
        }
        return this.candidates.get(id);
    }
}
