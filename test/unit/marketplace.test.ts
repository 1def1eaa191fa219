// What a Marketplace reviewer and a first-time user see of the manifest: the listing (publisher, icon, banner,
// categories), where the extension runs, commands hidden where they cannot run, settings in titled, ordered sections
// with patterns, and a walkthrough whose steps complete on real events, in words every language has and pictures
// that need none.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

interface Setting {
	order?: number;
	type?: string;
	pattern?: string;
	enum?: string[];
	examples?: string[];
	patternErrorMessage?: string;
}
interface Contributes {
	commands: Array<{ command: string; enablement?: string }>;
	menus: Record<string, Array<{ command?: string; when?: string }>>;
	keybindings: Array<{ command: string; when?: string }>;
	views: Record<string, Array<{ id: string; when?: string }>>;
	configuration: Array<{ id: string; title: string; order?: number; properties: Record<string, Setting> }>;
	walkthroughs: Array<{
		id: string;
		title: string;
		steps: Array<{
			id: string;
			title: string;
			description: string;
			media: { svg?: string; altText?: string; markdown?: string; image?: string };
			completionEvents?: string[];
		}>;
	}>;
	viewsWelcome: Array<{ view: string; contents: string }>;
}
const contributes = pkg.contributes as Contributes;
const declared = new Set(contributes.commands.map((c) => c.command));

/** The context keys the extension sets, read from the one file that names them (core/contextKeys.ts). */
const CONTEXT_KEYS = new Set(
	[...fs.readFileSync(path.join(root, 'src', 'core', 'contextKeys.ts'), 'utf8').matchAll(/'(superofficeChat\.[\w.]+)'/g)].map((m) => m[1]),
);

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
	const b = fs.readFileSync(file);
	assert.strictEqual(b.subarray(1, 4).toString('latin1'), 'PNG', `${file} is not a PNG`);
	return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const PALETTE_HIDDEN_WITHOUT_CONNECTION = [
	'postMessage',
	'composeMessage',
	'postSelection',
	'signIn',
	'signOut',
	'removeConnection',
	'switchConnection',
	'checkConnection',
	'pickUp',
	'pickUpNext',
	'postQuickReply',
	'addSelectionToDraft',
].map((c) => `superofficeChat.${c}`);

describe('Marketplace listing and first use (package.json)', () => {
	it('names a publisher and a repository under the project’s own name', () => {
		assert.match(String(pkg.publisher), /^[a-z0-9][a-z0-9-]*$/);
		assert.notStrictEqual(pkg.publisher, 'undefined_publisher');
		const repo = (pkg.repository as { url: string }).url;
		assert.match(repo, /^https:\/\/github\.com\/superoffice-chat\//);
		assert.ok((pkg.bugs as { url?: string }).url?.startsWith(repo.replace(/\.git$/, '')));
	});

	it('has an icon of at least 256 × 256 px (Retina) and a gallery banner', () => {
		const size = pngSize(path.join(root, String(pkg.icon)));
		assert.ok(size.width >= 256 && size.height >= 256, `icon is ${size.width} × ${size.height}`);
		assert.strictEqual(size.width, size.height, 'the icon is square');
		const banner = pkg.galleryBanner as { color: string; theme: string };
		assert.match(banner.color, /^#[0-9a-f]{6}$/i);
		assert.ok(['dark', 'light'].includes(banner.theme));
	});

	it('uses Marketplace categories that fit (not "Chat", which is for AI chat participants) and keywords', () => {
		const allowed = [
			'Other',
			'Programming Languages',
			'Snippets',
			'Linters',
			'Themes',
			'Debuggers',
			'Formatters',
			'Keymaps',
			'SCM Providers',
			'Extension Packs',
			'Language Packs',
			'Data Science',
			'Machine Learning',
			'Visualization',
			'Notebooks',
			'Education',
			'Testing',
		];
		const categories = pkg.categories as string[];
		assert.ok(categories.length > 0);
		assert.deepStrictEqual(
			categories.filter((c) => !allowed.includes(c)),
			[],
		);
		const keywords = pkg.keywords as string[];
		assert.ok(keywords.length >= 3 && keywords.length <= 30, 'the Marketplace takes up to 30 keywords');
	});

	it('runs on the user’s side when it can (loopback sign-in in remote windows), else on the workspace host', () => {
		assert.deepStrictEqual(pkg.extensionKind, ['ui', 'workspace']);
	});

	it('uses only context keys the extension sets (or VS Code’s own) in when and enablement clauses', () => {
		const clauses = [
			...contributes.commands.map((c) => c.enablement ?? ''),
			...Object.values(contributes.menus)
				.flat()
				.map((m) => m.when ?? ''),
			...contributes.keybindings.map((k) => k.when ?? ''),
			...Object.values(contributes.views)
				.flat()
				.map((v) => v.when ?? ''),
		];
		const viewIds = new Set(
			Object.values(contributes.views)
				.flat()
				.map((v) => v.id),
		);
		// `view == superofficeChat.chatView` names a view, not a context key.
		const ours = clauses.flatMap((c) => [...c.matchAll(/superofficeChat\.[\w]+/g)].map((m) => m[0])).filter((k) => !viewIds.has(k));
		assert.ok(ours.length > 0);
		assert.deepStrictEqual([...new Set(ours.filter((k) => !CONTEXT_KEYS.has(k)))], []);
		assert.ok(
			ours.includes('superofficeChat.signedIn') ||
				contributes.walkthroughs.some((w) => JSON.stringify(w).includes('superofficeChat.signedIn')),
		);
	});

	it('hides from the palette what cannot run without a connection', () => {
		const palette = new Map(contributes.menus.commandPalette.map((m) => [m.command, m.when ?? '']));
		const shown = PALETTE_HIDDEN_WITHOUT_CONNECTION.filter((c) => !/superofficeChat\.hasConnection/.test(palette.get(c) ?? ''));
		assert.deepStrictEqual(shown, []);
		assert.match(palette.get('superofficeChat.signOut') ?? '', /superofficeChat\.anySignedIn/);
		assert.ok(!palette.has('superofficeChat.addConnection') && !palette.has('superofficeChat.signInOnline'), 'the ways in stay visible');
	});

	it('groups settings in titled sections in the documented order, each setting with an order', () => {
		assert.deepStrictEqual(
			contributes.configuration.map((c) => nls[/^%(.+)%$/.exec(c.title)?.[1] ?? '']),
			['Connections', 'Sending', 'Conversation', 'Online sign-in', 'Locale'],
		);
		contributes.configuration.forEach((c, i) => assert.strictEqual(c.order, i + 1, c.id));
		for (const c of contributes.configuration) {
			const orders = Object.values(c.properties).map((p) => p.order);
			assert.deepStrictEqual(
				orders,
				orders.map((_, i) => i + 1),
				`${c.id}: settings are ordered 1…n`,
			);
		}
	});

	it('checks language, culture and time zone with a pattern, a message and examples that pass it', () => {
		const locale = contributes.configuration.find((c) => c.id === 'superofficeChat.locale');
		assert.ok(locale);
		const cases: Record<string, { good: string[]; bad: string[] }> = {
			'superofficeChat.language': { good: ['', 'en', 'nb', 'pt-BR'], bad: ['english please', 'n', 'en_GB;'] },
			'superofficeChat.culture': { good: ['', 'en-GB', 'nb-NO'], bad: ['en GB', 'nb-NO;x'] },
			'superofficeChat.timeZone': {
				good: ['', 'Europe/Oslo', 'UTC', 'America/Argentina/Buenos_Aires'],
				bad: ['Europe/Oslo\r\nX: 1', ' UTC'],
			},
		};
		for (const [key, { good, bad }] of Object.entries(cases)) {
			const p = locale.properties[key];
			assert.ok(p?.pattern && p.patternErrorMessage && p.examples && p.examples.length > 0, `${key}: pattern, message and examples`);
			const re = new RegExp(p.pattern);
			for (const v of [...good, ...p.examples]) assert.ok(re.test(v), `${key}: "${v}" should pass`);
			for (const v of bad) assert.ok(!re.test(v), `${key}: "${v}" should fail`);
		}
	});

	it('declares a walkthrough whose steps complete on real events and whose illustrations exist and ship', () => {
		const [w] = contributes.walkthroughs;
		assert.ok(w, 'no walkthrough');
		assert.strictEqual(w.id, 'superofficeChat.gettingStarted');
		const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
		for (const step of w.steps) {
			assert.ok(step.completionEvents && step.completionEvents.length > 0, `${step.id}: no completion event`);
			for (const e of step.completionEvents) {
				const [kind, arg] = e.split(':');
				if (kind === 'onCommand') assert.ok(declared.has(arg), `${step.id}: ${e}`);
				else if (kind === 'onContext') assert.ok(CONTEXT_KEYS.has(arg), `${step.id}: ${e}`);
				else if (kind === 'onView') {
					assert.ok(
						Object.values(contributes.views)
							.flat()
							.some((v) => v.id === arg),
						`${step.id}: ${e}`,
					);
				} else if (kind === 'onSettingChanged') assert.ok(arg.startsWith('superofficeChat.'), `${step.id}: ${e}`);
				else assert.fail(`${step.id}: unexpected completion event ${e}`);
			}
			// Words live in the step's title and description (package.nls.<lang>.json); the media is a picture that needs
			// no translation: an SVG coloured by the theme, with a translated alternative text. A Markdown page would
			// show English beside translated steps.
			assert.deepStrictEqual(Object.keys(step.media).sort(), ['altText', 'svg'], `${step.id}: media`);
			const media = step.media.svg ?? '';
			assert.ok(media.startsWith('media/walkthrough/'), `${step.id}: media`);
			assert.ok(fs.existsSync(path.join(root, media)), `${media} is missing`);
			const svg = fs.readFileSync(path.join(root, media), 'utf8');
			assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="[\d ]+">/, `${media} is not an SVG`);
			assert.doesNotMatch(svg, /<script|\bon\w+=|href=/i, `${media}: no script, handler or link`);
			// The page that shows it allows only its own styles (CSP style-src 'nonce-…'): colours must be attributes.
			assert.doesNotMatch(svg, /<style|\sstyle=|\sclass=/, `${media}: styles the walkthrough's CSP would block`);
			assert.match(svg, /fill="var\(--vscode-/, `${media} does not follow the theme`);
			assert.ok(nls[/^%(.+)%$/.exec(step.media.altText ?? '')?.[1] ?? ''], `${step.id}: altText is not a translated string`);
		}
		assert.match(ignore, /^!media\/(walkthrough\/)?\*\*$/m, 'media/walkthrough/ ships');
		const stepText = w.steps.map((s) => nls[/^%(.+)%$/.exec(s.description)?.[1] ?? ''] ?? '').join('\n');
		// A step's description renders **bold** and [links](…) but not `code`: a backtick would show as itself.
		for (const file of fs.readdirSync(root).filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f))) {
			const strings = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;
			for (const [key, value] of Object.entries(strings)) {
				if (key.startsWith('walkthrough.')) assert.ok(!value.includes('`'), `${file} ${key}: a backtick`);
			}
		}
		for (const must of [
			'Developer Portal',
			'Onsite',
			'chat view',
			'Send Selection',
			'quick repl',
			'outbound guard',
			'Check Connection',
			'log',
		]) {
			assert.ok(
				new RegExp(must, 'i').test(stepText) ||
					w.steps.some((s) => new RegExp(must, 'i').test(nls[/^%(.+)%$/.exec(s.title)?.[1] ?? ''] ?? '')),
				`no step covers ${must}`,
			);
		}
	});

	it('offers the walkthrough from the welcome view', () => {
		const welcome = contributes.viewsWelcome.map((w) => nls[/^%(.+)%$/.exec(w.contents)?.[1] ?? ''] ?? w.contents).join('\n');
		assert.match(welcome, /\[Get Started\]\(command:superofficeChat\.openWalkthrough\)/);
	});
});
