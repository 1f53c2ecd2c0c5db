#!/usr/bin/env node
/**
 * Hostile DOCX benchmark: the peak memory of a process that is handed a 25 MB DOCX whose ZIP directory
 * lies about its sizes (word/document.xml declares 2 KB and inflates to 1 GB; the rest of the 25 MB is
 * an honest stored image), through the CLI (`matchpro import`) and over the RPC (CandidateService.importCv
 * through the guarded JSON-RPC, in-process as the workbench backend runs it).
 *
 *   node test/benchmarks/hostile-docx.js
 *
 * Prints, for each path: the outcome and the process's peak resident memory (maxRSS, worker threads
 * included), beside the same process importing one ordinary DOCX CV. Leaves out: the browser upload itself
 * (the file is refused before any parsing on the same backend call).
 */
'use strict';
const { spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const { DOCX_CONTENT_TYPES, lyingZip } = require(path.join(ROOT, 'extensions/candidates/lib/node/parsing/test-support/lying-zip'));

async function hostileDocx(file) {
    const image = crypto.randomBytes(17 * 1024 * 1024); // under the 20 MB the CLI parser accepts (the upload takes 25 MB)
    fs.writeFileSync(file, await lyingZip([
        { name: '[Content_Types].xml', actual: DOCX_CONTENT_TYPES, declared: DOCX_CONTENT_TYPES.length },
        { name: 'word/document.xml', actual: 1024 * 1024 * 1024, declared: 2048 },
        { name: 'word/media/image1.jpeg', stored: image }
    ]));
}

/** Runs `args` in a fresh Node process that prints its peak RSS at exit. */
function peakOf(args) {
    const probe = path.join(os.tmpdir(), `matchpro-peak-${process.pid}.js`);
    fs.writeFileSync(probe, "process.on('exit', () => process.stderr.write(`PEAK_RSS_KB ${process.resourceUsage().maxRSS}\\n`));\n");
    const run = spawnSync(process.execPath, ['-r', probe, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    fs.rmSync(probe, { force: true });
    const peak = Number(/PEAK_RSS_KB (\d+)/.exec(run.stderr)?.[1] ?? NaN);
    return { code: run.status, stdout: run.stdout, stderr: run.stderr, peakMb: Math.round(peak / 1024) };
}

const RPC_IMPORT = `
require('reflect-metadata');
const fs = require('fs');
const { ConnectionHandler } = require('@theia/core/lib/common/messaging');
const { createCliContainer } = require('@matchpro/cli/lib/matchpro-cli');
const { connectOverRpc } = require('@matchpro/core/lib/node/test-support/rpc-pipe');
const { MatchProDatabase } = require('@matchpro/core/lib/node/matchpro-database');
(async () => {
    const container = createCliContainer({ dataDir: process.argv[2], actor: 'bench' });
    const handler = container.getAll(ConnectionHandler).find(h => h.path === '/services/matchpro/candidates');
    const outcome = await connectOverRpc(handler).importCv('cv.docx', new Uint8Array(fs.readFileSync(process.argv[3])));
    process.stdout.write(JSON.stringify({ status: outcome.status, error: outcome.error }));
    await container.get(MatchProDatabase).close();
    process.exit(0);
})();
`;

async function main() {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-hostile-'));
    const hostile = path.join(work, 'hostile.docx');
    await hostileDocx(hostile);
    const ordinary = path.join(ROOT, 'extensions', 'candidates', 'test-fixtures', 'fr-tables-header.docx');
    console.log(`hostile DOCX: ${(fs.statSync(hostile).size / 1048576).toFixed(1)} MB on disk (the most the CLI takes is 20 MB, the upload 25 MB), word/document.xml declares 2 KB and inflates to 1024 MB`);
    console.log('| path | file | outcome | peak RSS |');
    console.log('|---|---|---|---|');
    const cli = path.join(ROOT, 'cli', 'bin', 'matchpro.js');
    const rpcScript = path.join(ROOT, 'test', 'benchmarks', `.rpc-import-${process.pid}.js`);
    fs.writeFileSync(rpcScript, RPC_IMPORT);
    try {
        for (const [label, file] of [['ordinary DOCX CV', ordinary], ['hostile DOCX', hostile]]) {
            const dataDir = fs.mkdtempSync(path.join(work, 'data-'));
            const run = peakOf([cli, '--data-dir', dataDir, 'import', file, '--json']);
            const summary = JSON.parse(run.stdout || '{}');
            const outcome = summary.imported ? 'imported' : `refused: ${(summary.failed?.[0]?.error ?? run.stderr).slice(0, 90)}`;
            console.log(`| CLI import | ${label} | ${outcome} | ${run.peakMb} MB |`);
        }
        for (const [label, file] of [['ordinary DOCX CV', ordinary], ['hostile DOCX', hostile]]) {
            const dataDir = fs.mkdtempSync(path.join(work, 'data-'));
            const run = peakOf([rpcScript, dataDir, file]);
            const outcome = JSON.parse(run.stdout || `{"status":"crashed","error":${JSON.stringify(run.stderr.slice(-200))}}`);
            console.log(`| RPC importCv | ${label} | ${outcome.status !== 'imported' ? `${outcome.status}: ${String(outcome.error).slice(0, 90)}` : outcome.status} | ${run.peakMb} MB |`);
        }
    } finally {
        fs.rmSync(rpcScript, { force: true });
        fs.rmSync(work, { recursive: true, force: true });
    }
}

main().catch(error => { console.error(error); process.exit(1); });
