import * as crypto from 'crypto';
import * as fs from 'fs';
import { defaultEncoderModelFile } from '@matchpro/taxonomy/lib/node/taxonomy-data';
import * as path from 'path';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { inject, injectable } from '@theia/core/shared/inversify';
import { RankerSession } from './ranker-model';

/**
 * Which ranker model is in use: the newest agency model retrained from this agency's outcomes
 * (`<dataDir>/models/matching-ranker/matching-ranker-v<N>.onnx`), else the default shipped in data/.
 */
@injectable()
export class RankerStore {
    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;

    protected loading: Promise<RankerSession> | undefined;

    /**
     * Fingerprint of the bilingual encoder the features depend on: a ranker trained with another encoder
     * still runs, but its semantic inputs have moved (retrain: node models/matching-ranker/train.js).
     */
    static encoderFingerprint(): string {
        return crypto.createHash('sha256').update(fs.readFileSync(defaultEncoderModelFile())).digest('hex').slice(0, 16);
    }

    protected warned = false;

    checkEncoder(ranker: RankerSession): void {
        const expected = ranker.metadata.encoder;
        if (!this.warned && expected && expected !== RankerStore.encoderFingerprint()) {
            this.warned = true;
            console.warn(`MatchPro matching: ranker ${ranker.version} was trained with another version of the bilingual encoder; retrain it (models/matching-ranker/train.js or 'matching retrain').`);
        }
    }

    static defaultModelFile(): string {
        return path.join(path.dirname(require.resolve('@matchpro/models/package.json')), 'matching-ranker', 'matching-ranker.onnx');
    }

    get folder(): string {
        return path.join(this.db.dataDir, 'models', 'matching-ranker');
    }

    agencyVersions(): number[] {
        if (!fs.existsSync(this.folder)) { return []; }
        return fs.readdirSync(this.folder).map(f => /^matching-ranker-v(\d+)\.onnx$/.exec(f)).filter((m): m is RegExpExecArray => !!m)
            .map(m => Number(m[1])).sort((a, b) => a - b);
    }

    currentFile(): string {
        const versions = this.agencyVersions();
        return versions.length ? path.join(this.folder, `matching-ranker-v${versions[versions.length - 1]}.onnx`) : RankerStore.defaultModelFile();
    }

    current(): Promise<RankerSession> {
        if (!this.loading) {
            this.loading = RankerSession.load(this.currentFile());
            this.loading.catch(() => { this.loading = undefined; });
        }
        return this.loading;
    }

    /** Writes a new agency model version and makes it the current one. */
    async publish(bytes: Uint8Array, version: number): Promise<string> {
        fs.mkdirSync(this.folder, { recursive: true });
        const file = path.join(this.folder, `matching-ranker-v${version}.onnx`);
        fs.writeFileSync(file + '.tmp', bytes);
        fs.renameSync(file + '.tmp', file);
        this.loading = undefined;
        return file;
    }
}
