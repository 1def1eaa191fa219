// Lint rules, including the import boundaries of the house: pure code never imports `vscode`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Imports run downward only. Each folder lists the folders above it, which it must not import; `vscode` is
// forbidden in the pure folders. Lowest first:
//   shared → api → online, compose, guard, live, diagnostics, util → core → connections, sessions → services
//   → errors, signIn, sending, targets → views, authentication → commands → extension.ts / extensionApi.ts
// Import cycles (also within a layer) are caught by scripts/checkImportCycles.js, run with lint.
const layers = [
	{ folders: ['shared'], pure: true, mayImport: [] },
	{ folders: ['webview'], pure: true, mayImport: ['shared'] },
	{ folders: ['api'], pure: true, mayImport: ['shared'] },
	{ folders: ['online'], pure: true, mayImport: ['shared', 'api'] },
	{ folders: ['compose'], pure: true, mayImport: ['shared', 'api'] },
	{ folders: ['guard'], pure: true, mayImport: ['shared'] },
	{ folders: ['live'], pure: true, mayImport: ['shared', 'api'] },
	{ folders: ['diagnostics'], pure: true, mayImport: ['shared', 'api'] },
	{ folders: ['util'], pure: false, mayImport: ['shared', 'api'] },
	{ folders: ['core'], pure: false, mayImport: ['shared', 'api', 'online', 'compose', 'guard', 'live', 'diagnostics', 'util'] },
	{
		folders: ['connections', 'sessions'],
		pure: false,
		mayImport: ['shared', 'api', 'online', 'compose', 'guard', 'live', 'diagnostics', 'util', 'core', 'connections', 'sessions'],
	},
	{
		folders: ['services'],
		pure: false,
		mayImport: ['shared', 'api', 'online', 'compose', 'guard', 'live', 'diagnostics', 'util', 'core', 'connections', 'sessions'],
	},
	{
		folders: ['errors', 'signIn', 'sending', 'targets'],
		pure: false,
		mayImport: [
			'shared',
			'api',
			'online',
			'compose',
			'guard',
			'util',
			'core',
			'connections',
			'sessions',
			'services',
			'errors',
			'signIn',
			'sending',
			'targets',
		],
	},
	{
		folders: ['views', 'authentication'],
		pure: false,
		mayImport: [
			...['shared', 'api', 'online', 'compose', 'guard', 'live', 'diagnostics', 'util', 'core', 'connections', 'sessions', 'services'],
			...['errors', 'signIn', 'sending', 'targets', 'views', 'authentication'],
		],
	},
];
const ALL_FOLDERS = [...new Set([...layers.flatMap((l) => l.folders), 'commands'])];

/** The no-restricted-imports rule of one layer: every other folder of src/ that is not below it. */
function layerRule(layer) {
	const forbidden = ALL_FOLDERS.filter((f) => !layer.folders.includes(f) && !layer.mayImport.includes(f));
	return {
		'no-restricted-imports': [
			'error',
			{
				paths: layer.pure ? [{ name: 'vscode', message: `src/${layer.folders[0]} is pure: it must not import vscode.` }] : [],
				patterns: [
					{
						group: forbidden.flatMap((f) => [`../${f}`, `../${f}/*`, `../../${f}/*`]).concat(['../extension', '../extensionApi']),
						message: `src/${layer.folders.join(', src/')} may import only ${layer.mayImport.length ? 'src/' + layer.mayImport.join(', src/') : 'its own folder'}: imports run downward (docs/ARCHITECTURE.md).`,
					},
				],
			},
		],
	};
}

const noVscode = {
	'no-restricted-imports': [
		'error',
		{
			paths: [{ name: 'vscode', message: 'Unit tests run in plain Node: they must not import vscode.' }],
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
	...layers.map((layer) => ({ files: layer.folders.map((f) => `src/${f}/**`), rules: layerRule(layer) })),
	{ files: ['test/unit/**'], rules: noVscode },
	{
		// Type-aware rules for the extension's own code: no promise left floating, none where a void callback is due.
		files: ['src/**/*.ts'],
		languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'no-console': 'error',
			// The build turns each vscode.l10n.t call into an indexed lookup (scripts/l10nTable.js, src/core/l10n.ts).
			'no-restricted-syntax': [
				'error',
				{
					selector: "CallExpression[callee.object.property.name='l10n'][callee.property.name='t']:not([arguments.0.type='Literal'])",
					message: 'vscode.l10n.t takes its English text as a string literal: the build looks it up by that text.',
				},
				{
					selector: "MemberExpression[object.object.name='vscode'][object.property.name='l10n'][property.name!='t']",
					message: 'Only vscode.l10n.t: the translations ship in dist/translations.json, not as VS Code l10n bundles.',
				},
			],
		},
	},
	{
		files: ['src/webview/**'],
		rules: {
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
			globals: {
				require: 'readonly',
				module: 'writable',
				process: 'readonly',
				console: 'readonly',
				__dirname: 'readonly',
				setTimeout: 'readonly',
				clearTimeout: 'readonly',
				Buffer: 'readonly',
				URL: 'readonly',
				fetch: 'readonly',
				setInterval: 'readonly',
				clearInterval: 'readonly',
				AbortController: 'readonly',
				URLSearchParams: 'readonly',
				performance: 'readonly',
			},
		},
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
	{ files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
);
