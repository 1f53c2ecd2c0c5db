/**
 * Entry point of a CV parsing worker thread (see CvParserPool). Each worker keeps its own pdfjs, commune
 * index and (created on first scanned CV) Tesseract worker, and parses one file at a time.
 */
import { parentPort, workerData } from 'worker_threads';
import { CvParseError } from './cv-parse-error';
import { CvParsingLimits, CvTextExtractor } from './cv-text-extractor';
import { parseCvInThisThread, toCvParseError } from './cv-parse-task';
import type { CvWorkerRequest, CvWorkerResponse } from './cv-parser-pool';

const extractor = new CvTextExtractor((workerData as { limits?: Partial<CvParsingLimits> } | undefined)?.limits ?? {});

parentPort?.on('message', async (request: CvWorkerRequest | { type: 'dispose' }) => {
    if (request.type === 'dispose') {
        await extractor.dispose();
        parentPort?.postMessage({ type: 'disposed' });
        return;
    }
    let response: CvWorkerResponse;
    try {
        const input = request.path !== undefined ? request.path : { name: request.name, bytes: new Uint8Array(request.bytes!) };
        const result = await parseCvInThisThread(extractor, input, new Date(request.today));
        response = { type: 'result', id: request.id, result };
    } catch (error) {
        const e: CvParseError = toCvParseError(error);
        response = { type: 'result', id: request.id, error: e.toJSON() };
    }
    parentPort?.postMessage(response);
});
