// The mocha reporter of every tier: mocha's own spec output, then one line `[tier] N passed, N failed`, also written to
// TEST_RESULT_FILE for scripts/test-all.js, which adds the tiers up. The tier comes from `--reporter-option tier=…`.
'use strict';
const fs = require('node:fs');
// MOCHA_REPORTER_MOCHA: the mocha that runs the tests, when it is not this project's (test-cli brings its own).
const mochaModule = require(process.env.MOCHA_REPORTER_MOCHA || 'mocha');

// mocha 12 is an ES module: require() hands back its namespace.
const Mocha = typeof mochaModule === 'function' ? mochaModule : mochaModule.default;

class CountReporter extends Mocha.reporters.Spec {
	constructor(runner, options = {}) {
		super(runner, options);
		const tier = (options.reporterOption && options.reporterOption.tier) || process.env.TEST_TIER || 'tests';
		runner.once('end', () => {
			const line = `${runner.stats.passes} passed, ${runner.stats.failures} failed`;
			console.log(`[${tier}] ${line}`);
			if (process.env.TEST_RESULT_FILE) fs.writeFileSync(process.env.TEST_RESULT_FILE, `${line}\n`);
		});
	}
}

module.exports = CountReporter;
