// Asynchronous transactions on both engines, for the async domain layer (issue 14).
//
// PostgreSQL: Drizzle's transaction on one pooled connection; `db` (index.ts) follows the caller
// into it through AsyncLocalStorage, and a transaction inside a transaction is a savepoint.
//
// SQLite: better-sqlite3's own transaction helper is synchronous: a callback that awaits would
// commit before it finished. Here this process's transactions wait in one queue and each runs
// alone from `BEGIN IMMEDIATE` (the write lock from the start, so no busy upgrade) to COMMIT,
// awaiting whatever its callback awaits. A throw rolls it back. A transaction started inside
// another one (same async context) becomes a savepoint of it instead of waiting for itself. The
// group commit (write-queue.ts) holds its batch back while a transaction is open, and a write
// from outside the open transaction (another request, same connection) waits until it ended
// (`deferWhileForeignTransaction`), so a rollback never takes back someone else's write.
//
// The scope follows the transaction's awaits through AsyncLocalStorage, which on Node 20 runs
// three async hooks for every promise of the process while it is switched on: about a tenth of a
// page's CPU (docs/operations.md, "Async hooks on every promise"). So it is on only while a
// transaction runs: the last scope to end switches it off (`endScope`), and a page that starts no
// transaction never pays for it. An ended scope and no scope read alike (`active` is false), so
// work a transaction left running sees the same either way.
import { AsyncLocalStorage } from 'node:async_hooks';
import { db, liveDatabase, type DB } from './index';
import { engine } from './engine';

interface Scope {
	/** False once the outermost transaction has ended (work it left running must queue anew). */
	active: boolean;
	/** PostgreSQL: the transaction object queries in this scope go through. */
	tx?: DB;
	/** The outermost transaction's scope (PostgreSQL savepoints get a scope of their own). */
	root?: Scope;
	/** Work to start once the outermost transaction has committed (`afterCommit`). */
	committed?: (() => void)[];
	/** Nested transactions run without savepoints (`transactionWithoutSavepoints`). */
	flat?: boolean;
	/** A nested transaction of a flat transaction threw: the whole of it must roll back. */
	nestedFailed?: boolean;
	/** Counted in `liveScopes` (from `inScope` until `endScope`). */
	live?: boolean;
}

const context = new AsyncLocalStorage<Scope>();
/** Scopes begun and not yet ended, on either engine (a PostgreSQL savepoint has its own). */
let liveScopes = 0;

/** Runs `fn` in `scope`, which stays live until `endScope`: the context is on from here. */
function inScope<T>(scope: Scope, fn: () => T): T {
	scope.live = true;
	liveScopes++;
	return context.run(scope, fn);
}

/** Ends `scope`; after the last live one the context goes off, and with it its async hooks. */
function endScope(scope: Scope): void {
	scope.active = false;
	if (!scope.live) return;
	scope.live = false;
	if (--liveScopes === 0) context.disable();
}

let tail: Promise<unknown> = Promise.resolve();
let open = false;
let closeWaiters: (() => void)[] = [];
let savepoints = 0;

/** True when the caller runs inside a transaction (either engine). */
export function insideTransaction(): boolean {
	return Boolean(context.getStore()?.active);
}

/** PostgreSQL: the transaction the caller runs in, if any (`db` routes its queries there). */
export function currentTransaction(): DB | undefined {
	if (engine !== 'postgres') return undefined;
	const scope = context.getStore();
	return scope?.active ? scope.tx : undefined;
}

/**
 * Runs `fn` outside whatever transaction the caller is in: for work the caller only schedules
 * (the group commit's batch), which must not become part of the caller's transaction.
 */
export function outsideTransactions<T>(fn: () => T): T {
	return context.exit(fn);
}

/**
 * Starts `fn` once the caller's transaction has committed (at once when there is none), outside
 * any transaction: for work that must see the caller's writes from another connection, such as
 * delivering the mail it queued. Not started when the transaction rolls back; a savepoint that
 * rolled back inside a committed transaction does not take it back, so `fn` must cope with
 * finding nothing to do.
 */
export function afterCommit(fn: () => void): void {
	const scope = context.getStore();
	if (!scope?.active) return void outsideTransactions(fn);
	const root = scope.root ?? scope;
	(root.committed ??= []).push(fn);
}

function startCommitted(scope: Scope): void {
	const work = scope.committed;
	if (!work) return;
	scope.committed = undefined;
	for (const fn of work) outsideTransactions(fn);
}

/** True while an asynchronous SQLite transaction holds the database. */
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

function insideOpenTransaction(): boolean {
	const scope = context.getStore();
	return Boolean(scope?.active && open);
}

/**
 * SQLite: true while a transaction is open and the caller is not part of it (another request on
 * this process's one connection). Its writes wait (`deferWhileForeignTransaction`), and its reads
 * go to the reader connection (index.ts), so they see neither the open transaction's uncommitted
 * rows nor half of its changes.
 */
export function outsideOpenTransaction(): boolean {
	return open && !insideOpenTransaction();
}

/**
 * SQLite: resolves once no transaction that the caller is not part of is open, for a write from
 * outside it (`db.insert/update/delete` through `deferWhileForeignTransaction`, a prepared
 * statement's `run`, `sqlRun`): it must not become part of another request's transaction, nor be
 * taken back by its rollback. It waits again when the next queued transaction began first.
 */
export async function untilForeignTransactionEnds(): Promise<void> {
	while (outsideOpenTransaction()) await whenTransactionClosed();
}

/**
 * SQLite: wraps `db.insert/update/delete` so that a write started outside the open
 * transaction (by another request on this one connection) runs after it has ended instead of
 * inside it. Without an open transaction the builder is returned untouched.
 */
export function deferWhileForeignTransaction<F extends (...args: never[]) => unknown>(start: F): F {
	return ((...args: never[]) => {
		const builder = start(...args);
		if (!outsideOpenTransaction()) return builder;
		return deferred(builder as object);
	}) as F;
}

function deferred<T extends object>(builder: T): T {
	return new Proxy(builder, {
		get(target, property) {
			if (property === 'then') {
				return (resolve: (v: unknown) => unknown, reject: (e: unknown) => unknown) =>
					untilForeignTransactionEnds()
						.then(() => (target as unknown as PromiseLike<unknown>).then((v) => v))
						.then(resolve, reject);
			}
			const value = Reflect.get(target, property, target) as unknown;
			if (typeof value !== 'function') return value;
			return (...args: unknown[]) => {
				const result = (value as (...a: unknown[]) => unknown).apply(target, args);
				return result && typeof result === 'object' && 'then' in result
					? deferred(result as object)
					: result;
			};
		}
	});
}

async function inSavepoint<T>(fn: (tx: DB) => Promise<T> | T): Promise<T> {
	const sqlite = liveDatabase().$client;
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

/** A nested transaction inside a flat one: no savepoint; a throw dooms the whole transaction. */
async function inFlat<T>(scope: Scope, fn: (tx: DB) => Promise<T> | T): Promise<T> {
	try {
		return await fn(db);
	} catch (error) {
		scope.nestedFailed = true;
		throw error;
	}
}

function postgresTransaction<T>(fn: (tx: DB) => Promise<T> | T): Promise<T> {
	const scope = context.getStore();
	const outer = scope?.active ? scope.tx : undefined;
	if (outer && scope!.flat) return inFlat(scope!, fn);
	const base = (outer ?? liveDatabase()) as unknown as {
		transaction<R>(run: (tx: DB) => Promise<R>): Promise<R>;
	};
	const root = outer ? (scope!.root ?? scope!) : undefined;
	let own: Scope | undefined;
	const result = base.transaction(async (tx) => {
		const current: Scope = { active: true, tx, root };
		own = current;
		try {
			return await inScope(current, () => fn(db));
		} finally {
			endScope(current);
		}
	});
	if (outer) return result;
	return result.then((value) => {
		if (own) startCommitted(own);
		return value;
	});
}

/**
 * Runs `fn` in one transaction. SQLite: `BEGIN IMMEDIATE` semantics, after every transaction
 * this process started before it; PostgreSQL: one pooled connection, READ COMMITTED. Resolves
 * with what `fn` returns once COMMIT has returned (durable on both: synchronous=FULL,
 * synchronous_commit=on); rejects with what `fn` threw after rolling everything back. Inside
 * `fn`, write through `db` or `tx` (the same); nested `transaction` calls become savepoints. Do
 * not await `durableWrite` inside, whose batch waits for this transaction to end.
 */
export function transaction<T>(fn: (tx: DB) => Promise<T> | T): Promise<T> {
	if (engine === 'postgres') return postgresTransaction(fn);
	const scope = context.getStore();
	if (scope?.active && open) return scope.flat ? inFlat(scope, fn) : inSavepoint(fn);

	const run = async (): Promise<T> => {
		const sqlite = liveDatabase().$client;
		const own: Scope = { active: true };
		try {
			sqlite.exec('BEGIN IMMEDIATE');
			open = true;
			const result = await inScope(own, () => fn(db));
			sqlite.exec('COMMIT');
			startCommitted(own);
			return result;
		} catch (error) {
			if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
			throw error;
		} finally {
			endScope(own);
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

/** Why a flat transaction was rolled back although its callback returned: see below. */
export class NestedRollback extends Error {
	constructor() {
		super('a nested transaction failed inside a transaction without savepoints');
	}
}

/**
 * Like `transaction`, but the transactions nested inside it run without savepoints (two round
 * trips each fewer on PostgreSQL). The price: when one of them throws, even if the caller
 * catches that, nothing of the whole transaction may stay, so it rolls back and rejects with
 * `NestedRollback` (or with what its callback threw). For the group commit's first try, which
 * then runs the batch again with a savepoint per write.
 */
export function transactionWithoutSavepoints<T>(fn: (tx: DB) => Promise<T> | T): Promise<T> {
	return transaction(async (tx) => {
		const scope = context.getStore()!;
		scope.flat = true;
		const result = await fn(tx);
		if (scope.nestedFailed) throw new NestedRollback();
		return result;
	});
}
