// `npm test`: install and build if needed, then the unit/integration tests and the browser end-to-end tests.
'use strict';
const { ensureInstalled, ensureBuilt, run } = require('./workspace-setup');

ensureInstalled();
ensureBuilt();
run('npx', ['mocha', '--config', '.mocharc.json']);
run('npx', ['mocha', '--config', 'test/e2e/.mocharc.json']);
console.error('[matchpro] all tests passed');
