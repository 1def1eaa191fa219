// Lint rules, including the import boundaries of the house: pure code never imports `vscode`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
	'no-restricted-imports': [
		'error',
		{
			paths: [{ name: 'vscode', message: 'Pure modules (api, compose, live, online, shared, webview, unit tests) must not import vscode.' }],
		},
	],
};

export default tseslint.config(
	{ ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '.vscode-test/**', '**/*.d.ts'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
			eqeqeq: ['error', 'always', { null: 'ignore' }],
			curly: ['error', 'multi-line'],
			'no-throw-literal': 'error',
		},
	},
	{
		files: ['src/api/**', 'src/compose/**', 'src/live/**', 'src/online/**', 'src/shared/**', 'src/webview/**', 'test/unit/**'],
		rules: noVscode,
	},
	{
		files: ['src/webview/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [{ name: 'vscode', message: 'The webview must not import vscode.' }],
					patterns: [{ group: ['../api/*', '../connections/*', '../commands/*', '../views/*', '../compose/*'], message: 'The webview may import only src/shared.' }],
				},
			],
			'no-restricted-properties': [
				'error',
				{ property: 'innerHTML', message: 'Insert server text with textContent.' },
				{ property: 'outerHTML', message: 'Insert server text with textContent.' },
				{ property: 'insertAdjacentHTML', message: 'Insert server text with textContent.' },
			],
		},
	},
	{
		files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
		languageOptions: {
			sourceType: 'commonjs',
			globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly', URL: 'readonly', fetch: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', AbortController: 'readonly', URLSearchParams: 'readonly', performance: 'readonly' },
		},
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
	{ files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
);
