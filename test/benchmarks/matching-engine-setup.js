'use strict';
// Shared by the matching benchmarks: the backend's MatchingEngine over a throw-away data folder, with the
// shipped ranker, as the workbench runs it.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Container } = require('@theia/core/shared/inversify');
const { MatchProConfig } = require('@matchpro/core/lib/node/matchpro-config');
const { MatchProDatabase } = require('@matchpro/core/lib/node/matchpro-database');
const { MatchingEngine } = require('@matchpro/matching/lib/node/matching-engine');
const { RankerSession } = require('@matchpro/matching/lib/node/ranker-model');
const { RankerStore } = require('@matchpro/matching/lib/node/ranker-store');

/** `encoderMatches`: whether the ranker was trained with the encoder shipped now; `close()` ends the database. */
async function createMatchingEngine(name) {
    const container = new Container();
    container.bind(MatchProConfig).toConstantValue({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`)), actor: name });
    container.load(require('@matchpro/core/lib/node/core-backend-module').default, require('@matchpro/taxonomy/lib/node/taxonomy-backend-module').default,
        require('@matchpro/matching/lib/node/matching-backend-module').default);
    const engine = container.get(MatchingEngine);
    engine.setRanker(await RankerSession.load(RankerStore.defaultModelFile()));
    return {
        engine,
        encoderMatches: engine.currentRanker.metadata.encoder === RankerStore.encoderFingerprint(),
        close: () => container.get(MatchProDatabase).close()
    };
}

module.exports = { createMatchingEngine };
