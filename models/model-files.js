// Where the shipped model artifacts are. The product resolves them through this package (from
// node_modules, also from a bundled backend); the training scripts write them here, once.
'use strict';
const path = require('path');

/** @param {string} model folder name, e.g. 'bilingual-encoder'; @param {string} file artifact name */
exports.modelFile = (model, file) => path.join(__dirname, model, file);
