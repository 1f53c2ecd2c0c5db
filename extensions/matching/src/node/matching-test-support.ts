import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Candidate, JobOffer } from '@matchpro/core/lib/common';
import { MatchProConfig } from '@matchpro/core/lib/node/matchpro-config';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { Container } from '@theia/core/shared/inversify';

/** Test helpers: a real container on a fresh encrypted database, and records written straight to the tables. */
export function matchingTestContainer(): Container {
    const container = new Container();
    container.bind(MatchProConfig).toConstantValue({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'matching-test-')), actor: 'test' });
    container.load(
        require('@matchpro/core/lib/node/core-backend-module').default,
        require('@matchpro/taxonomy/lib/node/taxonomy-backend-module').default,
        require('./matching-backend-module').default
    );
    return container;
}

/** Closes the database and removes the test's data folder. */
export async function disposeMatchingTestContainer(container: Container): Promise<void> {
    const db = container.get(MatchProDatabase);
    await db.close();
    fs.rmSync(db.dataDir, { recursive: true, force: true });
}

let seq = 0;
export function testId(): string {
    return `00000000-0000-4000-8000-${(++seq).toString(16).padStart(12, '0')}`;
}

export function testCandidate(fields: Partial<Candidate> & Record<string, unknown>): Candidate {
    return {
        id: testId(), version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', firstName: 'Camille', lastName: 'Martin',
        email: null, phone: null, city: 'Lyon', postcode: '69003', drivingLicences: ['B'], certifications: [], languages: [], skills: [], experiences: [],
        education: [], yearsOfExperience: 5, title: null, summary: null, language: 'fr', birthDate: '1990-01-01', nationality: 'française', street: null,
        mobility: { radiusKm: 30, cities: [], remote: false, hasVehicle: true }, situation: null, availableFrom: null,
        preferences: { contractTypes: [], sectors: [] }, notes: '', cvFileId: null, cvFileName: null, aiFields: [], lastContactAt: null, ...fields
    } as Candidate;
}

export function testOffer(fields: Partial<JobOffer>): JobOffer {
    return {
        id: testId(), version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', companyId: COMPANY_ID, title: 'Offer',
        description: '', contractType: 'mission', location: { city: 'Lyon', postcode: '69007', remote: 'none' }, requiredSkills: [], languages: [],
        drivingLicence: null, certifications: [], urgent: false, positions: 1, status: 'active', statusHistory: [], positionsFilled: 0, ...fields
    } as JobOffer;
}

export const COMPANY_ID = '00000000-0000-4000-8000-0000000c0000';

export async function insertRecords(container: Container, records: { offers?: JobOffer[]; candidates?: Candidate[] }): Promise<void> {
    const db = container.get(MatchProDatabase);
    await db.write(tx => {
        if (!tx.get('SELECT id FROM companies WHERE id = ?', [COMPANY_ID])) {
            tx.run('INSERT INTO companies (id, version, created_at, updated_at, data, name) VALUES (?, 1, ?, ?, ?, ?)',
                [COMPANY_ID, '2026-01-01', '2026-01-01', JSON.stringify({ id: COMPANY_ID, name: 'Test' }), 'Test']);
        }
        for (const o of records.offers ?? []) {
            tx.run('INSERT INTO offers (id, version, created_at, updated_at, data, company_id, status, title, contract_type, city, postcode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                [o.id, o.version, o.createdAt, o.updatedAt, JSON.stringify(o), o.companyId, o.status, o.title, o.contractType, o.location.city ?? null, o.location.postcode ?? null]);
        }
        for (const c of records.candidates ?? []) {
            tx.run('INSERT INTO candidates (id, version, created_at, updated_at, data, first_name, last_name, city, postcode, title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                [c.id, c.version, c.createdAt, c.updatedAt, JSON.stringify(c), c.firstName, c.lastName, c.city, c.postcode, c.title]);
        }
    });
}

export async function updateCandidate(container: Container, candidate: Candidate): Promise<void> {
    await container.get(MatchProDatabase).write(tx => {
        tx.run('UPDATE candidates SET version = ?, updated_at = ?, data = ? WHERE id = ?', [candidate.version, candidate.updatedAt, JSON.stringify(candidate), candidate.id]);
    });
}
