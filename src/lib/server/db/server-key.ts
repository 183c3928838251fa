// Keys that every application server must share (what one server signs, another checks). On
// PostgreSQL they live in the `server_key` table: the first server to start inserts its freshly
// made key, every other server (even one starting at the same moment) reads that same row back.
// On SQLite a key with a `file` stays in that file in the data folder, where earlier versions
// kept it (created once, 0600, safe when two processes start); a key without a file uses the
// table on both engines.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { db, first, liveDatabase } from './index';
import { engine } from './engine';
import { serverKey } from './schema';
import { config } from '../platform/config';
import { log } from '../platform/log';
import { createFileOnce } from '../platform/file-modes';

export interface SharedKeyOptions {
	/** SQLite only: the file in the data folder that holds the key. */
	file?: string;
}

/** The key called `name`, made by `make` the first time any server asks for it. */
export async function sharedKey(
	name: string,
	make: () => Promise<Buffer> | Buffer,
	options: SharedKeyOptions = {}
): Promise<Buffer> {
	if (engine === 'sqlite' && options.file) return await fileKey(options.file, make);
	const where = eq(serverKey.name, name);
	const stored = await first(db.select({ value: serverKey.value }).from(serverKey).where(where));
	if (stored) return Buffer.from(stored.value);
	await db
		.insert(serverKey)
		.values({ name, value: await make() })
		.onConflictDoNothing({ target: serverKey.name });
	const row = await first(db.select({ value: serverKey.value }).from(serverKey).where(where));
	if (!row) throw new Error(`The server key ${name} could not be stored.`);
	log.info('server_key.ready', { name });
	return Buffer.from(row.value);
}

const memo = new WeakMap<object, Map<string, Promise<Buffer>>>();

/**
 * Like `sharedKey`, remembered for the open database (a key never changes once stored), so
 * a hot path does not read the table on every call.
 */
export function cachedSharedKey(
	name: string,
	make: () => Promise<Buffer> | Buffer,
	options: SharedKeyOptions = {}
): Promise<Buffer> {
	const database = liveDatabase();
	let keys = memo.get(database);
	if (!keys) memo.set(database, (keys = new Map()));
	let key = keys.get(name);
	if (!key) {
		key = sharedKey(name, make, options);
		key.catch(() => keys.delete(name));
		keys.set(name, key);
	}
	return key;
}

async function fileKey(name: string, make: () => Promise<Buffer> | Buffer): Promise<Buffer> {
	const file = path.join(config.dataDir, name);
	// When another process was first, its (complete) key is used.
	if (!fs.existsSync(file) && createFileOnce(file, await make())) {
		log.info('server_key.file_created', { file });
	}
	return fs.readFileSync(file);
}

/**
 * Whether this engine keeps files beside the database (SQLite). On PostgreSQL there is no
 * such folder: what must not live in the database comes from configuration instead.
 */
export const filesBesideDatabase = engine === 'sqlite';
