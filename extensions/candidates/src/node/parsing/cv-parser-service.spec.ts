import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import 'reflect-metadata';
import { Container } from '@theia/core/shared/inversify';
import { CancellationTokenSource } from '@theia/core/lib/common/cancellation';
import { ParsedProfileSchema } from '@matchpro/core/lib/common/parsed-profile';
import { CvParseError } from './cv-parse-error';
import { CvParseOutcome, CvParserService, CvParsingConfig, CvSkillLinker } from './cv-parser-service';
import { bindCvParsing } from './parsing-backend-bindings';
import { DOCX_CONTENT_TYPES, lyingZip } from './test-support/lying-zip';

const FIXTURES = path.resolve(__dirname, '../../../test-fixtures');
const fixture = (name: string) => path.join(FIXTURES, name);
const TODAY = new Date(Date.UTC(2026, 10, 1));

function createService(config: CvParsingConfig = {}, linker?: CvSkillLinker): CvParserService {
    const container = new Container();
    bindCvParsing(container.bind.bind(container));
    container.bind(CvParsingConfig).toConstantValue({ today: () => TODAY, size: 2, ...config });
    if (linker) {
        container.bind(CvSkillLinker).toConstantValue(linker);
    }
    return container.get(CvParserService);
}

/** A PNG whose header declares width x height (the pixel check reads the header only). */
function pngHeader(width: number, height: number): Buffer {
    const chunk = (type: string, data: Buffer) => {
        const len = Buffer.alloc(4);
        len.writeUInt32BE(data.length);
        const crc = Buffer.alloc(4);
        crc.writeUInt32BE(zlib.crc32 ? zlib.crc32(Buffer.concat([Buffer.from(type), data])) : 0);
        return Buffer.concat([len, Buffer.from(type), data, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr[8] = 8;
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.alloc(64))), chunk('IEND', Buffer.alloc(0))]);
}



describe('CvParserService', function (): void {
    this.timeout(120000);
    let service: CvParserService;

    before(() => {
        service = createService();
    });
    after(async () => {
        await service.dispose();
    });

    it('parses a French one-column PDF', async () => {
        const { profile, fileType, pages } = await service.parseFile(fixture('fr-one-column.pdf'));
        assert.equal(fileType, 'pdf');
        assert.equal(pages, 1);
        ParsedProfileSchema.parse(profile);
        assert.equal(profile.firstName, 'Marie');
        assert.equal(profile.lastName, 'Dupont');
        assert.equal(profile.email, 'marie.dupont@example.fr');
        assert.equal(profile.phone, '+33612345678');
        assert.equal(profile.city, 'Lyon');
        assert.equal(profile.postcode, '69003');
        assert.equal(profile.title, 'Cariste expérimentée');
        assert.deepEqual(profile.drivingLicences, ['B']);
        assert.deepEqual(profile.certifications, ['CACES R489 cat. 1', 'CACES R489 cat. 3', 'CACES R489 cat. 5', 'Habilitation électrique B0', 'SST']);
        assert.deepEqual(profile.languages, [{ language: 'fr', level: 'C2' }, { language: 'en', level: 'A2' }]);
        assert.deepEqual(profile.experiences, [
            { title: 'Cariste', company: 'Leroy Merlin', city: 'Saint-Priest', start: '2019-01', end: null },
            { title: 'Préparatrice de commandes', company: 'Carrefour Supply Chain', city: 'Vénissieux', start: '2016-03', end: '2018-12' },
            { title: 'Manutentionnaire', company: 'Adecco', city: 'Lyon', start: '2014', end: '2016' }
        ]);
        assert.deepEqual(profile.education, [{ degree: 'CAP Agent d\'entreposage et de messagerie', school: 'Lycée professionnel Jean Lurçat', year: 2014 }]);
        assert.deepEqual(profile.skills.map(s => s.name), ['Gestion des stocks', 'Préparation de commandes', 'Chargement et déchargement', 'Logiciel WMS', 'Inventaire']);
        // 2014-01..2016-01 (24) + 2016-03..2018-12 (34) + 2019-01..2026-11 (95) = 153 months.
        assert.equal(profile.yearsOfExperience, 12.8);
        assert.equal(profile.language, 'fr');
    });

    it('reads a two-column PDF column by column', async () => {
        const { profile, text } = await service.parseFile(fixture('fr-two-columns.pdf'));
        // The sidebar and the main column must not be interleaved line by line.
        assert.ok(text.includes('Conduite de poids lourds\nArrimage des charges'), text);
        assert.equal(profile.firstName, 'Karim');
        assert.equal(profile.lastName, 'Benali');
        assert.equal(profile.phone, '+33781234567');
        assert.equal(profile.email, 'karim.benali@example.com');
        assert.equal(profile.city, 'Marseille');
        assert.equal(profile.postcode, '13008');
        assert.deepEqual(profile.drivingLicences, ['B', 'C', 'CE']);
        assert.deepEqual(profile.certifications, ['FIMO', 'FCO', 'CACES R489 cat. 3']);
        assert.deepEqual(profile.languages, [{ language: 'ar', level: 'C2' }, { language: 'en', level: 'B1' }]);
        assert.deepEqual(profile.skills.map(s => s.name), ['Conduite de poids lourds', 'Arrimage des charges', 'Chronotachygraphe', 'Livraison en centre-ville']);
        assert.deepEqual(profile.experiences, [
            { title: 'Chauffeur PL', company: 'Transports Girard', city: 'Vitrolles', start: '2020-03', end: null },
            { title: 'Chauffeur livreur', company: 'Geodis', city: 'Marseille', start: '2015-06', end: '2020-02' }
        ]);
        assert.equal(profile.education[0].year, 2015);
        assert.equal(profile.education[0].school, 'AFPA Marseille');
        assert.match(profile.education[0].degree!, /^Titre professionnel Conducteur du transport routier de marchandises/);
        // 2015-06..2020-02 (57) + 2020-03..2026-11 (81) = 138 months.
        assert.equal(profile.yearsOfExperience, 11.5);
        assert.equal(profile.title, 'Chauffeur poids lourd');
    });

    it('parses an English PDF', async () => {
        const { profile } = await service.parseFile(fixture('en-cv.pdf'));
        assert.equal(profile.language, 'en');
        assert.equal(`${profile.firstName} ${profile.lastName}`, 'John Smith');
        assert.equal(profile.phone, '+447700900123');
        assert.equal(profile.city, 'London');
        assert.equal(profile.postcode, null);
        assert.deepEqual(profile.drivingLicences, ['B', 'C1']);
        assert.deepEqual(profile.certifications, ['HACCP']);
        assert.deepEqual(profile.languages, [{ language: 'en', level: 'C2' }, { language: 'fr', level: 'B1' }, { language: 'es', level: 'B2' }]);
        assert.deepEqual(profile.experiences, [
            { title: 'Warehouse Team Leader', company: 'Amazon', city: 'London', start: '2019-01', end: null },
            { title: 'Forklift Operator', company: 'DHL Supply Chain', city: 'Manchester', start: '2015-03', end: '2018-12' }
        ]);
        assert.deepEqual(profile.education, [{ degree: 'BSc Logistics and Supply Chain Management', school: 'University of Leeds', year: 2014 }]);
        assert.equal(profile.summary, 'Warehouse team leader with nine years of experience in e-commerce fulfilment.');
    });

    it('parses a DOCX with tables and the contact details in its header', async () => {
        const { profile, fileType } = await service.parseFile(fixture('fr-tables-header.docx'));
        assert.equal(fileType, 'docx');
        assert.equal(profile.firstName, 'Sophie');
        assert.equal(profile.lastName, 'Martin');
        assert.equal(profile.email, 'sophie.martin@example.com');
        assert.equal(profile.phone, '+33761234589');
        assert.equal(profile.city, 'Nantes');
        assert.equal(profile.postcode, '44000');
        assert.equal(profile.title, 'Aide-soignante diplômée');
        assert.deepEqual(profile.experiences, [
            { title: 'Aide-soignante', company: 'EHPAD Les Tilleuls', city: 'Nantes', start: '2021-09', end: null },
            { title: 'Agent de service hospitalier', company: 'CHU de Nantes', city: 'Nantes', start: '2017', end: '2021' }
        ]);
        assert.deepEqual(profile.education, [{ degree: 'Diplôme d\'État d\'aide-soignant (DEAS)', school: 'IFAS de Nantes', year: 2017 }]);
        assert.deepEqual(profile.languages, [{ language: 'en', level: 'B1' }, { language: 'es', level: 'A2' }]);
        assert.deepEqual(profile.certifications, ['SST', 'HACCP']);
        assert.deepEqual(profile.drivingLicences, ['B']);
        assert.equal(profile.skills.length, 3);
    });

    it('parses a Windows-1252 text CV', async () => {
        const { profile, fileType } = await service.parseFile(fixture('fr-cv.txt'));
        assert.equal(fileType, 'txt');
        assert.equal(profile.firstName, 'Julien');
        assert.equal(profile.lastName, 'Moreau');
        assert.equal(profile.phone, '+33556123456');
        assert.equal(profile.city, 'Bordeaux');
        assert.equal(profile.postcode, '33800');
        assert.equal(profile.title, 'Électricien bâtiment');
        assert.deepEqual(profile.certifications, ['Habilitation électrique B1V', 'Habilitation électrique B2V', 'Habilitation électrique BR',
            'Habilitation électrique H0V', 'CACES R486 cat. B']);
        assert.deepEqual(profile.experiences, [
            { title: 'Électricien', company: 'Eiffage Énergie', city: 'Mérignac', start: '2016', end: '2024' },
            { title: 'Apprenti électricien', company: 'SPIE', city: 'Bordeaux', start: '2013-09', end: '2016-08' }
        ]);
        assert.deepEqual(profile.languages, [{ language: 'en', level: 'B1' }]);
        // 2013-09..2016-08 (36) + 2016-01..2024-01 (96), overlapping 8 months: 124 months.
        assert.equal(profile.yearsOfExperience, 10.3);
    });

    it('reads the real type from the content, not the extension', async () => {
        const { profile, fileType } = await service.parseFile(fixture('docx-named.pdf'));
        assert.equal(fileType, 'docx');
        assert.equal(profile.lastName, 'Martin');
        const bytes = fs.readFileSync(fixture('fr-one-column.pdf'));
        const fromBytes = await service.parseFile({ name: 'cv.txt', bytes });
        assert.equal(fromBytes.fileType, 'pdf');
        assert.equal(fromBytes.profile.lastName, 'Dupont');
        assert.equal(bytes.length, fs.statSync(fixture('fr-one-column.pdf')).size, 'the caller\'s buffer is left intact');
    });

    it('parses a small Buffer that lives inside Node\'s shared pool, and leaves the pool intact', async () => {
        const text = 'Jeanne Petit\njeanne.petit@example.fr\n06 11 22 33 44\nCariste CACES R489 catégorie 3';
        // Buffer.from(string) of a short text is carved from Node's shared pool: a non-zero offset, neighbours
        const neighbour = Buffer.from('neighbour bytes');
        const bytes = Buffer.from(text, 'utf8');
        assert.ok(bytes.byteOffset > 0 || neighbour.byteOffset > 0, 'the test needs pooled buffers');
        const { profile, fileType } = await service.parseFile({ name: 'cv.txt', bytes });
        assert.equal(fileType, 'txt');
        assert.equal(profile.email, 'jeanne.petit@example.fr');
        assert.equal(neighbour.toString(), 'neighbour bytes', 'other buffers of the pool are not detached');
        assert.equal(bytes.toString('utf8'), text);
    });

    it('reads a scanned CV (PNG and image-only PDF) with OCR', async () => {
        for (const name of ['fr-scanned.png', 'fr-scanned.pdf']) {
            const { profile, ocr } = await service.parseFile(fixture(name));
            assert.equal(ocr, true);
            assert.equal(profile.firstName, 'Paul', name);
            assert.equal(profile.lastName, 'Leroy', name);
            assert.equal(profile.phone, '+33698765432', name);
            assert.equal(profile.email, 'paul.leroy@example.fr', name);
            assert.equal(profile.city, 'Toulouse', name);
            assert.equal(profile.postcode, '31000', name);
            assert.deepEqual(profile.drivingLicences, ['B'], name);
            assert.deepEqual(profile.languages, [{ language: 'en', level: 'C1' }], name);
            assert.deepEqual(profile.experiences.map(e => [e.title, e.company, e.start, e.end]), [['Soudeur TIG', 'Airbus', '2018', '2023']], name);
        }
    });

    it('reports each malformed file with its code and parses the rest of the batch', async () => {
        const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-cv-'));
        try {
            const bigImage = path.join(temp, 'huge-scan.png');
            fs.writeFileSync(bigImage, pngHeader(12000, 9000));
            const files = ['truncated.pdf', 'zip-bomb.docx', 'empty.pdf', 'password.pdf', 'unknown-content.docx', 'fr-one-column.pdf', 'en-cv.pdf']
                .map(fixture).concat([bigImage, path.join(temp, 'missing.docx')]);
            const progress: number[] = [];
            const outcomes = await service.parseMany(files, p => progress.push(p.done));
            const codes = outcomes.map((o: CvParseOutcome) => o.error?.code ?? o.result!.profile.lastName);
            assert.deepEqual(codes, ['corrupt', 'too-large', 'empty', 'password-protected', 'unsupported', 'Dupont', 'Smith', 'too-large', 'unreadable']);
            assert.deepEqual(progress, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
            for (const o of outcomes.filter(x => x.error)) {
                assert.ok(o.error!.message.length > 10 && o.error!.messageFr.length > 10 && o.error!.message !== o.error!.messageFr);
            }
        } finally {
            fs.rmSync(temp, { recursive: true, force: true });
        }
    });

    it('throws a typed error from parseFile', async () => {
        await assert.rejects(service.parseFile(fixture('truncated.pdf')), (e: unknown) => e instanceof CvParseError && e.code === 'corrupt');
    });

    it('refuses a DOCX whose ZIP directory lies about its sizes, without inflating it in memory', async () => {
        const docx = await lyingZip([
            { name: '[Content_Types].xml', actual: DOCX_CONTENT_TYPES, declared: DOCX_CONTENT_TYPES.length },
            { name: 'word/document.xml', actual: 1536 * 1024 * 1024, declared: 2048 }
        ]);
        assert.ok(docx.length < 3 * 1024 * 1024, `a small file (${docx.length} bytes) that would inflate to 1.5 GB`);
        let peak = process.memoryUsage().rss;
        const before = peak;
        const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
        try {
            await assert.rejects(service.parseFile({ name: 'cv.docx', bytes: new Uint8Array(docx) }),
                (e: unknown) => e instanceof CvParseError && e.code === 'corrupt' && /understates the size of word\/document\.xml/.test(e.message));
        } finally {
            clearInterval(sampler);
        }
        assert.ok(peak - before < 300 * 1024 * 1024, `memory grew by ${Math.round((peak - before) / 1048576)} MB`);
    });

    it('refuses files above the size limit', async () => {
        const small = createService({ limits: { maxFileBytes: 1000 }, size: 1 });
        try {
            const outcomes = await small.parseMany([fixture('fr-one-column.pdf'), fixture('fr-cv.txt')]);
            assert.equal(outcomes[0].error?.code, 'too-large');
            assert.equal(outcomes[1].result?.profile.lastName, 'Moreau');
        } finally {
            await small.dispose();
        }
    });

    it('abandons a file that takes too long, replaces its worker and goes on', async () => {
        const hasty = createService({ size: 1, timeoutMs: 1 });
        try {
            const outcomes = await hasty.parseMany([fixture('fr-scanned.png'), fixture('fr-scanned.png')]);
            assert.deepEqual(outcomes.map(o => o.error?.code), ['too-large', 'too-large']);
            assert.match(outcomes[0].error!.messageFr, /abandonnée/);
        } finally {
            await hasty.dispose();
        }
    });

    it('links skills with the injected linker and cancels a batch', async () => {
        const linked = createService({ size: 1 }, async (mentions, lang) => mentions.map(name => ({ name: `${name} (${lang})`, escoUri: 'http://data.europa.eu/esco/skill/x' })));
        try {
            const { profile } = await linked.parseFile(fixture('en-cv.pdf'));
            assert.equal(profile.skills[0].name, 'Team leadership (en)');
            assert.equal(profile.skills[0].escoUri, 'http://data.europa.eu/esco/skill/x');
            const source = new CancellationTokenSource();
            const run = linked.parseMany([fixture('fr-cv.txt'), fixture('fr-cv.txt'), fixture('fr-cv.txt')], () => source.cancel(), source.token);
            await assert.rejects(run, (e: Error) => e.message === 'Canceled' || e.name === 'Canceled' || /cancel/i.test(e.message));
        } finally {
            await linked.dispose();
        }
    });
});
