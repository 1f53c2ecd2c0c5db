/**
 * Headless command line contract (`npx matchpro`). Every extension contributes its commands by binding
 * `CliCommand` in its backend module; the CLI loads the same backend modules as the workbench, so a
 * command uses the very services the UI uses.
 */
export const CliCommand = Symbol('CliCommand');

export interface CliArgs {
    /** Positional arguments after the command words, e.g. the files of `parse a.pdf b.docx`. */
    readonly positionals: string[];
    /** `--name value` and `--flag` options (flags are `true`); repeated options keep the last value. */
    readonly options: Readonly<Record<string, string | boolean>>;
    /** `--json`: stdout must carry exactly one JSON document. */
    readonly json: boolean;
}

export interface CliCommand {
    /** Command words, e.g. `['normalize', 'title']` or `['import']`. */
    readonly words: string[];
    readonly summary: string;
    readonly usage: string;
    /**
     * Runs the command. The returned value is printed as JSON with `--json`, else by `formatText`
     * (or as indented JSON when the command has no text form). Throw `CliUserError` for bad input.
     */
    run(args: CliArgs): Promise<unknown>;
    formatText?(result: unknown): string;
}

/** A mistake of the user's (bad file, bad id, invalid input): exit code 1 and a one-line message. */
export class CliUserError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'CliUserError';
    }
}
