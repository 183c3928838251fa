// Group commit: writes that arrive while the event loop is busy (with a commit's fsync among
// other things) are written together in the next transaction, so many answers share one fsync.
// Each caller's promise settles only after the transaction holding its write has committed
// (synchronous=FULL: durable), so nothing is acknowledged early. A write that throws is rolled
// back alone and its caller gets the error, the others commit. The queue is first in, first
// out, so one learner's answers keep their order.
//
// A batch is first tried without savepoints (on PostgreSQL each savepoint and its release are
// two round trips per write, on one connection, one after another). Writes are rarely refused;
// when one is, the batch rolls back and runs again with a savepoint per write.
//
// On PostgreSQL the first try also runs the writes of different keys (learners) side by side:
// node-postgres in pipeline mode (postgres/index.ts) sends their statements on the batch's one
// connection without waiting for each other's answers, so a batch of many learners' answers
// takes about as many round trips as one learner's longest run of writes, not their sum. The
// writes of one key still run one after another, in queue order. A batch holding a write
// without a key runs every write one after another, as on SQLite (one connection, no waiting).
//
// A `pipelined` write of a key starts without waiting for the answers of the key's write before
// it: its first statements follow that write's on the connection, which runs them in the order
// sent, so they see what it wrote. The write promises that whatever it sends after its first
// statements ends in the same rows when another write's first statements ran in between (a
// quiz answer, learning/quiz.ts). One learner's many answers then take about one round trip per
// batch instead of one each. A write that is not pipelined still waits for all before it.
import { engine } from './engine';
import {
	NestedRollback,
	outsideTransactions,
	transaction,
	transactionWithoutSavepoints
} from './transaction';

interface Job {
	fn: () => unknown;
	key?: string;
	pipelined: boolean;
	resolve: (value: unknown) => void;
	reject: (reason: unknown) => void;
}

let queue: Job[] = [];
let scheduled = false;
let flushing = false;
let batches = 0;
let written = 0;

let settledWaiters: (() => void)[] = [];

/**
 * Resolves once no write is queued or being committed (at once when none is): the server's
 * shutdown waits for it before it closes the database, so writes already accepted still commit.
 */
export function writesSettled(): Promise<void> {
	if (settled()) return Promise.resolve();
	return new Promise((resolve) => settledWaiters.push(resolve));
}

function settled(): boolean {
	return !queue.length && !scheduled && !flushing;
}

function notifySettled(): void {
	if (!settled()) return;
	const waiters = settledWaiters;
	settledWaiters = [];
	for (const resolve of waiters) resolve();
}

/** How many batches were committed and how many writes they held (for tests and the bench). */
export function writeQueueStats(): { batches: number; writes: number } {
	return { batches, writes: written };
}

/**
 * Queues `fn` for the next group commit and resolves with its result once that commit is
 * durable, or rejects with what `fn` threw (its writes rolled back, the others unaffected).
 * `fn` runs inside the batch's transaction. When another write of its batch is refused, the
 * batch is rolled back and `fn` runs a second time, then in a savepoint of its own: `fn` does
 * database work only (mail goes through the outbox, which sends after the commit).
 *
 * `key` names the data `fn` reads and writes, such as one learner's records: writes with
 * different keys touch none of each other's rows and may run side by side in the batch
 * (PostgreSQL); writes with the same key, or without one, never do.
 */
export function durableWrite<T>(
	fn: () => Promise<T> | T,
	key?: string,
	options: WriteOptions = {}
): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		// SQLite runs a batch's writes one after another whatever they say.
		const pipelined = !!options.pipelined && key !== undefined && engine === 'postgres';
		queue.push({ fn, key, pipelined, resolve: resolve as (value: unknown) => void, reject });
		schedule();
	});
}

/** How a write may run beside the writes of its key. */
export interface WriteOptions {
	/**
	 * `fn` sends its first statements when it is called, before it awaits anything, and what it
	 * sends after them ends in the same rows when the first statements of the key's later writes
	 * ran in between: on PostgreSQL the key's next write then starts without waiting for this
	 * one's answers (see above). Only with a key.
	 */
	pipelined?: boolean;
}

function schedule(): void {
	if (scheduled || flushing) return;
	scheduled = true;
	// After the I/O phase: the requests that arrived during the last commit join this batch.
	// Outside the caller's context: a batch is never part of the transaction it was queued from.
	outsideTransactions(() => setImmediate(() => void flush()));
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

async function flush(): Promise<void> {
	scheduled = false;
	const jobs = queue;
	queue = [];
	if (!jobs.length) return notifySettled();
	flushing = true;
	let outcomes: Outcome[];
	try {
		outcomes = await runBatch(jobs);
	} catch (error) {
		// The commit itself failed: nothing of this batch is durable, so every caller hears it.
		for (const job of jobs) job.reject(error);
		return;
	} finally {
		flushing = false;
		// What arrived during this commit is the next batch.
		if (queue.length) schedule();
		notifySettled();
	}
	batches++;
	written += jobs.length;
	jobs.forEach((job, i) => {
		const outcome = outcomes[i];
		if (outcome.ok) job.resolve(outcome.value);
		else job.reject(outcome.error);
	});
}

/** The batch's outcomes once it has committed; rejects when a commit failed. */
async function runBatch(jobs: Job[]): Promise<Outcome[]> {
	// One transaction for the batch (after any transaction already open: transaction.ts queues
	// it, so a batch never shares another transaction whose rollback would take back writes
	// already confirmed).
	const values: unknown[] = new Array(jobs.length);
	let refused: { error: unknown } | undefined;
	try {
		await transactionWithoutSavepoints(async () => {
			const runs = sideBySide(jobs);
			// Every write settles before the transaction ends: a refused write stops its own run
			// at once and the others at their next write, never half way through a statement.
			const started = async (i: number): Promise<void> => {
				try {
					values[i] = await jobs[i].fn();
				} catch (error) {
					refused ??= { error };
					throw error;
				}
			};
			await allSucceeded(
				runs.map(async (run) => {
					let pending: Promise<void>[] = [];
					for (const i of run) {
						if (!jobs[i].pipelined) {
							// Waits for the key's pipelined writes before it (their answers and what they
							// send after them).
							await allSucceeded(pending);
							pending = [];
							if (refused) return;
							await started(i);
						} else if (!refused) pending.push(started(i));
					}
					await allSucceeded(pending);
				})
			);
		});
		return values.map((value) => ({ ok: true, value }));
	} catch (error) {
		if (!refused && !(error instanceof NestedRollback)) throw error;
	}
	// A lone write that threw was rolled back with its transaction: nothing to try again.
	if (refused && jobs.length === 1) return [{ ok: false, error: refused.error }];
	// One after another, a savepoint each: PostgreSQL's savepoints nest, they cannot interleave.
	const outcomes: Outcome[] = [];
	await transaction(async () => {
		for (const job of jobs) {
			try {
				outcomes.push({ ok: true, value: await transaction(job.fn) });
			} catch (error) {
				outcomes.push({ ok: false, error });
			}
		}
	});
	return outcomes;
}

/** Waits until every promise has settled, then rejects with the first failure, if any. */
async function allSucceeded(promises: Promise<void>[]): Promise<void> {
	const settled = await Promise.allSettled(promises);
	const failed = settled.find((s) => s.status === 'rejected');
	if (failed) throw failed.reason;
}

/**
 * The batch's writes as runs that may go side by side, each run a list of indexes into `jobs`
 * in queue order: one run per key on PostgreSQL, a single run on SQLite or when a write has no
 * key.
 */
function sideBySide(jobs: Job[]): number[][] {
	const all = jobs.map((_, i) => i);
	if (engine !== 'postgres' || jobs.some((job) => job.key === undefined)) return [all];
	const runs = new Map<string, number[]>();
	for (const i of all) {
		const run = runs.get(jobs[i].key!);
		if (run) run.push(i);
		else runs.set(jobs[i].key!, [i]);
	}
	return [...runs.values()];
}
