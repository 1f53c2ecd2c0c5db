import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { CvParseError, CvParseErrorInfo } from './cv-parse-error';
import { CvParsingLimits } from './cv-text-extractor';
import { CvParseResult } from './cv-parse-task';

export interface CvWorkerRequest {
    type: 'parse';
    id: number;
    name: string;
    /** Either a path the worker reads, or the bytes (transferred). */
    path?: string;
    bytes?: ArrayBuffer;
    /** ISO date of "today" for current positions. */
    today: string;
}

export interface CvWorkerResponse {
    type: 'result';
    id: number;
    result?: CvParseResult;
    error?: CvParseErrorInfo;
}

export interface CvParserPoolOptions {
    /** Number of worker threads (default: os.availableParallelism()). */
    size?: number;
    limits?: Partial<CvParsingLimits>;
    /** A file taking longer than this is abandoned (its worker is replaced). Default 180 s. */
    timeoutMs?: number;
    /** JS heap of each worker in MB (default 384): a file needing more fails alone, the backend stays up. */
    maxHeapMb?: number;
    /** Path of the compiled worker script; override it when the backend is bundled. */
    workerScript?: string;
}

interface Task {
    request: CvWorkerRequest;
    transfer: ArrayBuffer[];
    resolve: (value: CvParseResult) => void;
    reject: (error: CvParseError) => void;
}

interface Slot {
    worker: Worker;
    task?: Task;
    timer?: NodeJS.Timeout;
}

/**
 * A pool of worker threads parsing CVs, so that a bulk import uses every core and never blocks the
 * backend's event loop. Workers start on demand and are reused; idle workers do not keep the process alive.
 */
export class CvParserPool {
    readonly size: number;
    private readonly slots: Slot[] = [];
    private readonly queue: Task[] = [];
    private nextId = 1;
    private disposed = false;

    constructor(private readonly options: CvParserPoolOptions = {}) {
        this.size = Math.max(1, options.size ?? (os.availableParallelism?.() ?? os.cpus().length));
    }

    run(request: Omit<CvWorkerRequest, 'id' | 'type'>, transfer: ArrayBuffer[] = []): Promise<CvParseResult> {
        if (this.disposed) {
            return Promise.reject(new Error('CvParserPool is disposed'));
        }
        return new Promise<CvParseResult>((resolve, reject) => {
            this.queue.push({ request: { ...request, type: 'parse', id: this.nextId++ }, transfer, resolve, reject });
            this.dispatch();
        });
    }

    /** Pending tasks not yet started (for cancellation). */
    clearQueue(reason: CvParseError): void {
        for (const task of this.queue.splice(0)) {
            task.reject(reason);
        }
    }

    async dispose(): Promise<void> {
        this.disposed = true;
        this.clearQueue(new CvParseError('unsupported', 'Parsing was stopped.', 'L\'analyse a été arrêtée.'));
        await Promise.all(this.slots.splice(0).map(async slot => {
            if (slot.timer) {
                clearTimeout(slot.timer);
            }
            // Let the worker stop its Tesseract worker cleanly, then end the thread.
            await new Promise<void>(resolve => {
                const timeout = setTimeout(resolve, 2000);
                slot.worker.once('message', () => { clearTimeout(timeout); resolve(); });
                slot.worker.postMessage({ type: 'dispose' });
            });
            await slot.worker.terminate();
        }));
    }

    private dispatch(): void {
        while (this.queue.length) {
            let slot = this.slots.find(s => !s.task);
            if (!slot && this.slots.length < this.size) {
                slot = this.startWorker();
            }
            if (!slot) {
                return;
            }
            const task = this.queue.shift()!;
            slot.task = task;
            slot.worker.ref();
            const timeoutMs = this.options.timeoutMs ?? 180_000;
            slot.timer = setTimeout(() => this.fail(slot!, CvParseError.timedOut(Math.round(timeoutMs / 1000))), timeoutMs);
            slot.worker.postMessage(task.request, task.transfer);
        }
    }

    private startWorker(): Slot {
        const script = this.options.workerScript ?? defaultWorkerScript();
        // A hostile file must not take the backend's memory: the worker's JS heap is capped (the
        // documents' own bounds, zip directory and inflated sizes, come first; this is the last wall).
        const worker = new Worker(script, {
            workerData: { limits: this.options.limits ?? {} },
            resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 384, maxYoungGenerationSizeMb: 48 }
        });
        const slot: Slot = { worker };
        worker.on('message', (message: CvWorkerResponse | { type: 'disposed' }) => {
            if (message.type !== 'result' || !slot.task || slot.task.request.id !== message.id) {
                return;
            }
            const task = slot.task;
            this.release(slot);
            if (message.error) {
                task.reject(new CvParseError(message.error.code, message.error.message, message.error.messageFr));
            } else {
                task.resolve(message.result!);
            }
            this.dispatch();
        });
        worker.on('error', error => this.fail(slot, (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? CvParseError.tooLarge('the memory this file needs', `${this.options.maxHeapMb ?? 384} MB`)
            : CvParseError.corrupt(`parser crashed: ${error.message}`)));
        worker.on('exit', () => {
            if (slot.task) {
                this.fail(slot, CvParseError.corrupt('parser stopped unexpectedly'));
            }
        });
        this.slots.push(slot);
        return slot;
    }

    private release(slot: Slot): void {
        if (slot.timer) {
            clearTimeout(slot.timer);
        }
        slot.timer = undefined;
        slot.task = undefined;
        slot.worker.unref();
    }

    /** The file killed or hung its worker: report it, replace the worker, go on with the queue. */
    private fail(slot: Slot, error: CvParseError): void {
        const task = slot.task;
        this.release(slot);
        const index = this.slots.indexOf(slot);
        if (index >= 0) {
            this.slots.splice(index, 1);
            slot.worker.removeAllListeners();
            slot.worker.terminate().catch(() => undefined);
        }
        task?.reject(error);
        if (!this.disposed) {
            this.dispatch();
        }
    }
}

/**
 * The worker's own file. Resolved through the package first: in the bundled backend `__dirname` is
 * the bundle's folder, where no worker file exists.
 */
function defaultWorkerScript(): string {
    try {
        return require.resolve('@matchpro/candidates/lib/node/parsing/cv-parser-worker.js');
    } catch {
        return path.join(__dirname, 'cv-parser-worker.js');
    }
}
