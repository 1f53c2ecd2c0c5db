#!/usr/bin/env node
'use strict';
require('../lib/matchpro-cli').main(process.argv.slice(2)).then(code => { process.exitCode = code; });
