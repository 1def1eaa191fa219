import * as assert from 'node:assert/strict';
import { KnownMessageIds } from '../../../src/sessions/knownMessageIds';

describe('KnownMessageIds', () => {
	it('keeps the newest id per connection and session, whatever order reads and sends finish in', () => {
		const k = new KnownMessageIds();
		assert.equal(k.get('a', 101), undefined);
		k.see('a', 101, 7);
		k.see('a', 101, 5);
		k.see('a', 102, 3);
		k.see('b', 101, 9);
		assert.equal(k.get('a', 101), 7);
		assert.equal(k.get('a', 102), 3);
		assert.equal(k.get('b', 101), 9);
	});

	it('ignores what is not a message id (a 2xx without one, 0, fractions)', () => {
		const k = new KnownMessageIds();
		k.see('a', 101, undefined);
		k.see('a', 101, 0);
		k.see('a', 101, 1.5);
		assert.equal(k.get('a', 101), undefined);
	});
});
