import * as os from 'os';
import * as path from 'path';

/**
 * Where the workbench and the CLI keep their data. Both resolve it the same way so they share one
 * database: `--data-dir`, then MATCHPRO_DATA_DIR, then ~/.matchpro/data.
 */
export const MatchProConfig = Symbol('MatchProConfig');
export interface MatchProConfig {
    readonly dataDir: string;
    /** Set when the user protects the key with a passphrase instead of the key file. */
    readonly passphrase?: string;
    /** Who is acting, for the audit log (the OS user for the CLI, "workbench" for the UI). */
    readonly actor: string;
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
    return env.MATCHPRO_DATA_DIR ? path.resolve(env.MATCHPRO_DATA_DIR) : path.join(os.homedir(), '.matchpro', 'data');
}

export function configFromEnvironment(overrides: Partial<MatchProConfig> = {}, env: NodeJS.ProcessEnv = process.env): MatchProConfig {
    return {
        dataDir: overrides.dataDir ? path.resolve(overrides.dataDir) : defaultDataDir(env),
        passphrase: overrides.passphrase ?? (env.MATCHPRO_PASSPHRASE || undefined),
        actor: overrides.actor ?? 'workbench'
    };
}
