import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../testing/testing';
import { db, engine, liveDatabase, transaction } from './index';
import type { PgDB } from './postgres';
import { prepared } from './prepared';
import { SharedConnections } from './postgres/shared-connection';
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

	it('share the shared connections outside a transaction on PostgreSQL, while a report takes a pool connection', async () => {
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
		// Twenty requests at once: their statements go out on the shared connections, in turn
		// (the pool would have used all four of its connections).
		const shared = await pids(backend, 20);
		expect(shared.size).toBe((liveDatabase() as unknown as PgDB).$shared.size);
		expect(shared.size).toBeLessThan(4);
		// A report's statements each take a pool connection, never a shared one.
		const reports = await pids(reportBackend, 20);
		expect(reports.size).toBeGreaterThan(1);
		expect([...reports].filter((pid) => shared.has(pid))).toEqual([]);
		// Inside a transaction the statement runs on the transaction's connection.
		await transaction(async () => {
			expect(shared.has((await backend().get({ name: 'Een' }))!.pid)).toBe(false);
		});
	});

	it('connect again after PostgreSQL dropped the shared connections', async () => {
		if (engine !== 'postgres') {
			expect(engine).toBe('sqlite');
			return;
		}
		await db.insert(organisation).values({ name: 'Een' });
		const postgres = liveDatabase() as unknown as PgDB;
		const n = postgres.$shared.size;
		const round = () =>
			Promise.all(Array.from({ length: n }, () => backend().get({ name: 'Een' })));
		const before = new Set((await round()).map((row) => row!.pid));
		expect(before.size).toBe(n);
		// A server restart or fail-over ends the connections under the process.
		for (const pid of before) await postgres.execute(sql`select pg_terminate_backend(${pid})`);
		const forgotten = () =>
			Array.from({ length: n }, () => postgres.$shared.next().ready).every((c) => !c);
		await expect.poll(forgotten, { timeout: 5000 }).toBe(true);
		const after = new Set((await round()).map((row) => row!.pid));
		expect(after.size).toBe(n);
		expect([...after].filter((pid) => before.has(pid))).toEqual([]);
		expect((await byName().get({ name: 'Een' }))?.name).toBe('Een');
	});

	it('take several shared connections in turn when configured (DATABASE_SHARED_CONNECTIONS)', async () => {
		if (engine !== 'postgres') {
			expect(engine).toBe('sqlite');
			return;
		}
		const postgres = liveDatabase() as unknown as PgDB;
		const connections = new SharedConnections(postgres.$client.options, 3);
		try {
			const pidOf = async () => {
				const client = await connections.next().acquire();
				return (await client.query('select pg_backend_pid() as pid')).rows[0].pid as number;
			};
			const first = [await pidOf(), await pidOf(), await pidOf()];
			expect(new Set(first).size).toBe(3);
			// The fourth statement is the first connection's turn again.
			expect(await pidOf()).toBe(first[0]);
		} finally {
			await connections.close();
		}
		await expect(connections.next().acquire()).rejects.toThrow('The database is not open');
	});
});
