// Issue 16, finding 13: the database (+ -wal/-shm), backups and key files are the service
// account's alone, whatever the umask of whoever started the process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../db';
import { recordAudit } from './audit';
import { backupDatabase, restoreDatabase } from './backup';
import { seal } from '../accounts/auth/secret-box';
import { ensureSigningKey } from '../certificates/openbadges';

let dir: string;
let umask: number;
const saved = { DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR };

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-modes-'));
	// The usual default: files 0644, folders 0755 unless the platform says otherwise.
	umask = process.umask(0o022);
});

afterEach(async () => {
	await closeDatabase();
	process.umask(umask);
	for (const [key, value] of Object.entries(saved)) {
		if (value === undefined) delete process.env[key];
		else process.env[key] = value;
	}
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('file modes', () => {
	it('creates a fresh database, its -wal and -shm, and its folder for the owner only', async () => {
		const file = path.join(dir, 'data', 'signaalwijs.db');
		await openDatabase(file);
		await recordAudit({ action: 'test.write' });
		expect(fs.existsSync(`${file}-wal`)).toBe(true);
		for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(f), f).toBe(0o600);
		expect(modeOf(path.dirname(file))).toBe(0o700);
	});

	it('narrows a database another tool made readable for everyone', async () => {
		const file = path.join(dir, 'old.db');
		fs.writeFileSync(file, '', { mode: 0o644 });
		await openDatabase(file);
		expect(modeOf(file)).toBe(0o600);
	});

	it('writes backups and a restored database for the owner only', async () => {
		const file = path.join(dir, 'live.db');
		await openDatabase(file);
		await recordAudit({ action: 'test.write' });
		const backups = path.join(dir, 'backups', 'nightly');
		const { file: backup } = await backupDatabase(file, backups, 3);
		expect(modeOf(backup)).toBe(0o600);
		expect(modeOf(backups)).toBe(0o700);
		await closeDatabase();
		fs.chmodSync(backup, 0o644);
		const restored = path.join(dir, 'restored', 'signaalwijs.db');
		expect(restoreDatabase(backup, restored)).toMatchObject({ ok: true });
		expect(modeOf(restored)).toBe(0o600);
	});

	it('creates the two-factor key and the Open Badges key for the owner only', async () => {
		process.env.DATABASE_URL = path.join(dir, 'keys', 'signaalwijs.db');
		process.env.DATA_DIR = path.join(dir, 'badges');
		delete process.env.TWO_FACTOR_KEY;
		seal(new Uint8Array([1, 2, 3]));
		const twoFactorKey = path.join(dir, 'keys', 'two-factor.key');
		expect(modeOf(twoFactorKey)).toBe(0o600);
		expect(modeOf(path.dirname(twoFactorKey))).toBe(0o700);
		await ensureSigningKey();
		const [badgeKey] = fs.readdirSync(path.join(dir, 'badges'));
		expect(modeOf(path.join(dir, 'badges', badgeKey))).toBe(0o600);
		expect(modeOf(path.join(dir, 'badges'))).toBe(0o700);
	});
});
