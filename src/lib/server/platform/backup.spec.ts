import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { freshDatabase, makeMember, makeOrganisation } from '../testing/testing';
import { closeDatabase } from '../db';
import { recordAudit } from './audit';
import { backupDatabase, checkIntegrity, listBackups, restoreDatabase } from './backup';

let dir: string;

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-backup-'));
});

afterEach(async () => {
	await closeDatabase();
	fs.rmSync(dir, { recursive: true, force: true });
});

function counts(file: string) {
	const database = new Database(file, { readonly: true });
	const count = (table: string) =>
		(database.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
	const result = {
		users: count('user'),
		memberships: count('membership'),
		audit: count('audit_event')
	};
	database.close();
	return result;
}

describe('backup and restore', () => {
	it('round-trips a populated database while it is open', async () => {
		const live = path.join(dir, 'live.db');
		await freshDatabase(live);
		const org = await makeOrganisation();
		for (let i = 0; i < 5; i++) await makeMember({ organisation: org });
		await recordAudit({ action: 'test.before_backup' });
		const before = counts(live);

		const { file } = await backupDatabase(live, path.join(dir, 'backups'), 3);
		expect(path.basename(file)).toMatch(/^signaalwijs-\d{8}-\d{6}\.db$/);
		expect(checkIntegrity(file)).toBe('ok');
		expect(fs.readdirSync(path.join(dir, 'backups')).some((f) => f.endsWith('.partial'))).toBe(
			false
		);
		// Changes after the backup are not in it, and disappear with a restore.
		await makeMember({ organisation: org });
		await closeDatabase();

		const result = restoreDatabase(file, live);
		expect(result.ok).toBe(true);
		expect(counts(live)).toEqual(before);
		if (result.ok) expect(counts(result.previous!).users).toBe(before.users + 1);
	});

	it('keeps only the newest N backups', async () => {
		const live = path.join(dir, 'live.db');
		await freshDatabase(live);
		for (let i = 0; i < 4; i++) await backupDatabase(live, path.join(dir, 'backups'), 2);
		expect(listBackups(path.join(dir, 'backups'))).toHaveLength(2);
	});

	it('refuses a corrupt file or a file that is not a Signaalwijs database', async () => {
		const live = path.join(dir, 'live.db');
		await freshDatabase(live);
		await closeDatabase();
		const original = fs.readFileSync(live);

		const garbage = path.join(dir, 'garbage.db');
		fs.writeFileSync(garbage, 'dit is geen database');
		expect(restoreDatabase(garbage, live).ok).toBe(false);

		const corrupt = path.join(dir, 'corrupt.db');
		const bytes = Buffer.from(original);
		bytes.fill(0xab, 4096 * 2, 4096 * 4);
		fs.writeFileSync(corrupt, bytes);
		const refused = restoreDatabase(corrupt, live);
		expect(refused.ok).toBe(false);

		const empty = path.join(dir, 'empty.db');
		new Database(empty).close();
		expect(restoreDatabase(empty, live)).toEqual({
			ok: false,
			reason: 'not a Signaalwijs database (no migrations table)'
		});
		expect(fs.readFileSync(live).equals(original)).toBe(true);
	});
});
