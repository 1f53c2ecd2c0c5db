import * as fs from 'fs';
import * as path from 'path';
import { inject, injectable } from '@theia/core/shared/inversify';
import { CliArgs, CliCommand, CliUserError } from '@matchpro/core/lib/node/cli/cli-command';
import type { ParsedProfile } from '@matchpro/core/lib/common/parsed-profile';
import { CvParseErrorInfo } from './cv-parse-error';
import { CvParserService } from './cv-parser-service';

export type ParseCommandItem = { file: string; profile: ParsedProfile } | { file: string; error: CvParseErrorInfo };

const CV_EXTENSIONS = new Set(['.pdf', '.docx', '.png', '.jpg', '.jpeg', '.txt']);

/**
 * `matchpro parse FILE... [--json]`: parses CV files without storing them. A folder stands for the CV
 * files it contains. A file that cannot be parsed is reported in the output with its error and does not
 * stop the others: the exit code is 0 once the command ran, 1 only for a usage error (no file given).
 */
@injectable()
export class ParseCvCommand implements CliCommand {
    readonly words = ['parse'];
    readonly summary = 'Parse CV files (PDF, DOCX, PNG/JPEG via OCR, TXT) without storing them';
    readonly usage = 'parse FILE|FOLDER... [--json]';

    @inject(CvParserService)
    protected readonly parser: CvParserService;

    async run(args: CliArgs): Promise<ParseCommandItem[]> {
        if (!args.positionals.length) {
            throw new CliUserError(`parse: no file given. Usage: ${this.usage}`);
        }
        const files = args.positionals.flatMap(p => expand(path.resolve(p)));
        const outcomes = await this.parser.parseMany(files);
        return outcomes.map((o, i) => {
            const file = files[i];
            return o.result ? { file, profile: o.result.profile } : { file, error: o.error! };
        });
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

/** A folder becomes its CV files (recursively, sorted); anything else is passed on as given. */
function expand(p: string): string[] {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(p);
    } catch {
        return [p];
    }
    if (!stat.isDirectory()) {
        return [p];
    }
    return fs.readdirSync(p).sort().flatMap(name => {
        const child = path.join(p, name);
        try {
            if (fs.statSync(child).isDirectory()) {
                return expand(child);
            }
        } catch {
            return [];
        }
        return CV_EXTENSIONS.has(path.extname(name).toLowerCase()) ? [child] : [];
    });
}
