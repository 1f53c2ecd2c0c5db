import * as fs from 'fs';
import { MatchProErrors } from '@matchpro/core/lib/common/errors';
import { CliArgs, CliCommand, CliUserError } from '@matchpro/core/lib/node/cli/cli-command';
import { inject, injectable } from '@theia/core/shared/inversify';
import { AiService, AiTestResult } from '../common/ai-protocol';
import { AI_PROVIDER_INFO, AI_PROVIDERS, AiProviderId } from '../common/ai-provider';

function providerArg(args: CliArgs, usage: string): AiProviderId {
    const provider = args.positionals[0];
    if (!provider) {
        throw new CliUserError(`${usage}: PROVIDER is required (${AI_PROVIDERS.join(', ')})`);
    }
    if (!(AI_PROVIDERS as readonly string[]).includes(provider)) {
        throw new CliUserError(`unknown AI provider "${provider}": expected one of ${AI_PROVIDERS.join(', ')}`);
    }
    return provider as AiProviderId;
}

function stringOption(args: CliArgs, name: string): string | undefined {
    const value = args.options[name];
    if (value === true) {
        throw new CliUserError(`--${name} needs a value`);
    }
    return value === undefined || value === false ? undefined : value;
}

/** A user mistake the service found (bad URL, missing key) is a CLI user error, not a crash. */
async function asUserErrors<T>(run: () => Promise<T>): Promise<T> {
    try {
        return await run();
    } catch (error) {
        if (MatchProErrors.isUserError(error)) {
            throw new CliUserError((error as Error).message);
        }
        throw error;
    }
}

/**
 * `matchpro ai-key set PROVIDER --key-file FILE [--base-url URL] [--model M]`. The key is read from a
 * file (never a command-line argument, which shell history and `ps` would show).
 */
@injectable()
export class AiKeySetCommand implements CliCommand {
    readonly words = ['ai-key', 'set'];
    readonly summary = 'stores an AI provider key, encrypted (openai, anthropic, google, mistral, openai-compatible)';
    readonly usage = 'ai-key set PROVIDER --key-file FILE [--base-url URL] [--model M] [--json]';

    @inject(AiService) protected readonly ai: AiService;

    async run(args: CliArgs): Promise<{ provider: AiProviderId; last4: string | null }> {
        const provider = providerArg(args, 'ai-key set');
        const keyFile = stringOption(args, 'key-file');
        if (!keyFile && AI_PROVIDER_INFO[provider].keyRequired) {
            throw new CliUserError('ai-key set: --key-file FILE is required (a file holding the API key)');
        }
        let key: string | undefined;
        if (keyFile) {
            try {
                key = fs.readFileSync(keyFile, 'utf8').trim();
            } catch (error) {
                throw new CliUserError(`${keyFile}: cannot read the key file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
            }
            if (!key) {
                throw new CliUserError(`${keyFile}: the key file is empty`);
            }
        }
        const baseUrl = stringOption(args, 'base-url');
        const model = stringOption(args, 'model');
        const saved = await asUserErrors(() => this.ai.saveProvider({
            provider, ...(key ? { key } : {}), ...(baseUrl !== undefined ? { baseUrl } : {}), ...(model !== undefined ? { model } : {})
        }));
        return { provider: saved.provider, last4: saved.last4 };
    }

    formatText(result: unknown): string {
        const r = result as { provider: string; last4: string | null };
        return `${r.provider}: key stored (…${r.last4 ?? '----'})`;
    }
}

/** `matchpro ai-key list`: the configured providers, never the keys. */
@injectable()
export class AiKeyListCommand implements CliCommand {
    readonly words = ['ai-key', 'list'];
    readonly summary = 'lists the configured AI providers (last 4 characters of the key only)';
    readonly usage = 'ai-key list [--json]';

    @inject(AiService) protected readonly ai: AiService;

    async run(): Promise<{ provider: AiProviderId; last4: string | null; baseUrl: string | null; model: string | null }[]> {
        return (await this.ai.listProviders()).map(p => ({ provider: p.provider, last4: p.last4, baseUrl: p.baseUrl, model: p.model }));
    }

    formatText(result: unknown): string {
        const rows = result as { provider: string; last4: string | null; baseUrl: string | null; model: string | null }[];
        return rows.length === 0 ? 'no AI provider configured (MatchPro works locally)'
            : rows.map(r => `${r.provider.padEnd(18)} …${r.last4 ?? '----'}  ${r.model ?? '(default model)'}  ${r.baseUrl ?? ''}`.trimEnd()).join('\n');
    }
}

/** `matchpro ai-key remove PROVIDER` */
@injectable()
export class AiKeyRemoveCommand implements CliCommand {
    readonly words = ['ai-key', 'remove'];
    readonly summary = 'removes an AI provider and its key';
    readonly usage = 'ai-key remove PROVIDER [--json]';

    @inject(AiService) protected readonly ai: AiService;

    async run(args: CliArgs): Promise<{ removed: AiProviderId }> {
        const provider = providerArg(args, 'ai-key remove');
        await asUserErrors(() => this.ai.removeProvider(provider));
        return { removed: provider };
    }
}

/** `matchpro ai-key test PROVIDER`: a tiny prompt; exit 1 with the clear reason when it fails. */
@injectable()
export class AiKeyTestCommand implements CliCommand {
    readonly words = ['ai-key', 'test'];
    readonly summary = 'checks an AI provider key with a tiny prompt';
    readonly usage = 'ai-key test PROVIDER [--json]';

    @inject(AiService) protected readonly ai: AiService;

    async run(args: CliArgs): Promise<AiTestResult> {
        const result = await this.ai.testProvider(providerArg(args, 'ai-key test'));
        if (!result.ok) {
            throw new CliUserError(result.message);
        }
        return result;
    }

    formatText(result: unknown): string {
        return (result as AiTestResult).message;
    }
}
