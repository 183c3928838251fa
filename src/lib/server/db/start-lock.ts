// Start-up work that several servers must not do at the same moment. On PostgreSQL N servers
// may start together on one database: the migrations already run under an advisory lock
// (postgres/open.ts), and the registration of the shipped module versions must too, or two
// servers insert the same new version and one stops on the unique index. On SQLite one process
// owns the file; there the work only waits for this process's own earlier start-up work.
import { engine } from './engine';
import { liveDatabase } from './index';
import type { PgDB } from './postgres';

/** The advisory lock key of the start-up work (the migrations use 5_170_019). */
const START_LOCK = 5_170_021;

let previous: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` while holding the start-up lock: start-up work elsewhere (another server on the
 * same PostgreSQL database, or this process) waits until it is done.
 */
export function underStartLock<T>(work: () => Promise<T>): Promise<T> {
	const run = previous.then(() => (engine === 'postgres' ? underAdvisoryLock(work) : work()));
	previous = run.catch(() => {});
	return run;
}

async function underAdvisoryLock<T>(work: () => Promise<T>): Promise<T> {
	const pool = (liveDatabase() as unknown as PgDB).$client;
	const client = await pool.connect();
	try {
		await client.query('SELECT pg_advisory_lock($1)', [START_LOCK]);
		try {
			return await work();
		} finally {
			await client.query('SELECT pg_advisory_unlock($1)', [START_LOCK]);
		}
	} finally {
		client.release();
	}
}
