// The e2e tier's mocha configuration. Each scenario launches its own workbench; a failing test leaves a screenshot in
// test-results/ (hooks.ts). On CI a UI test gets one more try: a loaded 2-core runner can miss a toast or a quick pick
// by a frame; a test that fails twice still fails, and locally nothing is retried. E2E_RETRIES overrides that,
// E2E_GREP runs matching tests only, E2E_DEBUG=1 echoes code-server's and the browser's logs.
'use strict';
module.exports = {
	spec: 'out/test/e2e/**/*.test.js',
	require: ['out/test/e2e/hooks.js'],
	ui: 'bdd',
	color: false,
	timeout: 120000,
	slow: 30000,
	retries: Number(process.env.E2E_RETRIES ?? (process.env.CI ? 1 : 0)),
	exit: true,
	reporter: './scripts/mochaCountReporter.js',
	'reporter-option': ['tier=e2e'],
	...(process.env.E2E_GREP ? { grep: process.env.E2E_GREP } : {}),
};
