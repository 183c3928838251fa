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
import {
	NestedRollback,
	outsideTransactions,
	transaction,
	transactionWithoutSavepoints
} from './transaction';

interface Job {
	fn: () => unknown;
	resolve: (value: unknown) => void;
	reject: (reason: unknown) => void;
}

let queue: Job[] = [];
let scheduled = false;
let flushing = false;
let batches = 0;
let written = 0;

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
 */
export function durableWrite<T>(fn: () => Promise<T> | T): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
		schedule();
	});
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
	if (!jobs.length) return;
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
	const values: unknown[] = [];
	let refused: { error: unknown } | undefined;
	try {
		await transactionWithoutSavepoints(async () => {
			for (const job of jobs) {
				try {
					values.push(await job.fn());
				} catch (error) {
					refused = { error };
					throw error;
				}
			}
		});
		return values.map((value) => ({ ok: true, value }));
	} catch (error) {
		if (!refused && !(error instanceof NestedRollback)) throw error;
	}
	// A lone write that threw was rolled back with its transaction: nothing to try again.
	if (refused && jobs.length === 1) return [{ ok: false, error: refused.error }];
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
