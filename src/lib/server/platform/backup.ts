// Online backups of the SQLite file and a checked restore. better-sqlite3's backup API copies a
// consistent snapshot while the server keeps running; a restore needs the server stopped.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir, ensurePrivateFile, narrowToPrivate } from './file-modes';

const prefix = 'signaalwijs-';
const suffix = '.db';

function stamp(date: Date): string {
	return date.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
}

export interface BackupResult {
	file: string;
	removed: string[];
}

/**
 * Copies `databaseFile` into `dir` as signaalwijs-YYYYMMDD-HHMMSS.db: first to a temporary
 * name, renamed only when complete, so a crash never leaves a half backup that looks whole.
 * Keeps the newest `keep` backups and removes older ones.
 */
export async function backupDatabase(
	databaseFile: string,
	dir: string,
	keep: number
): Promise<BackupResult> {
	if (!fs.existsSync(databaseFile)) throw new Error(`${databaseFile} does not exist`);
	// Backups hold every account and answer: 0700 folder, 0600 files (platform/file-modes).
	ensurePrivateDir(dir);
	let target = path.join(dir, `${prefix}${stamp(new Date())}${suffix}`);
	for (let n = 2; fs.existsSync(target); n++) {
		target = path.join(dir, `${prefix}${stamp(new Date())}-${n}${suffix}`);
	}
	const temp = `${target}.partial`;
	const source = new Database(databaseFile, { fileMustExist: true });
	try {
		source.pragma('busy_timeout = 5000');
		// Created empty with 0600 first: SQLite writes into it and keeps the mode.
		ensurePrivateFile(temp);
		await source.backup(temp);
		narrowToPrivate(temp);
	} catch (cause) {
		fs.rmSync(temp, { force: true });
		throw cause;
	} finally {
		source.close();
	}
	fs.renameSync(temp, target);
	return { file: target, removed: pruneBackups(dir, keep) };
}

export function listBackups(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((name) => name.startsWith(prefix) && name.endsWith(suffix))
		.sort()
		.map((name) => path.join(dir, name));
}

function pruneBackups(dir: string, keep: number): string[] {
	const all = listBackups(dir);
	const old = all.slice(0, Math.max(0, all.length - keep));
	for (const file of old) fs.rmSync(file);
	return old;
}

/** 'ok' or the problems SQLite reports; a file that is not a database says so. */
export function checkIntegrity(file: string): string {
	let database: Database.Database | undefined;
	try {
		database = new Database(file, { readonly: true, fileMustExist: true });
		const rows = database.pragma('integrity_check') as { integrity_check: string }[];
		const result = rows.map((r) => r.integrity_check).join('; ');
		if (result !== 'ok') return result;
		const migrated = database
			.prepare("select count(*) as n from sqlite_master where name = '__drizzle_migrations'")
			.get() as { n: number };
		return migrated.n === 1 ? 'ok' : 'not a Signaalwijs database (no migrations table)';
	} catch (cause) {
		return cause instanceof Error ? cause.message : String(cause);
	} finally {
		database?.close();
	}
}

export type RestoreResult = { ok: true; previous: string | null } | { ok: false; reason: string };

/**
 * Replaces `databaseFile` with `backupFile` after an integrity check. The current file (if
 * any) is kept beside it as <file>.before-restore-<stamp>. Only with the server stopped.
 */
export function restoreDatabase(backupFile: string, databaseFile: string): RestoreResult {
	if (!fs.existsSync(backupFile)) return { ok: false, reason: `${backupFile} does not exist` };
	const integrity = checkIntegrity(backupFile);
	if (integrity !== 'ok') return { ok: false, reason: integrity };
	ensurePrivateDir(path.dirname(path.resolve(databaseFile)));
	const temp = `${databaseFile}.restoring`;
	fs.copyFileSync(backupFile, temp);
	narrowToPrivate(temp);
	let previous: string | null = null;
	if (fs.existsSync(databaseFile)) {
		// Fold the WAL into the current file first, so the kept copy is complete.
		const current = new Database(databaseFile);
		current.pragma('wal_checkpoint(TRUNCATE)');
		current.close();
		previous = `${databaseFile}.before-restore-${stamp(new Date())}`;
		fs.renameSync(databaseFile, previous);
	}
	for (const extra of ['-wal', '-shm']) fs.rmSync(databaseFile + extra, { force: true });
	fs.renameSync(temp, databaseFile);
	return { ok: true, previous };
}
