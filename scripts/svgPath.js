// SVG path data, written short: the webview's icon masks (esbuild.js, iconStyles) carry each codicon's shape at 1/10 of
// its 16-unit grid (≤ 0.05 px off at the 16 px the chat view draws them), each segment absolute or relative, whichever
// is shorter, without repeated command letters or separators a number does not need.
'use strict';

/** How many numbers each command takes. */
const ARITY = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 };
/** The arguments of each command that are x or y coordinates (moved by a relative command); the rest (arc radii, rotation, flags) are not. */
const AXES = { M: 'xy', L: 'xy', H: 'x', V: 'y', C: 'xyxyxy', S: 'xyxy', Q: 'xyxy', T: 'xy', A: '-----xy', Z: '' };

/** Where drawing stands: the current point and the start of the current subpath (where Z returns). */
class Pen {
	x = 0;
	y = 0;
	startX = 0;
	startY = 0;

	/** A segment's arguments moved by the current point (relative to absolute); `sign` -1 does the reverse. */
	absolute(cmd, args, sign = 1) {
		return args.map((v, k) => v + sign * (AXES[cmd][k] === 'x' ? this.x : AXES[cmd][k] === 'y' ? this.y : 0));
	}

	relative(cmd, args) {
		return this.absolute(cmd, args, -1);
	}

	/** Draws the segment `cmd` with absolute arguments `abs`. */
	move(cmd, abs) {
		if (cmd === 'Z') [this.x, this.y] = [this.startX, this.startY];
		else if (cmd === 'H') this.x = abs[0];
		else if (cmd === 'V') this.y = abs[0];
		else [this.x, this.y] = abs.slice(-2);
		if (cmd === 'M') [this.startX, this.startY] = [this.x, this.y];
	}
}

/** The path as segments `{ cmd, args }` with absolute coordinates, one command per segment (implicit repeats split). */
function absoluteSegments(d) {
	const tokens = d.match(/[MLHVCSQTAZmlhvcsqtaz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
	const segments = [];
	const pen = new Pen();
	let i = 0;
	let cmd;
	while (i < tokens.length) {
		if (/[a-z]/i.test(tokens[i])) cmd = tokens[i++];
		else if (cmd === undefined) throw new Error(`path data does not start with a command: ${d}`);
		const upper = cmd.toUpperCase();
		const relative = cmd !== upper;
		const args = tokens.slice(i, i + ARITY[upper]).map(Number);
		if (args.length < ARITY[upper] || args.some(Number.isNaN)) throw new Error(`too few numbers after ${cmd} in ${d}`);
		i += ARITY[upper];
		const abs = relative ? pen.absolute(upper, args) : args;
		segments.push({ cmd: upper, args: abs });
		pen.move(upper, abs);
		if (upper === 'M') cmd = relative ? 'l' : 'L'; // further pairs after a moveto are linetos
		if (upper === 'Z' && i < tokens.length && !/[a-z]/i.test(tokens[i])) throw new Error(`numbers after Z in ${d}`);
	}
	return segments;
}

/** A number as short as it can be written: no leading zero, no "-0". */
function formatNumber(n) {
	const s = String(n === 0 ? 0 : n);
	return s.replace(/^(-?)0\./, '$1.');
}

/** Whether `next` (numbers) would run into the end of `out` without a separator. */
function needsSeparator(out, next) {
	if (out === '' || /[a-zA-Z]$/.test(out) || next.startsWith('-')) return false;
	if (/^\d/.test(next)) return true;
	return !/\./.test(/[\d.]*$/.exec(out)[0]); // ".5" after "15" would make 15.5; after "1.5" it starts a number
}

/** Numbers written one after another, separated only where they would otherwise run together. */
function joinNumbers(numbers) {
	return numbers.reduce((out, s) => out + (needsSeparator(out, s) ? ' ' : '') + s, '');
}

/** `d` with every coordinate rounded to 1/`precision` and each segment written the shorter way. */
function compactPath(d, precision = 10) {
	const round = (v) => Math.round(v * precision) / precision;
	const pen = new Pen();
	let previous = '';
	let out = '';
	for (const { cmd, args } of absoluteSegments(d)) {
		let upper = cmd;
		let abs = args.map((v, k) => (cmd === 'A' && k >= 3 && k <= 4 ? v : round(v)));
		if (upper === 'L' && abs[1] === pen.y) [upper, abs] = ['H', [abs[0]]];
		else if (upper === 'L' && abs[0] === pen.x) [upper, abs] = ['V', [abs[1]]];
		const rel = pen.relative(upper, abs).map(round);
		const absText = joinNumbers(abs.map(formatNumber));
		const relText = joinNumbers(rel.map(formatNumber));
		// From the start (0,0) both ways read alike; the absolute one is kept on a tie.
		const useRelative = upper !== 'Z' && relText.length < absText.length;
		const letter = upper === 'Z' ? 'z' : useRelative ? upper.toLowerCase() : upper;
		const text = useRelative ? relText : absText;
		// A repeated letter can go (not after a moveto, whose repeats are linetos).
		const repeat = letter === previous && letter.toUpperCase() !== 'M' && letter !== 'z';
		out = repeat ? joinNumbers([out, text]) : out + letter + text;
		previous = letter;
		pen.move(upper, abs);
	}
	return out;
}

module.exports = { absoluteSegments, compactPath };
