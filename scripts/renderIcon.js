// Renders the Marketplace icon (media/icon.png, 256 × 256) from its source docs/images/icon.svg with librsvg's
// rsvg-convert, reduces it to a 32-colour palette without dithering (a third of the bytes, no visible change on the
// gradient; 16 colours band it) and recompresses it with zopflipng (12 % less, the same pixels). Debian: apt-get install
// librsvg2-bin pngquant zopfli. Run it after editing the SVG and commit both files.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const size = 256;
const png = path.join(root, 'media', 'icon.png');
const run = (tool, args) => {
	try {
		execFileSync(tool, args, { stdio: 'inherit' });
	} catch (err) {
		console.error(`${tool} failed (${err.message}); on Debian/Ubuntu: apt-get install librsvg2-bin pngquant zopfli`);
		process.exit(1);
	}
};
run('rsvg-convert', ['-w', String(size), '-h', String(size), '-o', png, path.join(root, 'docs', 'images', 'icon.svg')]);
run('pngquant', ['32', '--nofs', '--speed', '1', '--strip', '--force', '--output', png, '--', png]);
run('zopflipng', ['-y', '-m', '--iterations=50', png, png]);
console.log(`media/icon.png: ${size} × ${size}, ${fs.statSync(png).size} bytes`);
