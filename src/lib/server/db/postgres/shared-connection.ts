// The process's shared connections: one pipelined PostgreSQL connection by default (more with
// DATABASE_SHARED_CONNECTIONS) that carries the short prepared statements run outside a
// transaction (a session lookup, a learner's enrolment) for every request at once. The
// statements of concurrent requests go out together and come back together: a handful of system
// calls and no pool checkout per statement, where the pool cost each statement its own. Each
// statement still has its own Sync, so one that fails fails alone. A lost connection fails the
// statements on it (as a lost pool connection does); the next statement connects again.
import pg from 'pg';

export class SharedConnection {
	/** The client once connected, for statements that need not wait. */
	ready: pg.Client | undefined;
	private connecting: Promise<pg.Client> | undefined;
	private closed = false;

	constructor(private readonly config: pg.ClientConfig) {}

	/** The connected client, connecting (again) when there is none. */
	acquire(): Promise<pg.Client> {
		if (this.closed) return Promise.reject(new Error('The database is not open'));
		return (this.connecting ??= this.connect());
	}

	private connect(): Promise<pg.Client> {
		const client = new pg.Client({ ...this.config, pipeline: true });
		const forget = () => {
			if (this.connecting === connecting) {
				this.connecting = undefined;
				this.ready = undefined;
			}
		};
		// A dropped connection (server restart, fail-over) must not crash the process.
		client.on('error', (error) => {
			console.error(`PostgreSQL shared connection lost: ${error.message}`);
			forget();
		});
		client.on('end', forget);
		const connecting = client.connect().then(
			() => {
				if (this.connecting === connecting && !this.closed) this.ready = client;
				return client;
			},
			(error: unknown) => {
				forget();
				throw error;
			}
		);
		return connecting;
	}

	/** Ends the connection after the statements on it have been answered. */
	async close(): Promise<void> {
		this.closed = true;
		const connecting = this.connecting;
		this.connecting = undefined;
		this.ready = undefined;
		const client = await connecting?.catch(() => undefined);
		await client?.end();
	}
}

/**
 * The process's shared connections, taken in turn. One connection is one PostgreSQL server
 * process, so one core: more than one lets a database server with cores to spare work on the
 * statements side by side, at the cost of more system calls in this process (on the 2-core
 * bench machine, with the database on the same cores, one was faster on every page).
 */
export class SharedConnections {
	private readonly connections: SharedConnection[];
	private turn = 0;

	constructor(config: pg.ClientConfig, count: number) {
		const n = Math.max(1, Math.floor(count));
		this.connections = Array.from({ length: n }, () => new SharedConnection(config));
	}

	/** The connection for the next statement. */
	next(): SharedConnection {
		const connection = this.connections[this.turn];
		this.turn = (this.turn + 1) % this.connections.length;
		return connection;
	}

	/** How many there are. */
	get size(): number {
		return this.connections.length;
	}

	async close(): Promise<void> {
		await Promise.all(this.connections.map((connection) => connection.close()));
	}
}
