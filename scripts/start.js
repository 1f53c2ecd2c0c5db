// `npm start`: install if needed, build if needed, then serve the workbench on http://127.0.0.1:3000.
// `npm start -- --hosted --hostname 0.0.0.0 --port 443 --tls-cert C --tls-key K` serves a team (README).
'use strict';
const { spawn } = require('child_process');
const path = require('path');
const { root, ensureInstalled, ensureBuilt, offlineEnv } = require('./workspace-setup');

/** MatchPro's server options as Theia's backend reads them (`--tls-cert/--tls-key` are its `--ssl --cert --certkey`). */
function backendArguments(argv) {
    const args = [];
    let hostname = '127.0.0.1';
    let port = process.env.PORT || '3000';
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = () => {
            if (i + 1 >= argv.length) {
                console.error(`[matchpro] ${arg} needs a value`);
                process.exit(1);
            }
            return argv[++i];
        };
        if (arg === '--hostname') {
            hostname = value();
        } else if (arg === '--port') {
            port = value();
        } else if (arg === '--tls-cert') {
            args.push('--ssl', '--cert', path.resolve(value()));
        } else if (arg === '--tls-key') {
            args.push('--certkey', path.resolve(value()));
        } else {
            args.push(arg);
        }
    }
    return { args: ['--hostname', hostname, '--port', port, ...args], hostname, port, tls: args.includes('--ssl') };
}

const server = backendArguments(process.argv.slice(2));
ensureInstalled();
ensureBuilt();
const backend = spawn(process.execPath, [path.join(root, 'browser-app', 'lib', 'backend', 'main.js'), ...server.args],
    { cwd: path.join(root, 'browser-app'), stdio: 'inherit', env: offlineEnv });
console.error(`[matchpro] MatchPro starts on ${server.tls ? 'https' : 'http'}://${server.hostname}:${server.port} `
    + `(data: ${process.env.MATCHPRO_DATA_DIR || '~/.matchpro/data'})`);
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => backend.kill(signal));
}
backend.on('exit', code => process.exit(code ?? 0));
