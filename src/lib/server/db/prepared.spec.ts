import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/testing';
import { db, engine, liveDatabase, transaction } from './index';
import type { PgDB } from './postgres';
import { prepared } from './prepared';
import { organisation } from './schema';

const byName = prepared((database) =>
	database
		.select({ id: organisation.id, name: organisation.name })
		.from(organisation)
		.where(eq(organisation.name, sql.placeholder('name')))
		.prepare()
);

// Which PostgreSQL connection (server process) ran the statement.
const backendOf = (report: boolean) =>
	prepared(
		(database) =>
			database
				.select({ pid: sql<number>`pg_backend_pid()` })
				.from(organisation)
				.where(eq(organisation.name, sql.placeholder('name')))
				.prepare(),
		{ report }
	);
const backend = backendOf(false);
const reportBackend = backendOf(true);

beforeEach(async () => {
	await freshDatabase();
});

describe('prepared statements', () => {
	it("read the caller's own transaction, and what it rolled back is gone afterwards", async () => {
		await expect(
			transaction(async () => {
				await db.insert(organisation).values({ name: 'Tijdelijk' });
				// On PostgreSQL the statement was built on the pool: it must run on this
				// transaction's connection, or it would not see the uncommitted row.
				expect(await byName().get({ name: 'Tijdelijk' })).toMatchObject({ name: 'Tijdelijk' });
				throw new Error('terug');
			})
		).rejects.toThrow('terug');
		expect(await byName().get({ name: 'Tijdelijk' })).toBeUndefined();
	});

	it('run again and again with other values, inside and outside transactions', async () => {
		await db.insert(organisation).values([{ name: 'Een' }, { name: 'Twee' }]);
		for (let i = 0; i < 3; i++) {
			expect((await byName().all({ name: 'Een' })).map((r) => r.name)).toEqual(['Een']);
			await transaction(async () => {
				expect((await byName().get({ name: 'Twee' }))?.name).toBe('Twee');
			});
		}
		expect(await byName().all({ name: 'Drie' })).toEqual([]);
	});

	it('share one connection outside a transaction on PostgreSQL, while a report takes a pool connection', async () => {
		if (engine !== 'postgres') {
			// SQLite: one connection in the process runs everything.
			expect(engine).toBe('sqlite');
			return;
		}
		await db.insert(organisation).values({ name: 'Een' });
		const pids = async (statement: typeof backend, n: number) =>
			new Set(
				(await Promise.all(Array.from({ length: n }, () => statement().get({ name: 'Een' })))).map(
					(row) => row!.pid
				)
			);
		// Twenty requests at once: their statements all go out on the shared connection.
		const shared = await pids(backend, 20);
		expect(shared.size).toBe(1);
		// A report's statements each take a pool connection, never the shared one.
		const reports = await pids(reportBackend, 20);
		expect(reports.size).toBeGreaterThan(1);
		expect(reports.has([...shared][0])).toBe(false);
		// Inside a transaction the statement runs on the transaction's connection.
		await transaction(async () => {
			expect((await backend().get({ name: 'Een' }))!.pid).not.toBe([...shared][0]);
		});
	});

	it('connect again after PostgreSQL dropped the shared connection', async () => {
		if (engine !== 'postgres') {
			expect(engine).toBe('sqlite');
			return;
		}
		await db.insert(organisation).values({ name: 'Een' });
		const before = (await backend().get({ name: 'Een' }))!.pid;
		// A server restart or fail-over ends the connection under the process.
		const postgres = liveDatabase() as unknown as PgDB;
		await postgres.execute(sql`select pg_terminate_backend(${before})`);
		const connection = postgres.$shared;
		await expect.poll(() => connection.ready, { timeout: 5000 }).toBeUndefined();
		const after = await backend().get({ name: 'Een' });
		expect(after!.pid).not.toBe(before);
		expect((await byName().get({ name: 'Een' }))?.name).toBe('Een');
	});
});
