import * as assert from 'node:assert/strict';
import { CvParseError } from './cv-parse-error';
import { detectCvFileType } from './cv-file-type';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map(p => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const code = (b: Uint8Array) => {
    try {
        detectCvFileType(b);
        return 'ok';
    } catch (e) {
        return (e as CvParseError).code;
    }
};

describe('detectCvFileType', () => {
    it('recognises types from their magic bytes', () => {
        assert.equal(detectCvFileType(bytes('%PDF-1.7\n')).type, 'pdf');
        assert.equal(detectCvFileType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])).type, 'png');
        assert.equal(detectCvFileType(bytes([0xff, 0xd8, 0xff, 0xe0])).type, 'jpeg');
        assert.equal(detectCvFileType(bytes('Jean Dupont\nCariste\n')).type, 'txt');
        assert.equal(detectCvFileType(bytes('Cécile Müller', [0xe9])).type, 'txt');
    });

    it('refuses empty, old Word, RTF and unknown content', () => {
        assert.equal(code(new Uint8Array()), 'empty');
        assert.equal(code(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), 'unsupported');
        assert.equal(code(Buffer.concat([bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('EncryptedPackage', 'utf16le')])), 'password-protected');
        assert.equal(code(bytes('{\\rtf1\\ansi')), 'unsupported');
        assert.equal(code(bytes([0, 1, 2, 3, 0, 0, 7])), 'unsupported');
        assert.equal(code(bytes('PK', [3, 4], 'truncated')), 'corrupt');
    });
});
