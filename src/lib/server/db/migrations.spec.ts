import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { closeDatabase, openDatabase } from './index';

const source = path.resolve('drizzle');
const journal = JSON.parse(fs.readFileSync(path.join(source, 'meta/_journal.json'), 'utf8')) as {
	entries: { idx: number; tag: string }[];
};

const dirs: string[] = [];
afterEach(async () => {
	await closeDatabase();
	for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of drizzle/ holding only the first `count` migrations. */
function firstMigrations(count: number): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-migrations-'));
	dirs.push(dir);
	fs.mkdirSync(path.join(dir, 'meta'));
	const entries = journal.entries.slice(0, count);
	fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
	for (const e of entries)
		fs.copyFileSync(path.join(source, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
	return dir;
}

const tables = [
	'organisation',
	'team',
	'user',
	'membership',
	'session',
	'invitation',
	'password_reset',
	'mail_outbox',
	'audit_event'
];

describe('migrations', () => {
	it('migrate a populated database from the first migration to the latest without losing rows', async () => {
		expect(journal.entries.length).toBeGreaterThan(1);
		const dir = firstMigrations(1);
		const file = path.join(dir, 'populated.db');
		const db = (await openDatabase(file, { migrationsDir: dir })).$client;
		db.exec(`
			insert into organisation (name) values ('School A'), ('School B');
			insert into team (organisation_id, name) values (1, 'Eerste graad');
			insert into user (email, name) values ('a@x.be', 'A'), ('b@x.be', 'B'), ('c@x.be', 'C');
			insert into membership (user_id, organisation_id, role, audience, team_id)
				values (1, 1, 'learner', 'leerkracht', 1), (2, 1, 'manager', null, null), (3, 2, 'learner', 'hulpverlener', null);
			insert into session (id, user_id, secret_hash, created_at, last_seen_at, idle_seconds, absolute_seconds)
				values ('s1', 1, x'00', 0, 0, 60, 60);
			insert into invitation (organisation_id, email, role, token_hash, created_at, expires_at)
				values (1, 'd@x.be', 'learner', x'01', 0, 1);
			insert into password_reset (user_id, token_hash, created_at, expires_at) values (3, x'02', 0, 1);
			insert into mail_outbox (kind, recipient, subject, body) values ('test', 'a@x.be', 'x', 'y');
			insert into audit_event (action) values ('test');
		`);
		const before = Object.fromEntries(
			tables.map((t) => [
				t,
				(db.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n
			])
		);
		await closeDatabase();

		const migrated = (await openDatabase(file, { migrationsDir: source })).$client;
		const after = Object.fromEntries(
			tables.map((t) => [
				t,
				(migrated.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n
			])
		);
		expect(after).toEqual(before);
		expect(migrated.pragma('integrity_check', { simple: true })).toBe('ok');
		expect(migrated.pragma('foreign_key_check')).toEqual([]);
		const applied = migrated.prepare('select count(*) as n from __drizzle_migrations').get() as {
			n: number;
		};
		expect(applied.n).toBe(journal.entries.length);
	});

	it('no migration rebuilds or drops a table that other tables cascade from', () => {
		// SQLite rebuilds a table to change a column; PRAGMA foreign_keys=OFF is ignored inside the
		// migration's transaction, so dropping the old table would cascade-delete its children.
		const full = new Database(':memory:');
		for (const e of journal.entries) {
			for (const statement of fs
				.readFileSync(path.join(source, `${e.tag}.sql`), 'utf8')
				.split('--> statement-breakpoint')) {
				if (statement.trim()) full.exec(statement);
			}
		}
		const parents = new Set<string>();
		const names = (
			full.prepare("select name from sqlite_master where type = 'table'").all() as {
				name: string;
			}[]
		).map((r) => r.name);
		for (const table of names) {
			for (const fk of full.pragma(`foreign_key_list("${table}")`) as {
				table: string;
				on_delete: string;
			}[]) {
				if (fk.on_delete === 'CASCADE') parents.add(fk.table);
			}
		}
		expect(parents.has('user')).toBe(true);
		const offending: string[] = [];
		for (const e of journal.entries) {
			const sql = fs.readFileSync(path.join(source, `${e.tag}.sql`), 'utf8');
			for (const parent of parents) {
				const drop = new RegExp(`DROP TABLE\\s+\`?${parent}\`?\\s*;`, 'i');
				const rebuild = new RegExp(`ALTER TABLE\\s+\`?__new_${parent}\`?\\s+RENAME`, 'i');
				if (drop.test(sql) || rebuild.test(sql)) offending.push(`${e.tag}: ${parent}`);
			}
		}
		expect(offending, 'migrations that rebuild a table with cascading children').toEqual([]);
		full.close();
	});
});
