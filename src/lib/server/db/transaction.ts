// Asynchronous transactions on SQLite, for the async domain layer (issue 14). better-sqlite3's own
// transaction helper is synchronous: a callback that awaits would commit before it finished. Here
// this process's transactions wait in one queue and each runs alone from `BEGIN IMMEDIATE` (the
// write lock from the start, so no busy upgrade) to COMMIT, awaiting whatever its callback awaits.
// A throw rolls it back. A transaction started inside another one (same async context) becomes a
// savepoint of it instead of waiting for itself. The group commit (write-queue.ts) holds its batch
// back while a transaction is open, so the two never share a transaction.
import { AsyncLocalStorage } from 'node:async_hooks';
import { db, type DB } from './index';

interface Scope {
	/** False once the outermost transaction has ended (work it left running must queue anew). */
	active: boolean;
}

const context = new AsyncLocalStorage<Scope>();
let tail: Promise<unknown> = Promise.resolve();
let open = false;
let closeWaiters: (() => void)[] = [];
let savepoints = 0;

/** True while an asynchronous transaction holds the database. */
export function asyncTransactionOpen(): boolean {
	return open;
}

/**
 * Resolves when the transaction open now has ended (at once when none is open), before the next
 * queued transaction begins: the group commit slips its batch in between.
 */
export function whenTransactionClosed(): Promise<void> {
	if (!open) return Promise.resolve();
	return new Promise((resolve) => closeWaiters.push(resolve));
}

async function inSavepoint<T>(fn: (tx: DB) => Promise<T> | T): Promise<T> {
	const sqlite = db.$client;
	const name = `tx_${++savepoints}`;
	sqlite.exec(`SAVEPOINT ${name}`);
	try {
		const result = await fn(db);
		sqlite.exec(`RELEASE ${name}`);
		return result;
	} catch (error) {
		sqlite.exec(`ROLLBACK TO ${name}`);
		sqlite.exec(`RELEASE ${name}`);
		throw error;
	}
}

/**
 * Runs `fn` in one SQLite transaction with `BEGIN IMMEDIATE` semantics, after every transaction
 * this process started before it. Resolves with what `fn` returns once COMMIT has returned
 * (synchronous=FULL: durable); rejects with what `fn` threw after rolling everything back.
 * Inside `fn`, write through `tx` (or nested `transaction` calls, which become savepoints); do
 * not await `durableWrite`, whose batch waits for this transaction to end.
 */
export function transaction<T>(fn: (tx: DB) => Promise<T> | T): Promise<T> {
	const scope = context.getStore();
	if (scope?.active && open) return inSavepoint(fn);

	const run = async (): Promise<T> => {
		const sqlite = db.$client;
		const own: Scope = { active: true };
		try {
			sqlite.exec('BEGIN IMMEDIATE');
			open = true;
			const result = await context.run(own, () => fn(db));
			sqlite.exec('COMMIT');
			return result;
		} catch (error) {
			if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
			throw error;
		} finally {
			own.active = false;
			open = false;
			const waiters = closeWaiters;
			closeWaiters = [];
			for (const resolve of waiters) resolve();
		}
	};
	const result = tail.then(run, run);
	tail = result.catch(() => {});
	return result;
}
