import * as assert from 'node:assert/strict';
import { parseCertifications, parseDrivingLicences } from './licence-parsing';

describe('licence-parsing', () => {
    it('reads driving licence categories', () => {
        assert.deepEqual(parseDrivingLicences('Permis B + véhicule'), ['B']);
        assert.deepEqual(parseDrivingLicences('Permis B, C et CE'), ['B', 'C', 'CE']);
        assert.deepEqual(parseDrivingLicences('Permis C1 / C1E'), ['C1', 'C1E']);
        assert.deepEqual(parseDrivingLicences('Full UK driving licence (B, C1)'), ['B', 'C1']);
        assert.deepEqual(parseDrivingLicences('Permis de conduire'), ['B']);
        assert.deepEqual(parseDrivingLicences('Permis poids lourd'), ['C']);
        assert.deepEqual(parseDrivingLicences('Licence professionnelle logistique'), []);
    });

    it('normalises CACES, habilitations and other certifications', () => {
        assert.deepEqual(parseCertifications('CACES R489 cat. 1, 3 et 5'), ['CACES R489 cat. 1', 'CACES R489 cat. 3', 'CACES R489 cat. 5']);
        assert.deepEqual(parseCertifications('CACES 3 et 5'), ['CACES R489 cat. 3', 'CACES R489 cat. 5']);
        assert.deepEqual(parseCertifications('CACES® R486 catégorie B'), ['CACES R486 cat. B']);
        assert.deepEqual(parseCertifications('R482 cat. A, B1'), ['CACES R482 cat. A', 'CACES R482 cat. B1']);
        // Under a "CACES" heading the line often gives only the recommendation and the categories.
        assert.deepEqual(parseCertifications('R489 : cat. 1B, 3, 5'), ['CACES R489 cat. 1B', 'CACES R489 cat. 3', 'CACES R489 cat. 5']);
        assert.deepEqual(parseCertifications('R.489 cat 3'), ['CACES R489 cat. 3']);
        assert.deepEqual(parseCertifications('R489 1A (transpalette à conducteur porté)'), ['CACES R489 cat. 1A']);
        assert.deepEqual(parseCertifications('Norme R489 en vigueur depuis 2020'), []);
        assert.deepEqual(parseCertifications('Habilitations électriques B1V, B2V, BR et H0V'),
            ['Habilitation électrique B1V', 'Habilitation électrique B2V', 'Habilitation électrique BR', 'Habilitation électrique H0V']);
        assert.deepEqual(parseCertifications('FIMO marchandises, FCO, SST, HACCP'), ['FIMO', 'FCO', 'SST', 'HACCP']);
        assert.deepEqual(parseCertifications('Sauveteur secouriste du travail'), ['SST']);
        assert.deepEqual(parseCertifications('Assistant in a classroom'), []);
    });
});
