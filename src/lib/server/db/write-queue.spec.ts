import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from './index';
import { transaction } from './transaction';
import { durableWrite, writeQueueStats, writesSettled } from './write-queue';

const dirs: string[] = [];
function tempFile(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-queue-'));
	dirs.push(dir);
	return path.join(dir, 'q.db');
}

afterEach(async () => {
	await closeDatabase();
	for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function setup() {
	const file = tempFile();
	const db = await openDatabase(file, { migrate: false });
	db.$client.exec('create table answer (id integer primary key, who text not null, n integer)');
	const insert = db.$client.prepare('insert into answer (who, n) values (?, ?)');
	return { file, db, insert };
}

describe('group commit (durableWrite)', () => {
	it('writes the answers that arrive together in one transaction, in order', async () => {
		const { db, insert } = await setup();
		const before = writeQueueStats();
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, n) => durableWrite(() => insert.run('ans', n).lastInsertRowid))
		);
		const after = writeQueueStats();
		expect(after.batches - before.batches).toBe(1);
		expect(after.writes - before.writes).toBe(20);
		const rows = db.$client.prepare('select id, n from answer order by id').all() as {
			id: number;
			n: number;
		}[];
		expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
		expect(results.map(Number)).toEqual(rows.map((r) => r.id));
	});

	it('rolls back only the answer that fails; the others in its batch are committed', async () => {
		const { file, insert } = await setup();
		const outcomes = await Promise.allSettled([
			durableWrite(() => insert.run('a', 1)),
			durableWrite(() => {
				insert.run('b', 2);
				throw new Error('refused');
			}),
			durableWrite(() => insert.run('c', 3))
		]);
		expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('refused'));
		// Read through a second connection: what the callers were told is on disk.
		const other = new Database(file, { readonly: true });
		const who = other.prepare('select who from answer order by id').pluck().all();
		other.close();
		expect(who).toEqual(['a', 'c']);
	});

	it('undoes a nested transaction that failed, even when the write caught its error', async () => {
		const { file, insert } = await setup();
		const outcomes = await Promise.allSettled([
			durableWrite(() => insert.run('a', 1)),
			durableWrite(async () => {
				try {
					await transaction(async () => {
						insert.run('weg', 2);
						throw new Error('refused');
					});
				} catch {
					insert.run('b', 3);
				}
			}),
			durableWrite(() => insert.run('c', 4))
		]);
		expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
		const other = new Database(file, { readonly: true });
		const who = other.prepare('select who from answer order by id').pluck().all();
		other.close();
		expect(who).toEqual(['a', 'b', 'c']);
	});

	it('settles a caller only after its commit: the write is visible to another connection', async () => {
		const { file, insert } = await setup();
		const other = new Database(file, { readonly: true });
		const count = () => other.prepare('select count(*) from answer').pluck().get();
		const pending = durableWrite(() => insert.run('x', 1));
		expect(count()).toBe(0);
		await pending;
		expect(count()).toBe(1);
		other.close();
	});

	it('rejects every caller of a batch whose commit fails', async () => {
		const { db, insert } = await setup();
		// Another connection holds the write lock past the busy timeout of this one.
		db.$client.pragma('busy_timeout = 50');
		const other = new Database(db.$client.name);
		other.exec('begin immediate');
		const outcomes = await Promise.allSettled([
			durableWrite(() => insert.run('a', 1)),
			durableWrite(() => insert.run('b', 2))
		]);
		other.exec('rollback');
		other.close();
		expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
		expect(db.$client.prepare('select count(*) from answer').pluck().get()).toBe(0);
	});

	it('tells when the queued writes have committed, so a shutdown can close after them', async () => {
		const { file, insert } = await setup();
		const pending = Promise.all([
			durableWrite(() => insert.run('laat', 1)),
			durableWrite(() => insert.run('later', 2))
		]);
		await writesSettled();
		await closeDatabase();
		await expect(pending).resolves.toHaveLength(2);
		const other = new Database(file, { readonly: true });
		const who = other.prepare('select who from answer order by id').pluck().all();
		other.close();
		expect(who).toEqual(['laat', 'later']);
		// With nothing queued it resolves at once.
		await expect(writesSettled()).resolves.toBeUndefined();
	});
});
