import { CliArgs } from '@matchpro/core/lib/node/cli/cli-command';

/** Options that take no value; every other `--name` takes the next argument. */
const FLAGS = new Set(['json', 'merge', 'help', 'version']);

export interface ParsedCommandLine {
    words: string[];
    args: CliArgs;
    dataDir?: string;
}

/**
 * Splits `matchpro [--data-dir DIR] <command words> [positionals] [--options]`. Command words are
 * resolved later against the registered commands, so they are simply the leading positionals here.
 */
export function parseCommandLine(argv: string[]): ParsedCommandLine {
    const positionals: string[] = [];
    const options: Record<string, string | boolean> = {};
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            positionals.push(...argv.slice(i + 1));
            break;
        }
        if (arg.startsWith('--')) {
            const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
            if (inline !== undefined) {
                options[name] = inline;
            } else if (FLAGS.has(name) || i + 1 >= argv.length || argv[i + 1].startsWith('--')) {
                options[name] = true;
            } else {
                options[name] = argv[++i];
            }
        } else {
            positionals.push(arg);
        }
    }
    const dataDir = typeof options['data-dir'] === 'string' ? options['data-dir'] : undefined;
    delete options['data-dir'];
    const json = options.json === true;
    delete options.json;
    return { words: positionals, args: { positionals, options, json }, dataDir };
}
