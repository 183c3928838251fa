import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { closeDatabase, db, first, openDatabase, sqlAll, sqlRun } from './index';
import { prepared } from './prepared';
import { transaction } from './transaction';
import { durableWrite } from './write-queue';

const dirs: string[] = [];

afterEach(async () => {
	await closeDatabase();
	for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function setup() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-tx-'));
	dirs.push(dir);
	const file = path.join(dir, 't.db');
	const db = await openDatabase(file, { migrate: false });
	db.$client.exec(
		'create table counter (id integer primary key, n integer not null); insert into counter values (1, 0);' +
			'create table note (id integer primary key, text text not null)'
	);
	const read = () =>
		(db.$client.prepare('select n from counter where id = 1').get() as { n: number }).n;
	const write = (n: number) => db.$client.prepare('update counter set n = ? where id = 1').run(n);
	const note = (text: string) => db.$client.prepare('insert into note (text) values (?)').run(text);
	const notes = () =>
		(db.$client.prepare('select text from note order by id').all() as { text: string }[]).map(
			(r) => r.text
		);
	return { file, db, read, write, note, notes };
}

describe('asynchronous SQLite transactions', () => {
	it('runs one at a time, so a read-then-write across an await loses no update', async () => {
		const { read, write } = await setup();
		const events: string[] = [];
		const increment = async (who: string) =>
			await transaction(async () => {
				events.push(`${who} begins`);
				const n = read();
				await sleep(15);
				write(n + 1);
				events.push(`${who} ends`);
				return n + 1;
			});
		const results = await Promise.all([increment('a'), increment('b'), increment('c')]);
		expect(results).toEqual([1, 2, 3]);
		expect(read()).toBe(3);
		expect(events).toEqual(['a begins', 'a ends', 'b begins', 'b ends', 'c begins', 'c ends']);
	});

	it('holds the write lock from the start and shows nothing before COMMIT', async () => {
		const { file, note } = await setup();
		const other = new Database(file, { timeout: 0 });
		try {
			let seenDuring = -1;
			let otherWrite = '';
			await transaction(async () => {
				note('binnen');
				await sleep(5);
				seenDuring = (other.prepare('select count(*) as n from note').get() as { n: number }).n;
				try {
					other.prepare("insert into note (text) values ('ander')").run();
				} catch (error) {
					otherWrite = (error as { code?: string }).code ?? String(error);
				}
			});
			expect(seenDuring).toBe(0);
			expect(otherWrite).toBe('SQLITE_BUSY');
			expect((other.prepare('select count(*) as n from note').get() as { n: number }).n).toBe(1);
		} finally {
			other.close();
		}
	});

	it('rolls everything back when the callback throws, and the next one still runs', async () => {
		const { note, notes, db } = await setup();
		const failure = transaction(async () => {
			note('verloren');
			await sleep(5);
			throw new Error('stop');
		});
		const next = transaction(async () => {
			note('bewaard');
		});
		await expect(failure).rejects.toThrow('stop');
		await next;
		expect(notes()).toEqual(['bewaard']);
		expect(db.$client.inTransaction).toBe(false);
	});

	it('turns a nested transaction into a savepoint: its failure undoes only its own writes', async () => {
		const { note, notes } = await setup();
		await transaction(async () => {
			note('buiten');
			await transaction(async () => {
				note('binnen-ok');
			});
			await transaction(async () => {
				note('binnen-fout');
				await sleep(1);
				throw new Error('inner');
			}).catch(() => {});
		});
		expect(notes()).toEqual(['buiten', 'binnen-ok']);
	});

	it('keeps WAL and synchronous=FULL', async () => {
		const { db, note } = await setup();
		await transaction(async () => {
			note('x');
		});
		expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
	});

	it('lets the group commit wait until the open transaction ends, so its rollback keeps them', async () => {
		const { note, notes } = await setup();
		const order: string[] = [];
		let answer: Promise<unknown> = Promise.resolve();
		const failing = transaction(async () => {
			note('terug te draaien');
			// A learner's answer arrives while this transaction awaits.
			answer = durableWrite(() => note('antwoord')).then(() => order.push('answer durable'));
			await sleep(20);
			order.push('transaction fails');
			throw new Error('rollback');
		});
		await expect(failing).rejects.toThrow('rollback');
		await answer;
		expect(order).toEqual(['transaction fails', 'answer durable']);
		expect(notes()).toEqual(['antwoord']);
	});
});

describe('reads by other requests while a transaction is open', () => {
	// Other requests run on this process's one connection while a transaction awaits; their reads
	// must see the last commit, not the open transaction's rows (index.ts: the reader connection).
	async function tables() {
		await setup();
		const note = sqliteTable('note', {
			id: integer('id').primaryKey(),
			text: text('text').notNull()
		});
		const counted = prepared((database) =>
			database
				.select({ n: sql<number>`count(*)` })
				.from(note)
				.prepare()
		);
		const seen = async () => ({
			builder: (await db.select({ text: note.text }).from(note)).map((r) => r.text),
			first: (await first(db.select({ text: note.text }).from(note)))?.text ?? null,
			prepared: (await counted().get())?.n,
			raw: (await sqlAll<{ text: string }>(sql`select text from note`)).map((r) => r.text)
		});
		return { note, seen };
	}
	const nothing = { builder: [], first: null, prepared: 0, raw: [] };
	/** The transaction calls `halfway` and awaits `gate`; the test awaits `written`, then `release`s. */
	function pause() {
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		let halfway!: () => void;
		const written = new Promise<void>((resolve) => (halfway = resolve));
		return { gate, release, halfway, written };
	}
	/** A transaction that writes one row and waits; once `release`d it throws and rolls back. */
	async function heldRollback(note: Awaited<ReturnType<typeof tables>>['note']) {
		const { gate, release, halfway, written } = pause();
		const failing = transaction(async () => {
			await db.insert(note).values({ text: 'verloren' });
			halfway();
			await gate;
			throw new Error('rollback');
		});
		await written;
		return { failing, release };
	}

	it('shows neither a row nor half a change before COMMIT, and all of it after', async () => {
		const { note, seen } = await tables();
		const { gate, release, halfway, written } = pause();
		let inside: unknown;
		const done = transaction(async () => {
			await db.insert(note).values({ text: 'eerste' });
			halfway();
			await gate;
			await db.insert(note).values({ text: 'tweede' });
			// The transaction itself reads its own writes.
			inside = await seen();
		});
		await written;
		// Another request's reads while the transaction is halfway: the last commit only.
		const during = await seen().finally(release);
		await done;
		expect(during).toEqual(nothing);
		expect(inside).toEqual({
			builder: ['eerste', 'tweede'],
			first: 'eerste',
			prepared: 2,
			raw: ['eerste', 'tweede']
		});
		expect(await seen()).toEqual(inside);
	});

	it('never shows the rows of a transaction that rolls back', async () => {
		const { note, seen } = await tables();
		const { failing, release } = await heldRollback(note);
		const during = await seen().finally(release);
		await expect(failing).rejects.toThrow('rollback');
		expect(during).toEqual(nothing);
		expect(await seen()).toEqual(nothing);
	});

	it('runs a prepared or raw write from outside after the transaction, so its rollback keeps it', async () => {
		const { note, seen } = await tables();
		const insertNote = prepared((database) =>
			database
				.insert(note)
				.values({ text: sql.placeholder('text') })
				.prepare()
		);
		const { failing, release } = await heldRollback(note);
		// Another request writes while the transaction waits; neither write may join it.
		const outside = Promise.all([
			insertNote().run({ text: 'voorbereid' }),
			sqlRun(sql`insert into note (text) values ('rauw')`)
		]);
		release();
		await expect(failing).rejects.toThrow('rollback');
		await outside;
		expect((await seen()).builder).toEqual(['voorbereid', 'rauw']);
	});
});
