// Renders the Marketplace icon (media/icon.png, 256 × 256) from its source docs/images/icon.svg with librsvg's
// rsvg-convert (Debian: apt-get install librsvg2-bin). Run it after editing the SVG and commit both files.
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const size = 256;
try {
	execFileSync(
		'rsvg-convert',
		['-w', String(size), '-h', String(size), '-o', path.join(root, 'media', 'icon.png'), path.join(root, 'docs', 'images', 'icon.svg')],
		{
			stdio: 'inherit',
		},
	);
} catch (err) {
	console.error(`rsvg-convert failed (${err.message}); on Debian/Ubuntu: apt-get install librsvg2-bin`);
	process.exit(1);
}
console.log(`media/icon.png: ${size} × ${size}`);
