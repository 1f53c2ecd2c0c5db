import { inject, injectable, optional } from '@theia/core/shared/inversify';
import { AiGateway } from '@matchpro/ai/lib/node/ai-gateway';
import { AiProviderId } from '@matchpro/ai/lib/common/ai-provider';
import { CliArgs, CliCommand, CliUserError } from '@matchpro/core/lib/node/cli/cli-command';
import type { ParsedProfile } from '@matchpro/core/lib/common/parsed-profile';
import { CvParseErrorInfo } from './cv-parse-error';
import { CvParserService } from './cv-parser-service';
import { expandCvPaths } from './cv-paths';

export type ParseCommandItem =
    | { file: string; profile: ParsedProfile; aiFields?: string[]; aiDropped?: { field: string; value: string; reason: string }[]; aiFailure?: string }
    | { file: string; error: CvParseErrorInfo };

/**
 * `matchpro parse FILE... [--json]`: parses CV files without storing them. A folder stands for the CV
 * files it contains. A file that cannot be parsed is reported in the output with its error and does not
 * stop the others: the exit code is 0 once the command ran, 1 only for a usage error (no file given).
 * With `--ai PROVIDER` the local result is refined by the user's provider: it may only add or correct
 * fields found in the CV text (`aiFields` names them, `aiDropped` lists what was refused).
 */
@injectable()
export class ParseCvCommand implements CliCommand {
    readonly words = ['parse'];
    readonly summary = 'Parse CV files (PDF, DOCX, PNG/JPEG via OCR, TXT) without storing them';
    readonly usage = 'parse FILE|FOLDER... [--ai PROVIDER] [--json]';

    @inject(CvParserService)
    protected readonly parser: CvParserService;

    @inject(AiGateway) @optional()
    protected readonly ai?: AiGateway;

    async run(args: CliArgs): Promise<ParseCommandItem[]> {
        if (!args.positionals.length) {
            throw new CliUserError(`parse: no file given. Usage: ${this.usage}`);
        }
        const provider = args.options.ai === undefined ? undefined : AiProviderId.safeParse(args.options.ai);
        if (provider && (!provider.success || !this.ai)) {
            throw new CliUserError(`parse: --ai takes one of ${AiProviderId.options.join(', ')}`);
        }
        const { files, refused } = expandCvPaths(args.positionals);
        const outcomes = await this.parser.parseMany(files);
        const items: ParseCommandItem[] = refused.map(r => ({ file: r.file, error: { code: 'unreadable', message: r.message, messageFr: r.messageFr } }));
        for (const [i, o] of outcomes.entries()) {
            const file = files[i];
            if (!o.result) {
                items.push({ file, error: o.error! });
            } else if (provider?.success && this.ai) {
                const refined = await this.ai.refineProfile(o.result.text, o.result.profile, { provider: provider.data });
                if (refined.failure?.kind === 'not-configured') {
                    throw new CliUserError(`parse: ${refined.failure.message}`);
                }
                items.push({ file, profile: refined.profile, aiFields: refined.aiFields, aiDropped: refined.dropped, aiFailure: refined.failure?.message });
            } else {
                items.push({ file, profile: o.result.profile });
            }
        }
        return items;
    }

    formatText(result: unknown): string {
        return (result as ParseCommandItem[]).map(item => {
            if ('error' in item) {
                return `${item.file}: ERROR ${item.error.code}: ${item.error.message}`;
            }
            const p = item.profile;
            const name = [p.firstName, p.lastName].filter(Boolean).join(' ') || '(no name)';
            const place = [p.postcode, p.city].filter(Boolean).join(' ');
            return [`${item.file}: ${name}${p.title ? ` — ${p.title}` : ''}`,
                `  ${[p.email, p.phone, place].filter(Boolean).join(' | ')}`,
                `  ${p.experiences.length} experience(s), ${p.yearsOfExperience ?? '?'} year(s); licences: ${p.drivingLicences.join(', ') || '-'}; `
                + `certifications: ${p.certifications.join(', ') || '-'}`,
                `  languages: ${p.languages.map(l => `${l.language}${l.level ? ` ${l.level}` : ''}`).join(', ') || '-'}; skills: ${p.skills.length}`
            ].join('\n');
        }).join('\n');
    }
}
