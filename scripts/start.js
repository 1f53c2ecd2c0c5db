// `npm start`: install if needed, build if needed, then serve the workbench on http://127.0.0.1:3000.
'use strict';
const { spawn } = require('child_process');
const path = require('path');
const { root, ensureInstalled, ensureBuilt, offlineEnv } = require('./workspace-setup');

ensureInstalled();
ensureBuilt();
const port = process.env.PORT || '3000';
const backend = spawn(process.execPath, [path.join(root, 'browser-app', 'lib', 'backend', 'main.js'), '--hostname', '127.0.0.1', '--port', port],
    { cwd: path.join(root, 'browser-app'), stdio: 'inherit', env: offlineEnv });
console.error(`[matchpro] MatchPro starts on http://127.0.0.1:${port} (data: ${process.env.MATCHPRO_DATA_DIR || '~/.matchpro/data'})`);
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => backend.kill(signal));
}
backend.on('exit', code => process.exit(code ?? 0));
