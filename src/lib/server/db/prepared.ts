// Prepared statements cached per database, so hot paths skip query building on every call. The
// same builder serves both engines: SQLite prepares it once per connection and runs it
// synchronously under the hood; on PostgreSQL it becomes a named statement (named after a hash
// of its text), which node-postgres parses once per pooled connection and then only binds and
// executes, and which runs on the caller's transaction connection when there is one. Outside a
// transaction it runs on the process's shared pipelined connection (postgres/shared-connection.ts),
// except a report's statement, which takes a pool connection of its own.
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DB } from './index';
import { foreignReader, liveDatabase } from './index';
import { engine } from './engine';
import {
	currentTransaction,
	outsideOpenTransaction,
	untilForeignTransactionEnds
} from './transaction';
import type { PgDB } from './postgres';
import type { SharedConnections } from './postgres/shared-connection';

type Params = Record<string, unknown>;

interface SqliteStatement<Row> {
	get(params?: Params): Row | undefined;
	all(params?: Params): Row[];
	run(params?: Params): unknown;
}

/** A prepared statement with awaited results, the same on both engines. */
export interface Statement<Row> {
	get(params?: Params): Promise<Row | undefined>;
	all(params?: Params): Promise<Row[]>;
	run(params?: Params): Promise<unknown>;
}

type RowOf<T> = T extends { all(...args: never[]): (infer R)[] } ? R : never;

/** Whether a Drizzle better-sqlite3 prepared query only reads (better-sqlite3 knows). */
function onlyReads(statement: unknown): boolean {
	return (statement as { stmt?: { readonly?: boolean } }).stmt?.readonly === true;
}

class SqlitePrepared<Row> implements Statement<Row> {
	/** The same statement on the reader connection (index.ts), built on first need; null: writes. */
	private onReader: SqliteStatement<Row> | null | undefined;
	constructor(
		private readonly statement: SqliteStatement<Row>,
		private readonly build: (database: DB) => unknown
	) {}
	/** Where a read runs: on the reader while another caller's transaction is open. */
	private forReading(): SqliteStatement<Row> {
		const reader = foreignReader();
		if (!reader) return this.statement;
		if (this.onReader === undefined) {
			this.onReader = onlyReads(this.statement)
				? (this.build(reader) as SqliteStatement<Row>)
				: null;
		}
		return this.onReader ?? this.statement;
	}
	async get(params?: Params) {
		return this.forReading().get(params);
	}
	async all(params?: Params) {
		return this.forReading().all(params);
	}
	async run(params?: Params) {
		// A write from outside the open transaction waits for its end, as db.insert/update do.
		if (outsideOpenTransaction()) await untilForeignTransactionEnds();
		return this.statement.run(params);
	}
}

/** What prepared.ts uses of Drizzle's node-postgres prepared query. */
interface PgPreparedQuery {
	execute(params?: Params): Promise<unknown>;
	queryConfig: { name?: string; text: string };
	rawQueryConfig: { name?: string; text: string };
}

/** The pooled connection a Drizzle node-postgres transaction runs on. */
function connectionOf(tx: object): unknown {
	return (tx as { session: { client: unknown } }).session.client;
}

/** The socket under a node-postgres client, where it has one. */
function socketOf(client: unknown): { cork(): void; uncork(): void } | undefined {
	return (client as { connection?: { stream?: { cork(): void; uncork(): void } } }).connection
		?.stream;
}

const corked = new WeakSet<object>();

/**
 * Holds the connection's writes back until the current burst of promise callbacks has run, then
 * sends them in one write: the group commit's side-by-side writes (write-queue.ts) each send
 * their next statement as the answers to the last ones come in, all in the same tick, and one
 * system call for all of them costs less CPU than one each (pipeline mode sends without
 * waiting, so nothing waits on the delay but the same tick's other statements).
 */
function coalesceWrites(client: unknown): void {
	const socket = socketOf(client);
	if (!socket || corked.has(socket)) return;
	corked.add(socket);
	socket.cork();
	process.nextTick(() => {
		corked.delete(socket);
		socket.uncork();
	});
}

/** What a statement built by `prepared` is for. */
export interface PreparedOptions {
	/**
	 * A statement over an organisation's data (a manager's report, a job's list), which may take
	 * milliseconds: on PostgreSQL it runs on a pool connection of its own, so it never holds up the
	 * short statements of other requests queued behind it on the shared connection.
	 */
	report?: boolean;
}

/** Runs a prepared statement on `client` instead of the connection it was built on. */
function on(statement: PgPreparedQuery, client: unknown, params?: Params): Promise<unknown> {
	coalesceWrites(client);
	return (Object.create(statement, { client: { value: client } }) as PgPreparedQuery).execute(
		params
	);
}

class PostgresPrepared<Row> implements Statement<Row> {
	constructor(
		private readonly statement: PgPreparedQuery,
		private readonly shared: SharedConnections | undefined
	) {
		const name = `sw_${createHash('sha1').update(statement.queryConfig.text).digest('hex').slice(0, 24)}`;
		statement.queryConfig.name = name;
		statement.rawQueryConfig.name = name;
	}
	private execute(params?: Params): Promise<unknown> {
		const tx = currentTransaction();
		// Built once on the pool; inside a transaction the same statement runs on its connection.
		if (tx) return on(this.statement, connectionOf(tx), params);
		if (!this.shared) return this.statement.execute(params);
		const shared = this.shared.next();
		if (shared.ready) return on(this.statement, shared.ready, params);
		return shared.acquire().then((client) => on(this.statement, client, params));
	}
	async get(params?: Params) {
		const rows = (await this.execute(params)) as Row[];
		return rows[0];
	}
	async all(params?: Params) {
		return (await this.execute(params)) as Row[];
	}
	async run(params?: Params) {
		return this.execute(params);
	}
}

/**
 * Wraps a statement builder (ending in `.prepare()`): the statement is prepared once for the
 * live database and again only when the live database changes (tests open a fresh one each
 * time). Inside a PostgreSQL transaction it runs on the transaction's connection, outside one on
 * the shared connection (a `report` on the pool). The builder
 * runs once: what it builds must not depend on the call (use two statements instead).
 */
export function prepared<T>(
	build: (database: DB) => T,
	options: PreparedOptions = {}
): () => Statement<RowOf<T>> {
	const cache = new WeakMap<object, Statement<RowOf<T>>>();
	return () => {
		const database = liveDatabase();
		let statement = cache.get(database);
		if (!statement) {
			statement =
				engine === 'postgres'
					? new PostgresPrepared<RowOf<T>>(
							build(database) as unknown as PgPreparedQuery,
							options.report ? undefined : (database as unknown as PgDB).$shared
						)
					: new SqlitePrepared(
							build(database) as unknown as SqliteStatement<RowOf<T>>,
							build as (database: DB) => unknown
						);
			cache.set(database, statement);
		}
		return statement;
	};
}

/**
 * A timestamp column as stored (milliseconds since the epoch) rather than as a `Date`: the
 * reports compare and format numbers, and skipping the Date round trip keeps them cheap.
 */
export function epochMs(column: SQLiteColumn): SQL<number> {
	if (engine === 'postgres') return sql<number>`(extract(epoch from ${column}) * 1000)::float8`;
	return sql<number>`${column}`;
}

/** Like `epochMs` for a nullable column. */
export function epochMsOrNull(column: SQLiteColumn): SQL<number | null> {
	if (engine === 'postgres')
		return sql<number | null>`(extract(epoch from ${column}) * 1000)::float8`;
	return sql<number | null>`${column}`;
}

/**
 * A bound timestamp given as milliseconds since the epoch, for `.set()` and comparisons in
 * prepared statements: SQLite stores the number as it is (timestamp_ms), PostgreSQL converts it
 * to `timestamp with time zone`.
 */
export function epochParam(name: string): SQL<Date> {
	if (engine === 'postgres')
		return sql<Date>`to_timestamp(${sql.placeholder(name)}::float8 / 1000)`;
	return sql<Date>`${sql.placeholder(name)}`;
}
