import * as assert from 'node:assert/strict';
import { findPhones, toE164 } from './phone-parsing';

describe('phone-parsing', () => {
    it('normalises French formats to E.164', () => {
        assert.equal(toE164('06 12 34 56 78'), '+33612345678');
        assert.equal(toE164('06.12.34.56.78'), '+33612345678');
        assert.equal(toE164('0612345678'), '+33612345678');
        assert.equal(toE164('+33 6 12 34 56 78'), '+33612345678');
        assert.equal(toE164('+33 (0)6 12 34 56 78'), '+33612345678');
        assert.equal(toE164('0033 6 12 34 56 78'), '+33612345678');
        assert.equal(toE164('+33 06 12 34 56 78'), '+33612345678');
        assert.equal(toE164('01-45-67-89-10'), '+33145678910');
    });

    it('keeps foreign numbers with their country code', () => {
        assert.equal(toE164('+44 7700 900123'), '+447700900123');
        assert.equal(toE164('+32 470 12 34 56'), '+32470123456');
        assert.equal(toE164('9876543210', { defaultCountry: 'IN' }), '+919876543210');
    });

    it('rejects what is not a phone number', () => {
        assert.equal(toE164('12345'), undefined);
        assert.equal(toE164('+33 6 12 34'), undefined);
        assert.deepEqual(findPhones('03/2016 - 09/2018, 69003 Lyon, SIRET 73282932000074'), []);
    });

    it('finds the phones of a text in order, without duplicates', () => {
        assert.deepEqual(findPhones('Tél. : 06 12 34 56 78 / +33 6 12 34 56 78 — fixe 04.78.12.34.56'), ['+33612345678', '+33478123456']);
    });
});
