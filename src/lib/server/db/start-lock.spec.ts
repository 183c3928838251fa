import { afterEach, beforeEach, expect, it } from 'vitest';
import { closeDatabase, engine, liveDatabase } from './index';
import { underStartLock } from './start-lock';
import { freshDatabase } from '../testing/testing';
import type { PgDB } from './postgres';

beforeEach(async () => {
	await freshDatabase();
});
afterEach(async () => {
	await closeDatabase();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('runs start-up work one at a time and hands back its result', async () => {
	const events: string[] = [];
	const step = (name: string) => async () => {
		events.push(`${name} starts`);
		await pause(30);
		events.push(`${name} ends`);
		return name;
	};
	const results = await Promise.all([underStartLock(step('a')), underStartLock(step('b'))]);
	expect(results).toEqual(['a', 'b']);
	expect(events).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
});

it('a failing piece of work does not keep the lock', async () => {
	await expect(
		underStartLock(async () => {
			throw new Error('broken module');
		})
	).rejects.toThrow('broken module');
	expect(await underStartLock(async () => 'next')).toBe('next');
	if (engine === 'postgres') {
		// Another session (another server) gets the advisory lock at once.
		const other = await (liveDatabase() as unknown as PgDB).$client.connect();
		try {
			const free = await other.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(5170021) AS ok');
			expect(free.rows[0].ok).toBe(true);
			await other.query('SELECT pg_advisory_unlock_all()');
		} finally {
			other.release();
		}
	}
});
