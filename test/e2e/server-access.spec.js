// End to end: nothing reaches the backend but the workbench's own page. Raw HTTP and websocket clients,
// a page on another localhost port and a DNS-rebinding host name in Chromium; then the hosted mode with
// accounts, its login page at desktop and phone sizes, roles, logout and lockout.
'use strict';
const assert = require('assert');
const { spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { useWorkbench, screenshotPath, freePort, root } = require('./workbench-harness');

const REBOUND = 'rebound.test';
const BROWSER_ARGS = [`--host-resolver-rules=MAP ${REBOUND} 127.0.0.1`];

function get(url, headers = {}, method = 'GET', body) {
    return new Promise((resolve, reject) => {
        const request = http.request(url, { method, headers }, response => {
            let text = '';
            response.on('data', chunk => { text += chunk; });
            response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, text }));
        });
        request.on('error', reject);
        request.end(body);
    });
}

/** A websocket upgrade of socket.io as a browser or a script sends it; resolves with the HTTP status (101 = opened). */
function upgrade(port, { host = `127.0.0.1:${port}`, origin, secret, cookie } = {}) {
    return new Promise((resolve, reject) => {
        const query = secret === undefined ? '' : `&matchpro-secret=${encodeURIComponent(secret)}`;
        const headers = {
            Host: host, Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13',
            'Sec-WebSocket-Key': crypto.randomBytes(16).toString('base64'), ...(origin ? { Origin: origin } : {}), ...(cookie ? { Cookie: cookie } : {})
        };
        const request = http.request({ host: '127.0.0.1', port, path: `/socket.io/?EIO=4&transport=websocket${query}`, headers });
        request.on('upgrade', (_response, socket) => { socket.destroy(); resolve(101); });
        request.on('response', response => { response.resume(); resolve(response.statusCode); });
        request.on('error', error => error.code === 'ECONNRESET' ? resolve(0) : reject(error));
        request.setTimeout(10000, () => { request.destroy(); resolve(0); });
        request.end();
    });
}

function pageSecretIn(html) {
    return /<meta name="matchpro-page-secret" content="([^"]+)">/.exec(html)?.[1];
}

function multipartUpload(target) {
    const boundary = '----matchpro' + crypto.randomBytes(8).toString('hex');
    const body = [`--${boundary}`, 'Content-Disposition: form-data; name="uri"', '', `file://${target}`,
        `--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="x.txt"', 'Content-Type: text/plain', '', 'written by another page',
        `--${boundary}--`, ''].join('\r\n');
    return { body, headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': Buffer.byteLength(body) } };
}

describe('Safe to serve: local mode', function () {
    const session = useWorkbench({ browserArgs: BROWSER_ARGS });
    const port = () => Number(new URL(session.workbench.url).port);

    it('opens the websocket only for the page secret, on a loopback host name, from the same origin', async () => {
        const page = await get(session.workbench.url + '/');
        const secret = pageSecretIn(page.text);
        assert.ok(secret && secret.length >= 32, 'the page carries its secret');
        assert.strictEqual(page.headers['x-frame-options'], 'DENY');
        assert.match(page.headers['content-security-policy'], /frame-ancestors 'none'/);
        const own = `http://127.0.0.1:${port()}`;
        // Theia's own connection cookie, which the page gets with its scripts, is checked too.
        const cookie = (await get(session.workbench.url + '/bundle.css')).headers['set-cookie'][0].split(';')[0];
        assert.strictEqual(await upgrade(port(), { origin: own, secret, cookie }), 101, 'the workbench page itself');
        assert.notStrictEqual(await upgrade(port(), { origin: own, cookie }), 101, 'the cookie alone (any localhost page gets it)');
        assert.notStrictEqual(await upgrade(port(), { origin: own }), 101, 'no secret');
        assert.notStrictEqual(await upgrade(port(), { origin: own, secret: secret.replace(/./, c => c === 'A' ? 'B' : 'A') }), 101, 'a wrong secret');
        assert.notStrictEqual(await upgrade(port(), { origin: 'http://127.0.0.1:8080', secret }), 101, 'a page on another localhost port');
        assert.notStrictEqual(await upgrade(port(), { host: `${REBOUND}:${port()}`, origin: `http://${REBOUND}:${port()}`, secret }), 101, 'DNS rebinding');
    });

    it('serves no file of the disk and writes none: Theia\'s upload and download routes are closed', async () => {
        const target = path.join(os.tmpdir(), `matchpro-upload-${Date.now()}.txt`);
        const upload = multipartUpload(target);
        const posted = await get(session.workbench.url + '/file-upload', upload.headers, 'POST', upload.body);
        assert.ok(posted.status >= 400, `upload refused (${posted.status})`);
        const fromPage = await get(session.workbench.url + '/file-upload', { ...upload.headers, Origin: 'http://127.0.0.1:8080' }, 'POST', upload.body);
        assert.ok(fromPage.status >= 400);
        assert.ok(!fs.existsSync(target), 'nothing written');
        const hostname = fs.readFileSync('/etc/hostname', 'utf8').trim();
        const download = await get(session.workbench.url + '/files/?uri=file:///etc/hostname');
        assert.strictEqual(download.status, 404);
        assert.ok(!hostname || !download.text.includes(hostname));
        const rebound = await get(session.workbench.url + '/', { Host: `${REBOUND}:${port()}` });
        assert.strictEqual(rebound.status, 421);
        assert.strictEqual(pageSecretIn(rebound.text), undefined, 'a rebinding host name never sees the page');
    });

    it('a page on another port and a rebinding host name in Chromium get nothing and write nothing', async () => {
        const wb = session.workbench.url;
        const target = path.join(os.tmpdir(), `matchpro-attack-${Date.now()}.txt`);
        const attackerPort = await freePort();
        const attackerPage = `<!DOCTYPE html><script>
window.results = (async () => {
  const r = {};
  const form = new FormData(); form.append('uri', 'file://${target}'); form.append('file', new Blob(['pwned']), 'x.txt');
  r.upload = await fetch('${wb}/file-upload', { method: 'POST', mode: 'no-cors', body: form }).then(() => 'sent', () => 'blocked');
  r.read = await fetch('${wb}/').then(x => x.text()).then(t => t.includes('matchpro-page-secret') ? 'read the secret' : 'read', () => 'blocked');
  r.socket = await new Promise(done => { const ws = new WebSocket('${wb.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket');
    ws.onopen = () => done('open'); ws.onerror = () => done('refused'); setTimeout(() => done('timeout'), 8000); });
  return r;
})();
</script>`;
        const attacker = http.createServer((_req, res) => { res.setHeader('Content-Type', 'text/html'); res.end(attackerPage); });
        await new Promise(resolve => attacker.listen(attackerPort, '127.0.0.1', resolve));
        const context = await session.browser.newContext();
        try {
            const page = await context.newPage();
            await page.goto(`http://127.0.0.1:${attackerPort}/`);
            const results = await page.evaluate(() => window.results);
            assert.strictEqual(results.read, 'blocked', 'another port cannot read the workbench page');
            assert.strictEqual(results.socket, 'refused', 'nor open its websocket');
            assert.ok(!fs.existsSync(target), `nor write a file (upload: ${results.upload})`);

            const rebound = await page.goto(`http://${REBOUND}:${port()}/`);
            assert.strictEqual(rebound.status(), 421);
            assert.ok(!(await page.content()).includes('matchpro-page-secret'));
            const socket = await page.evaluate(url => new Promise(done => {
                const ws = new WebSocket(url);
                ws.onopen = () => done('open'); ws.onerror = () => done('refused'); setTimeout(() => done('timeout'), 8000);
            }), `ws://${REBOUND}:${port()}/socket.io/?EIO=4&transport=websocket`);
            assert.strictEqual(socket, 'refused');
        } finally {
            await context.close();
            attacker.close();
        }
    });

    it('the workbench\'s own page works, with no login in the local mode', async () => {
        const { context, page } = await session.open({ locale: 'en-US' });
        await page.locator('#matchpro-candidates').waitFor();
        assert.ok(!(await page.locator('#theia-statusBar', { hasText: 'Log Out' }).count()));
        await context.close();
    });
});

describe('Safe to serve: hosted mode', function () {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-e2e-hosted-'));
    const accounts = { ada: ['admin', 'ada-strong-password'], vic: ['viewer', 'vic-strong-password'], lou: ['recruiter', 'lou-strong-password'] };
    const session = useWorkbench({
        dataDir, args: ['--hosted', '--insecure-http'],
        beforeStart() {
            for (const [name, [role, password]] of Object.entries(accounts)) {
                const file = path.join(dataDir, `${name}.pw`);
                fs.writeFileSync(file, password + '\n', { mode: 0o600 });
                const run = spawnSync(process.execPath, [path.join(root, 'cli', 'bin', 'matchpro.js'), '--data-dir', dataDir, 'users', 'add', name, '--role', role, '--password-file', file, '--json'], { encoding: 'utf8' });
                assert.strictEqual(run.status, 0, run.stderr);
                assert.deepStrictEqual(JSON.parse(run.stdout), { name, role });
                fs.rmSync(file);
            }
        }
    });
    const signIn = name => ({ name, password: accounts[name][1] });

    it('asks for a login before anything else; no session, no page, no websocket', async () => {
        const page = await get(session.workbench.url + '/');
        assert.strictEqual(page.status, 303);
        assert.strictEqual(page.headers.location, '/login');
        assert.strictEqual(pageSecretIn(page.text), undefined);
        const port = Number(new URL(session.workbench.url).port);
        assert.notStrictEqual(await upgrade(port, { origin: session.workbench.url }), 101);
        assert.strictEqual((await get(session.workbench.url + '/bundle.js')).status, 401);
        const login = await get(session.workbench.url + '/login', { 'Accept-Language': 'fr-FR,fr' });
        assert.match(login.text, /Connexion à MatchPro/);
        assert.match(login.headers['content-security-policy'], /default-src 'none'/);
    });

    it('logs in at 1400 x 900, shows the candidates and the user, logs out', async () => {
        const { context, page } = await session.open({ locale: 'en-US' }, signIn('ada'));
        await page.locator('#matchpro-candidates').waitFor();
        const user = page.locator('#theia-statusBar', { hasText: 'ada (administrator)' });
        await user.waitFor();
        await page.screenshot({ path: screenshotPath('hosted-desktop.png') });
        await page.locator('#theia-statusBar').getByText('ada (administrator)').click();
        await page.waitForURL(/\/login\?out=1$/);
        await page.locator('.matchpro-login [role=status]', { hasText: 'signed out' }).waitFor();
        await page.goto(session.workbench.url + '/');
        await page.waitForURL(/\/login/);
        await context.close();
    });

    it('logs in on a 412 x 915 phone, in French', async () => {
        const context = await session.browser.newContext({ viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true, locale: 'fr-FR' });
        const page = await context.newPage();
        await page.goto(session.workbench.url);
        const form = page.locator('.matchpro-login');
        await form.locator('h1', { hasText: 'Connexion à MatchPro' }).waitFor();
        const box = await form.boundingBox();
        assert.ok(box && box.x >= 8 && box.x + box.width <= 404, `the login form fits the screen with a margin (${JSON.stringify(box)})`);
        await page.screenshot({ path: screenshotPath('hosted-phone-login.png') });
        await form.locator('input[name=name]').fill('lou');
        await form.locator('input[name=password]').fill(accounts.lou[1]);
        await form.locator('button[type=submit]').click();
        await page.locator('#matchpro-candidates').waitFor({ timeout: 60000 });
        await context.close();
    });

    it('a viewer reads but cannot write: the backend refuses and the form says why', async () => {
        const { context, page } = await session.open({ locale: 'en-US' }, signIn('vic'));
        await page.locator('.matchpro-new-company').click();
        const form = page.locator('.matchpro-company-form').last();
        await form.locator('input[name=name]').fill('Entreprise interdite');
        await form.locator('.matchpro-save').click();
        await form.locator('[role=alert]', { hasText: 'can only look at records' }).waitFor();
        await context.close();
        const list = spawnSync(process.execPath, [path.join(root, 'cli', 'bin', 'matchpro.js'), '--data-dir', dataDir, 'users', 'list', '--json'], { encoding: 'utf8' });
        assert.strictEqual(list.status, 1, 'the running workbench holds the data folder');
    });

    it('locks out after repeated wrong passwords, the right one included, for a while', async () => {
        const context = await session.browser.newContext({ locale: 'en-US' });
        const page = await context.newPage();
        await page.goto(session.workbench.url + '/login');
        const notices = [];
        for (let attempt = 0; attempt < 20; attempt++) {
            await page.locator('input[name=name]').fill('lou');
            await page.locator('input[name=password]').fill(`wrong-password-${attempt}`);
            await page.locator('button[type=submit]').click();
            await page.locator('.matchpro-login .notice').waitFor();
            notices.push(await page.locator('.matchpro-login .notice').textContent());
        }
        assert.match(notices[0], /Wrong user name or password/);
        assert.match(notices[19], /Too many attempts: try again in \d+ min/);
        await page.locator('input[name=password]').fill(accounts.lou[1]);
        await page.locator('button[type=submit]').click();
        await page.locator('.matchpro-login .notice', { hasText: 'Too many attempts' }).waitFor();
        assert.ok(page.url().endsWith('/login'), 'still on the login page');
        await context.close();
    });
});
