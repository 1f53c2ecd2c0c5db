// Shared by `npm start` and `npm test`: install what is missing, build what is stale. Nothing here
// downloads from anywhere but the npm registry (see .npmrc and the environment set below).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

/** Install steps of some packages try to download binaries from other hosts: skip them. */
const offlineEnv = {
    ...process.env,
    ONNXRUNTIME_NODE_INSTALL: 'skip',
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    PUPPETEER_SKIP_DOWNLOAD: 'true',
    npm_config_fund: 'false',
    npm_config_audit: 'false'
};

function run(command, args, options = {}) {
    console.error(`[matchpro] ${command} ${args.join(' ')}`);
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: offlineEnv, ...options });
    if (result.status !== 0) {
        console.error(`[matchpro] ${command} ${args.join(' ')} failed (exit ${result.status})`);
        process.exit(result.status || 1);
    }
}

function mtime(file) {
    try {
        return fs.statSync(file).mtimeMs;
    } catch {
        return 0;
    }
}

/** Newest modification time of the files below `dir` whose names match `pattern`. */
function newest(dir, pattern) {
    let latest = 0;
    if (!fs.existsSync(dir)) {
        return latest;
    }
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules') {
            continue;
        }
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            latest = Math.max(latest, newest(full, pattern));
        } else if (pattern.test(entry.name)) {
            latest = Math.max(latest, mtime(full));
        }
    }
    return latest;
}

function ensureInstalled() {
    const marker = path.join(root, 'node_modules', '.package-lock.json');
    if (mtime(marker) === 0 || mtime(marker) < mtime(path.join(root, 'package-lock.json'))) {
        run('npm', fs.existsSync(path.join(root, 'node_modules')) ? ['install'] : ['ci']);
    }
}

function ensureBuilt() {
    // tsc -b is incremental: it only recompiles projects whose sources changed.
    run(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [root] }), '-b', 'tsconfig.json']);
    const bundle = path.join(root, 'browser-app', 'lib', 'frontend', 'bundle.js');
    const sources = Math.max(newest(path.join(root, 'extensions'), /\.(js|css|json)$/), mtime(path.join(root, 'browser-app', 'package.json')));
    if (mtime(bundle) < sources || mtime(path.join(root, 'browser-app', 'lib', 'backend', 'main.js')) === 0) {
        run('npm', ['run', 'bundle', '-w', '@matchpro/browser-app']);
    }
}

module.exports = { root, run, ensureInstalled, ensureBuilt, offlineEnv };
