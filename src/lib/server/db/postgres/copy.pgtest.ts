// db:copy on the demo data: a real SQLite file seeded as `npm run seed:demo` does, copied into a
// throwaway PostgreSQL server (tests/support/postgres.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type ThrowawayPostgres } from '../../../../../tests/support/postgres';
import { closeDatabase, openDatabase } from '../index';
import { recordAudit } from '../../platform/audit';
import { loadShippedCourse } from '../../content/course';
import { syncShippedModules } from '../../content/versions';
import { seedDemo } from '../../demo/seed';
import { seedDemoCertificates } from '../../demo/certificates';
import { seedDemoAssignments } from '../../demo/manager';
import { seedDemoAuthoring } from '../../demo/authoring';
import { CopyError, copySqliteToPostgres, formatCounts } from './copy';
import { applyPostgresMigrations, openPostgres, postgresClientConfig } from './index';
import * as postgresSchema from './schema';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { eq, is } from 'drizzle-orm';

let server: ThrowawayPostgres;
let dir: string;
let demoFile: string;

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-copy-'));
	demoFile = path.join(dir, 'demo.db');
	const [started] = await Promise.all([
		startPostgres(),
		(async () => {
			const database = await openDatabase(demoFile);
			await syncShippedModules(loadShippedCourse());
			await seedDemo();
			await seedDemoCertificates();
			await seedDemoAssignments();
			await seedDemoAuthoring();
			await recordAudit({ action: 'test.copied', details: { note: 'ëé "quoted"' } });
			const sqlite = database.$client;
			// Bytes (blob to bytea), and a certificate renewed from a later one: the copy must put
			// that self-reference in after both rows exist.
			sqlite
				.prepare('INSERT INTO recovery_code (user_id, code_hash) VALUES (1, ?)')
				.run(Buffer.from([0, 1, 2, 254, 255]));
			sqlite
				.prepare(
					'UPDATE certificate SET renewed_from_id = (SELECT max(id) FROM certificate) WHERE id = (SELECT min(id) FROM certificate)'
				)
				.run();
			await closeDatabase();
		})()
	]);
	server = started;
});

afterAll(() => {
	server?.stop();
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function connect(url: string): Promise<pg.Client> {
	const client = new pg.Client(postgresClientConfig(url));
	await client.connect();
	return client;
}

describe('PostgreSQL migrations', () => {
	it('build exactly the tables, columns, types and indexes of the PostgreSQL schema', async () => {
		const url = await server.createDatabase('migrated');
		const client = await connect(url);
		try {
			expect(await applyPostgresMigrations(client)).toBeGreaterThan(0);
			const columns = await client.query<{ t: string; c: string; type: string; nullable: string }>(
				`SELECT table_name AS t, column_name AS c, data_type AS type, is_nullable AS nullable
				 FROM information_schema.columns WHERE table_schema = 'public'`
			);
			const indexes = await client.query<{ name: string }>(
				"SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'"
			);
			const built = columns.rows.map(
				(r) => `${r.t}.${r.c} ${r.type}${r.nullable === 'NO' ? ' not null' : ''}`
			);
			const declared: string[] = [];
			const declaredIndexes: string[] = [];
			for (const value of Object.values(postgresSchema)) {
				if (!is(value, PgTable)) continue;
				const config = getTableConfig(value);
				for (const c of config.columns)
					declared.push(
						`${config.name}.${c.name} ${c.getSQLType()}${c.notNull ? ' not null' : ''}`
					);
				for (const index of config.indexes) declaredIndexes.push(index.config.name!);
			}
			expect(built.sort()).toEqual(declared.sort());
			const builtIndexes = indexes.rows.map((r) => r.name);
			for (const name of declaredIndexes) expect(builtIndexes).toContain(name);
		} finally {
			await client.end();
		}
	});
});

describe('db:copy', () => {
	it('copies the demo data with its ids, types and row counts, and refuses a second run', async () => {
		const url = await server.createDatabase('demo');
		const counts = await copySqliteToPostgres({ from: demoFile, to: url, batchSize: 7 });
		const source = new Database(demoFile, { readonly: true });
		const pgClient = await connect(url);
		try {
			for (const table of ['user', 'organisation', 'module_version', 'enrolment', 'response']) {
				const count = counts.find((c) => c.table === table);
				expect(count?.sqlite, table).toBeGreaterThan(0);
			}
			expect(counts.every((c) => c.sqlite === c.postgres)).toBe(true);
			expect(formatCounts(counts)).toMatch(/^response\s+\d+\s+\d+\s+ok$/m);
			// The planner knows how many rows arrived (statistics gathered after the copy), and the
			// copied tables are vacuumed, not left to autovacuum while the platform serves.
			const analysed = await pgClient.query(
				`SELECT relname, last_analyze, last_vacuum FROM pg_stat_user_tables WHERE relname IN ('response', 'membership')`
			);
			expect(analysed.rows).toHaveLength(2);
			for (const row of analysed.rows) {
				expect(row.last_analyze, row.relname).not.toBeNull();
				expect(row.last_vacuum, row.relname).not.toBeNull();
			}

			// A learner: same id, e-mail, times (epoch ms to timestamptz) and flags (0/1 to boolean).
			const user = source
				.prepare('SELECT * FROM user WHERE is_admin = 0 ORDER BY id DESC LIMIT 1')
				.get() as { id: number; email: string; created_at: number; is_admin: number };
			const copied = await pgClient.query('SELECT * FROM "user" WHERE id = $1', [user.id]);
			expect(copied.rows[0].email).toBe(user.email);
			expect((copied.rows[0].created_at as Date).getTime()).toBe(Math.trunc(user.created_at));
			expect(copied.rows[0].is_admin).toBe(false);

			// An answer: JSON text became jsonb with the same value.
			const answer = source
				.prepare('SELECT id, answer, signals_hit, is_first FROM response ORDER BY id LIMIT 1')
				.get() as { id: number; answer: string; signals_hit: string; is_first: number };
			const row = await pgClient.query(
				'SELECT answer, signals_hit, is_first, pg_typeof(answer)::text AS type FROM response WHERE id = $1',
				[answer.id]
			);
			expect(row.rows[0].type).toBe('jsonb');
			expect(row.rows[0].answer).toEqual(JSON.parse(answer.answer));
			expect(row.rows[0].signals_hit).toEqual(JSON.parse(answer.signals_hit));
			expect(row.rows[0].is_first).toBe(answer.is_first === 1);

			const code = await pgClient.query('SELECT code_hash FROM recovery_code');
			expect(code.rows[0].code_hash).toEqual(Buffer.from([0, 1, 2, 254, 255]));
			const renewed = await pgClient.query(
				'SELECT renewed_from_id FROM certificate ORDER BY id LIMIT 1'
			);
			const newest = await pgClient.query('SELECT max(id) AS id FROM certificate');
			expect(renewed.rows[0].renewed_from_id).toBe(newest.rows[0].id);

			const audit = await pgClient.query(
				"SELECT details FROM audit_event WHERE action = 'test.copied'"
			);
			expect(audit.rows[0].details).toEqual({ note: 'ëé "quoted"' });

			// Identity sequences continue after the copied ids.
			const maxId = (
				source.prepare('SELECT max(id) AS id FROM organisation').get() as { id: number }
			).id;
			const fresh = await pgClient.query(
				"INSERT INTO organisation (name) VALUES ('Nieuw') RETURNING id"
			);
			expect(fresh.rows[0].id).toBe(maxId + 1);

			// The audit trail stays append-only, except below the retention job's cut-off.
			await expect(pgClient.query("UPDATE audit_event SET action = 'x'")).rejects.toThrow(
				/append-only/
			);
			await expect(pgClient.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
			await expect(pgClient.query('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
			// Erasure may only pseudonymise the named person's rows, removing values, nothing else.
			await pgClient.query(
				'INSERT INTO audit_event (action, actor_user_id, details) VALUES (\'test.erasure\', 424242, \'{"email": "wis@example.be", "kept": 1}\')'
			);
			await expect(
				pgClient.query("UPDATE audit_event SET actor_user_id = NULL WHERE action = 'test.erasure'")
			).rejects.toThrow(/append-only/);
			await pgClient.query('BEGIN');
			await pgClient.query(
				"UPDATE audit_erasure SET user_id = 424242, email = 'wis@example.be' WHERE id = 1"
			);
			await expect(
				pgClient.query("UPDATE audit_event SET action = 'x' WHERE action = 'test.erasure'")
			).rejects.toThrow(/append-only/);
			await pgClient.query('ROLLBACK');
			await pgClient.query('BEGIN');
			await pgClient.query(
				"UPDATE audit_erasure SET user_id = 424242, email = 'wis@example.be' WHERE id = 1"
			);
			await pgClient.query(
				`UPDATE audit_event SET actor_user_id = NULL, details = '{"kept": 1}' WHERE action = 'test.erasure'`
			);
			await pgClient.query('UPDATE audit_erasure SET user_id = NULL, email = NULL WHERE id = 1');
			await pgClient.query('COMMIT');
			const erased = await pgClient.query(
				"SELECT actor_user_id, details FROM audit_event WHERE action = 'test.erasure'"
			);
			expect(erased.rows[0]).toEqual({ actor_user_id: null, details: { kept: 1 } });
			const before = Number(
				(await pgClient.query('SELECT count(*) AS n FROM audit_event')).rows[0].n
			);
			await pgClient.query('BEGIN');
			await pgClient.query('UPDATE audit_retention SET cutoff_at = $1 WHERE id = 1', [
				Date.now() + 60_000
			]);
			const removed = await pgClient.query('DELETE FROM audit_event');
			await pgClient.query('UPDATE audit_retention SET cutoff_at = 0 WHERE id = 1');
			await pgClient.query('COMMIT');
			expect(removed.rowCount).toBe(before);
			// Through Drizzle (node-postgres), the copied rows come back with the SQLite schema's
			// TypeScript types: Date, boolean, parsed JSON, Buffer.
			const drizzleDb = openPostgres(url, { max: 1 });
			try {
				const [learner] = await drizzleDb
					.select()
					.from(postgresSchema.user)
					.where(eq(postgresSchema.user.id, user.id));
				expect(learner.createdAt).toBeInstanceOf(Date);
				expect(learner.createdAt.getTime()).toBe(Math.trunc(user.created_at));
				expect(learner.isAdmin).toBe(false);
				const [first] = await drizzleDb
					.select()
					.from(postgresSchema.response)
					.where(eq(postgresSchema.response.id, answer.id));
				expect(first.answer).toEqual(JSON.parse(answer.answer));
				const [code] = await drizzleDb.select().from(postgresSchema.recoveryCode);
				expect(Buffer.isBuffer(code.codeHash)).toBe(true);
				expect([...code.codeHash]).toEqual([0, 1, 2, 254, 255]);
			} finally {
				await drizzleDb.$client.end();
			}
		} finally {
			source.close();
			await pgClient.end();
		}

		await expect(copySqliteToPostgres({ from: demoFile, to: url })).rejects.toThrow(/not empty/);
	});

	it('leaves the target empty when a row cannot be converted', async () => {
		const broken = path.join(dir, 'broken.db');
		fs.copyFileSync(demoFile, broken);
		const edit = new Database(broken);
		const last = edit.prepare('SELECT max(id) AS id, count(*) AS n FROM organisation').get() as {
			id: number;
			n: number;
		};
		edit.prepare("UPDATE organisation SET created_at = 'gisteren' WHERE id = ?").run(last.id);
		edit.close();

		const url = await server.createDatabase('broken');
		const failure = await copySqliteToPostgres({ from: broken, to: url }).catch((e) => e);
		expect(failure).toBeInstanceOf(CopyError);
		expect(String(failure.message)).toContain('organisation.created_at: gisteren is not a time');

		// Nothing stayed behind: the same database now takes the good copy.
		const counts = await copySqliteToPostgres({ from: demoFile, to: url });
		expect(counts.find((c) => c.table === 'organisation')?.postgres).toBe(last.n);
	});
});
