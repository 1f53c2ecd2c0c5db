// Every user-visible string goes through nls.localize with a `matchpro/...` key; each key must have a
// French translation in the i18n/nls.fr.json of the extension that uses it.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');

const extensionsDir = path.resolve(__dirname, '..', '..', 'extensions');

function sourceFiles(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [full] : [];
    });
}

/** `nls.localize('key', 'English'` and `toLocalizedCommand(..., 'key')` / matchProCommand(id, 'key', 'English'). */
function localizedKeys(file) {
    const text = fs.readFileSync(file, 'utf8');
    const keys = new Map();
    for (const match of text.matchAll(/nls\.localize\(\s*'([^'$`]+)'\s*,\s*'((?:[^'\\]|\\.)*)'/g)) {
        keys.set(match[1], match[2]);
    }
    for (const match of text.matchAll(/matchProCommand\(\s*'[^']+'\s*,\s*'([^']+)'\s*,\s*'((?:[^'\\]|\\.)*)'/g)) {
        keys.set(match[1], match[2]);
    }
    return keys;
}

describe('French translations', () => {
    for (const extension of fs.readdirSync(extensionsDir)) {
        const src = path.join(extensionsDir, extension, 'src');
        if (!fs.existsSync(src)) {
            continue;
        }
        it(`covers every localized string of ${extension}`, () => {
            const used = new Map();
            for (const file of sourceFiles(src)) {
                for (const [key, english] of localizedKeys(file)) {
                    used.set(key, english);
                }
            }
            if (!used.size) {
                return;
            }
            const frFile = path.join(extensionsDir, extension, 'i18n', 'nls.fr.json');
            assert.ok(fs.existsSync(frFile), `${extension} has localized strings but no i18n/nls.fr.json`);
            const french = JSON.parse(fs.readFileSync(frFile, 'utf8'));
            const missing = [...used.keys()].filter(key => typeof french[key] !== 'string' || !french[key].trim());
            assert.deepStrictEqual(missing, [], `${extension}: French missing for ${missing.map(k => `${k} ("${used.get(k)}")`).join(', ')}`);
            for (const [key, english] of used) {
                const placeholders = s => (s.match(/\{\d+\}/g) || []).sort().join();
                assert.strictEqual(placeholders(french[key]), placeholders(english), `${extension}: ${key} must keep the placeholders of "${english}"`);
            }
        });
    }
});
