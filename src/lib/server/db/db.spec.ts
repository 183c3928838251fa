import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { closeDatabase, openDatabase, MigrationError } from './index';
import { auditEvent, organisation } from './schema';
import { recordAudit } from '../platform/audit';

const dirs: string[] = [];
function tempDir(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-db-'));
	dirs.push(dir);
	return dir;
}

afterEach(async () => {
	await closeDatabase();
	for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('database', () => {
	it('opens with WAL, foreign keys, a busy timeout and synchronous FULL', async () => {
		const db = await openDatabase(path.join(tempDir(), 'a.db'));
		const client = db.$client;
		expect(client.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(client.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(client.pragma('busy_timeout', { simple: true })).toBe(5000);
		expect(client.pragma('synchronous', { simple: true })).toBe(2);
	});

	it('keeps the audit trail append-only', async () => {
		const db = await openDatabase(':memory:');
		await recordAudit({ action: 'test.event', details: { a: 1 } });
		const failure = (statement: ReturnType<typeof sql>) => {
			try {
				db.run(statement);
			} catch (e) {
				return String(e instanceof Error && e.cause ? e.cause : e);
			}
			return 'no error';
		};
		expect(failure(sql`update audit_event set action = 'changed'`)).toMatch(/append-only/);
		expect(failure(sql`delete from audit_event`)).toMatch(/append-only/);
		expect(
			db
				.select()
				.from(auditEvent)
				.all()
				.map((e) => e.action)
		).toEqual(['test.event']);
	});

	it('keeps the WAL small over many single inserts (stack.md gotcha 1)', async () => {
		const file = path.join(tempDir(), 'wal.db');
		const db = await openDatabase(file);
		for (let i = 0; i < 3000; i++)
			db.insert(organisation)
				.values({ name: `Org ${i}` })
				.run();
		expect(fs.statSync(`${file}-wal`).size).toBeLessThan(8 * 1024 * 1024);
	});

	it('refuses a postgres:// URL in a process on SQLite instead of making a file of that name', async () => {
		await expect(openDatabase('postgres://app@127.0.0.1:5432/signaalwijs')).rejects.toThrow(
			/set DATABASE_URL/
		);
		expect(fs.existsSync('postgres:')).toBe(false);
	});

	it('stops with a clear message when a migration fails', async () => {
		const dir = tempDir();
		const migrations = path.join(dir, 'drizzle');
		fs.cpSync(path.resolve('drizzle'), migrations, { recursive: true });
		const journal = JSON.parse(
			fs.readFileSync(path.join(migrations, 'meta/_journal.json'), 'utf8')
		);
		journal.entries.push({
			idx: journal.entries.length,
			version: '6',
			when: Date.now(),
			tag: '9999_broken',
			breakpoints: true
		});
		fs.writeFileSync(path.join(migrations, 'meta/_journal.json'), JSON.stringify(journal));
		fs.writeFileSync(
			path.join(migrations, '9999_broken.sql'),
			'CREATE TABLE organisation (id integer);'
		);
		await expect(
			openDatabase(path.join(dir, 'x.db'), { migrationsDir: migrations })
		).rejects.toThrow(MigrationError);
		await expect(
			openDatabase(path.join(dir, 'y.db'), { migrationsDir: migrations })
		).rejects.toThrow(/migration .* failed .*already exists/i);
	});
});
