import { inject, injectable, optional, preDestroy } from '@theia/core/shared/inversify';
import { CancellationToken, cancelled } from '@theia/core/lib/common/cancellation';
import type { ParsedSkill } from '@matchpro/core/lib/common/parsed-profile';
import { CvParseError, CvParseErrorInfo } from './cv-parse-error';
import { CvParserPool, CvParserPoolOptions } from './cv-parser-pool';
import { CvFileInput, CvParseResult, inputName, toCvParseError } from './cv-parse-task';
import { DEFAULT_CV_PARSING_LIMITS } from './cv-text-extractor';

/**
 * Links raw skill mentions to ESCO skills (the taxonomy normaliser, plugged in by the candidates module).
 * Returns one skill per recognised mention; mentions it cannot link may be kept without `escoUri`.
 */
export type CvSkillLinker = (mentions: string[], lang: 'fr' | 'en') => Promise<ParsedSkill[]>;
export const CvSkillLinker = Symbol('CvSkillLinker');

/** Options of the parser service: limits, pool size, clock. All optional. */
export interface CvParsingConfig extends CvParserPoolOptions {
    /** "Today" for current positions; injectable for tests. */
    today?: () => Date;
}
export const CvParsingConfig = Symbol('CvParsingConfig');

/** One file of a batch: its result, or its error (a bad file never stops the batch). */
export type CvParseOutcome =
    | { file: string; result: CvParseResult; error?: undefined }
    | { file: string; error: CvParseErrorInfo; result?: undefined };

export interface CvParseProgress {
    /** Files finished so far (parsed or failed). */
    done: number;
    total: number;
    /** The file just finished and its outcome. */
    outcome: CvParseOutcome;
}

/**
 * Parses CV files (PDF, DOCX, PNG/JPEG via OCR, TXT) into profiles, in a pool of worker threads.
 * Nothing is stored: the import orchestration does that with the results.
 */
@injectable()
export class CvParserService {
    @inject(CvSkillLinker) @optional()
    protected readonly skillLinker?: CvSkillLinker;

    @inject(CvParsingConfig) @optional()
    protected readonly config?: CvParsingConfig;

    private pool: CvParserPool | undefined;

    /** Parses one file; throws a CvParseError (with `code`, `message`, `messageFr`) when it cannot. */
    async parseFile(input: CvFileInput): Promise<CvParseResult> {
        const result = await this.runInPool(input);
        return this.linkSkills(result);
    }

    /**
     * Parses files in parallel (one per worker thread), in input order. Per-file failures are outcomes
     * with `error`; `onProgress` is called as each file finishes. When `cancelToken` is cancelled, the files
     * not started yet are dropped and the promise rejects with a cancellation error.
     */
    async parseMany(inputs: CvFileInput[], onProgress?: (progress: CvParseProgress) => void, cancelToken?: CancellationToken): Promise<CvParseOutcome[]> {
        let done = 0;
        let cancelledByToken = false;
        const subscription = cancelToken?.onCancellationRequested(() => {
            cancelledByToken = true;
            this.pool?.clearQueue(new CvParseError('unsupported', 'Parsing was cancelled.', 'L\'analyse a été annulée.'));
        });
        try {
            if (cancelToken?.isCancellationRequested) {
                throw cancelled();
            }
            const outcomes = await Promise.all(inputs.map(async input => {
                const file = inputName(input);
                let outcome: CvParseOutcome;
                try {
                    outcome = { file, result: await this.parseFile(input) };
                } catch (error) {
                    outcome = { file, error: toCvParseError(error).toJSON() };
                }
                if (!cancelledByToken) {
                    onProgress?.({ done: ++done, total: inputs.length, outcome });
                }
                return outcome;
            }));
            if (cancelledByToken) {
                throw cancelled();
            }
            return outcomes;
        } finally {
            subscription?.dispose();
        }
    }

    @preDestroy()
    async dispose(): Promise<void> {
        const pool = this.pool;
        this.pool = undefined;
        await pool?.dispose();
    }

    protected async runInPool(input: CvFileInput): Promise<CvParseResult> {
        if (!this.pool) {
            this.pool = new CvParserPool({ ...this.config, limits: { ...DEFAULT_CV_PARSING_LIMITS, ...this.config?.limits } });
        }
        const today = (this.config?.today?.() ?? new Date()).toISOString();
        if (typeof input === 'string') {
            return this.pool.run({ name: input, path: input, today });
        }
        // Copy into a fresh ArrayBuffer of exactly the file's length: the copy is transferred to the worker.
        // (Buffer#slice is a view: a small Buffer's .buffer is Node's shared 8 KB pool, whose transfer would
        // hand the worker the wrong bytes and detach every other Buffer in that pool.)
        const copy = new Uint8Array(input.bytes).buffer as ArrayBuffer;
        return this.pool.run({ name: input.name, bytes: copy, today }, [copy]);
    }

    protected async linkSkills(result: CvParseResult): Promise<CvParseResult> {
        if (!this.skillLinker || !result.profile.skills.length) {
            return result;
        }
        try {
            const skills = await this.skillLinker(result.profile.skills.map(s => s.name), result.profile.language);
            return { ...result, profile: { ...result.profile, skills } };
        } catch {
            // Linking is an enrichment: keep the raw mentions rather than lose the CV.
            return result;
        }
    }
}
