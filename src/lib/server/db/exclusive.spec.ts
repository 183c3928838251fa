import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/testing';
import { engine, liveDatabase, runExclusive } from './index';
import type { PgDB } from './postgres';

beforeEach(async () => {
	await freshDatabase();
});

describe('runExclusive', () => {
	it('runs a job once when it is started twice at the same moment', async () => {
		let runs = 0;
		const job = async () => {
			runs += 1;
			await new Promise((resolve) => setTimeout(resolve, 50));
			return 'done';
		};
		const [a, b] = await Promise.all([runExclusive('spec', job), runExclusive('spec', job)]);
		expect(runs).toBe(1);
		expect([a.ran, b.ran].sort()).toEqual([false, true]);
		// Done: the next run goes ahead, and other jobs never wait for this one.
		expect(await runExclusive('spec', job)).toEqual({ ran: true, value: 'done' });
		const [c, d] = await Promise.all([runExclusive('one', job), runExclusive('two', job)]);
		expect(c.ran && d.ran).toBe(true);
	});

	it('lets the next run go ahead after a job failed', async () => {
		await expect(runExclusive('spec', () => Promise.reject(new Error('boom')))).rejects.toThrow(
			'boom'
		);
		expect((await runExclusive('spec', async () => 1)).ran).toBe(true);
	});

	it('skips the job while another server holds its lock (PostgreSQL)', async () => {
		if (engine !== 'postgres') {
			// SQLite: one process owns the file; the in-process guard above is the whole story.
			expect(engine).toBe('sqlite');
			return;
		}
		const other = await (liveDatabase() as unknown as PgDB).$client.connect();
		try {
			await other.query(`select pg_advisory_lock(${0x5349_474e}, hashtext('spec'))`);
			expect(await runExclusive('spec', async () => 1)).toEqual({ ran: false });
			await other.query(`select pg_advisory_unlock(${0x5349_474e}, hashtext('spec'))`);
			expect(await runExclusive('spec', async () => 1)).toEqual({ ran: true, value: 1 });
		} finally {
			other.release();
		}
	});
});
