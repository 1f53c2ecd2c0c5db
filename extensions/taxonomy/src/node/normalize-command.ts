import * as fs from 'fs';
import { inject, injectable } from '@theia/core/shared/inversify';
import { CliArgs, CliCommand, CliUserError } from '@matchpro/core/lib/node/cli/cli-command';
import { MatchProErrors } from '@matchpro/core/lib/common/errors';
import { NormalizeOptions, OccupationMatch, SkillMatch, TaxonomyLanguage, TaxonomyService } from '../common/taxonomy-protocol';

type Match = OccupationMatch | SkillMatch;

/** Shared parsing of `normalize title|skill "TEXT" | --file FILE [--lang fr|en] [--top K]`. */
@injectable()
abstract class NormalizeCommand implements CliCommand {
    @inject(TaxonomyService) protected readonly taxonomy: TaxonomyService;

    abstract readonly words: string[];
    abstract readonly summary: string;
    abstract readonly usage: string;
    protected abstract normalizeOne(text: string, options: NormalizeOptions): Promise<Match[]>;

    async run(args: CliArgs): Promise<Match[] | Match[][]> {
        const options = this.options(args);
        const file = args.options.file;
        if (file !== undefined) {
            if (typeof file !== 'string') { throw new CliUserError('--file needs a file path / --file attend un chemin de fichier'); }
            if (args.positionals.length) { throw new CliUserError('give either TEXT or --file, not both / donnez TEXT ou --file, pas les deux'); }
            let content: string;
            try {
                content = fs.readFileSync(file, 'utf8');
            } catch (e) {
                throw new CliUserError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)} / lecture impossible`);
            }
            const lines = content.split(/\r?\n/);
            if (lines.length && lines[lines.length - 1] === '') { lines.pop(); }
            const out: Match[][] = [];
            for (const [i, line] of lines.entries()) {
                // an empty line gets an empty list, so outputs stay aligned with input lines
                out.push(line.trim() ? await this.call(line, options, `${file}:${i + 1}`) : []);
            }
            return out;
        }
        const text = args.positionals.join(' ').trim();
        if (!text) { throw new CliUserError(`missing text to normalise / texte manquant. Usage: ${this.usage}`); }
        return this.call(text, options, 'text');
    }

    formatText(result: unknown): string {
        const lists = (Array.isArray(result) && Array.isArray(result[0]) ? result : [result]) as Match[][];
        return lists.map(list => list.map(m => `${m.score.toFixed(3)}  ${m.label}  ${m.uri}${'rome' in m && m.rome ? `  ROME ${m.rome}` : ''}`)
            .join('\n')).join('\n\n');
    }

    protected async call(text: string, options: NormalizeOptions, where: string): Promise<Match[]> {
        try {
            return await this.normalizeOne(text, options);
        } catch (e) {
            if (MatchProErrors.InvalidInput.is(e as object)) { throw new CliUserError(`${where}: ${(e as Error).message}`); }
            throw e;
        }
    }

    protected options(args: CliArgs): NormalizeOptions {
        const options: NormalizeOptions = {};
        const lang = args.options.lang;
        if (lang !== undefined) {
            if (lang !== 'fr' && lang !== 'en') { throw new CliUserError(`--lang must be fr or en, got "${String(lang)}" / --lang doit valoir fr ou en`); }
            options.lang = lang as TaxonomyLanguage;
        }
        const top = args.options.top;
        if (top !== undefined) {
            const k = Number(top);
            if (typeof top !== 'string' || !Number.isInteger(k) || k < 1 || k > 100) {
                throw new CliUserError(`--top must be an integer from 1 to 100, got "${String(top)}" / --top doit être un entier de 1 à 100`);
            }
            options.top = k;
        }
        return options;
    }
}

@injectable()
export class NormalizeTitleCommand extends NormalizeCommand {
    readonly words = ['normalize', 'title'];
    readonly summary = 'Link a job title to ESCO occupations (and ROME when French) / Relier un intitulé de poste à ESCO (et au ROME)';
    readonly usage = 'normalize title "TEXT" | --file FILE [--lang fr|en] [--top K] [--json]';

    protected normalizeOne(text: string, options: NormalizeOptions): Promise<Match[]> {
        return this.taxonomy.normalizeTitle(text, options);
    }
}

@injectable()
export class NormalizeSkillCommand extends NormalizeCommand {
    readonly words = ['normalize', 'skill'];
    readonly summary = 'Link a skill mention to ESCO skills / Relier une compétence au référentiel ESCO';
    readonly usage = 'normalize skill "TEXT" | --file FILE [--lang fr|en] [--top K] [--json]';

    protected normalizeOne(text: string, options: NormalizeOptions): Promise<Match[]> {
        return this.taxonomy.normalizeSkill(text, options);
    }
}
