import '@theia/core/shared/reflect-metadata';
import * as os from 'os';
import * as path from 'path';
import { MatchProErrors } from '@matchpro/core/lib/common/errors';
import { CliCommand, CliUserError } from '@matchpro/core/lib/node/cli/cli-command';
import { configFromEnvironment, MatchProConfig } from '@matchpro/core/lib/node/matchpro-config';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { StorageError } from '@matchpro/core/lib/node/storage/storage-errors';
import { Container, ContainerModule } from '@theia/core/shared/inversify';
import { parseCommandLine } from './cli-arguments';

/**
 * The backend modules the CLI loads: those of every MatchPro extension this package depends on
 * (their `theiaExtensions` backend entries), so the CLI runs the very services of the workbench.
 * A third-party extension joins by being a dependency of the app and of this package.
 */
export function backendModules(): ContainerModule[] {
    const pkg = require('../package.json') as { dependencies: Record<string, string> };
    const modules: ContainerModule[] = [];
    const names = Object.keys(pkg.dependencies).filter(name => name !== '@theia/core');
    // core first: the others bind into its contribution points.
    names.sort((a, b) => (a === '@matchpro/core' ? -1 : b === '@matchpro/core' ? 1 : 0));
    for (const name of names) {
        const manifest = require(`${name}/package.json`) as { theiaExtensions?: { backend?: string }[] };
        for (const extension of manifest.theiaExtensions ?? []) {
            if (extension.backend) {
                modules.push(require(path.posix.join(name, extension.backend)).default as ContainerModule);
            }
        }
    }
    return modules;
}

export function createCliContainer(config: MatchProConfig): Container {
    const container = new Container();
    container.bind(MatchProConfig).toConstantValue(config);
    container.load(...backendModules());
    return container;
}

function usage(commands: CliCommand[]): string {
    return ['Usage: matchpro [--data-dir DIR] <command> [options] [--json]', '', 'Commands:',
        ...commands.map(c => `  ${c.usage.padEnd(70)} ${c.summary}`),
        '', 'Data folder: --data-dir, else MATCHPRO_DATA_DIR, else ~/.matchpro/data (shared with the workbench).'].join('\n');
}

/** Runs one command; resolves with the process exit code (0 ok, 1 user error, 2 internal failure). */
export async function main(argv: string[]): Promise<number> {
    const line = parseCommandLine(argv);
    // stdout carries exactly one JSON document with --json: everything else a library prints goes to stderr.
    const stdoutWrite = process.stdout.write.bind(process.stdout);
    console.log = console.info = (...args: unknown[]) => process.stderr.write(args.map(String).join(' ') + '\n');
    const container = createCliContainer(configFromEnvironment({ dataDir: line.dataDir, actor: `cli:${os.userInfo().username}` }));
    const commands = container.getAll<CliCommand>(CliCommand).sort((a, b) => a.usage.localeCompare(b.usage));
    const command = commands
        .filter(c => c.words.every((word, i) => line.words[i] === word))
        .sort((a, b) => b.words.length - a.words.length)[0];
    if (!command || line.args.options.help) {
        (command || line.words.length ? process.stderr.write.bind(process.stderr) : stdoutWrite)((command ? command.usage : usage(commands)) + '\n');
        return line.words.length && !command ? 1 : 0;
    }
    const args = { ...line.args, positionals: line.args.positionals.slice(command.words.length) };
    let code = 0;
    try {
        const result = await command.run(args);
        stdoutWrite((args.json ? JSON.stringify(result) : command.formatText ? command.formatText(result) : JSON.stringify(result, undefined, 2)) + '\n');
    } catch (error) {
        code = isUserMistake(error) ? 1 : 2;
        process.stderr.write(`matchpro ${command.words.join(' ')}: ${oneLine(error)}\n`);
        if (code === 2 && process.env.MATCHPRO_DEBUG) {
            process.stderr.write(`${(error as Error).stack}\n`);
        }
    } finally {
        await container.get(MatchProDatabase).close().catch(() => undefined);
    }
    return code;
}

function isUserMistake(error: unknown): boolean {
    return error instanceof CliUserError || MatchProErrors.isUserError(error)
        || (error instanceof StorageError && ['STORAGE_LOCKED', 'STORAGE_KEY', 'STORAGE_USAGE', 'STORAGE_RESTORE'].includes(error.code));
}

function oneLine(error: unknown): string {
    return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
}
