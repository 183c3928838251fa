// Scheduled work that must run once even when two servers (or two cron runs) start it at the
// same moment: reminders, retention, the LTI score worker. On PostgreSQL a session-level
// advisory lock (pg_try_advisory_lock) on a connection of its own marks the running job for all
// servers; whoever does not get it skips the run. On SQLite one process owns the file, so an
// in-process guard is enough; the jobs' own claims (unique reminder rows, BEGIN IMMEDIATE,
// status claims on mail) keep a second process from doing the work twice in any case.
import { liveDatabase } from './index';
import { engine } from './engine';
import type { PgDB } from './postgres';

/** The first key of the two-key advisory lock: the platform's own lock namespace. */
const LOCK_NAMESPACE = 0x5349_474e; // "SIGN"

const runningHere = new Set<string>();

export type ExclusiveRun<T> = { ran: true; value: T } | { ran: false };

/**
 * Runs `job` unless a job of the same `name` already runs on this or (PostgreSQL) any other
 * server; then it resolves `{ ran: false }` at once without waiting.
 */
export async function runExclusive<T>(
	name: string,
	job: () => Promise<T>
): Promise<ExclusiveRun<T>> {
	if (runningHere.has(name)) return { ran: false };
	runningHere.add(name);
	try {
		if (engine !== 'postgres') return { ran: true, value: await job() };
		const pool = (liveDatabase() as unknown as PgDB).$client;
		const client = await pool.connect();
		let broken: Error | undefined;
		try {
			const locked = await client.query<{ locked: boolean }>(
				'select pg_try_advisory_lock($1, hashtext($2)) as locked',
				[LOCK_NAMESPACE, name]
			);
			if (!locked.rows[0]?.locked) return { ran: false };
			try {
				return { ran: true, value: await job() };
			} finally {
				await client
					.query('select pg_advisory_unlock($1, hashtext($2))', [LOCK_NAMESPACE, name])
					.catch((error: Error) => (broken = error));
			}
		} finally {
			// A connection whose unlock failed is closed, which releases its locks.
			client.release(broken);
		}
	} finally {
		runningHere.delete(name);
	}
}
