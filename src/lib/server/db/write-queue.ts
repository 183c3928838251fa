// Group commit: writes that arrive while the event loop is busy (with a commit's fsync among
// other things) are written together in the next transaction, so many answers share one fsync.
// Each caller's promise settles only after the transaction holding its write has committed
// (synchronous=FULL: durable), so nothing is acknowledged early. Each write runs in a savepoint
// of its own: one that throws is rolled back alone and its caller gets the error, the others
// commit. The queue is first in, first out, so one learner's answers keep their order.
import { outsideTransactions, transaction } from './transaction';

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
 * `fn` runs inside the batch's transaction, in a savepoint of its own.
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
	const outcomes: Outcome[] = [];
	try {
		// One transaction for the batch (after any transaction already open: transaction.ts
		// queues it, so a batch never shares another transaction whose rollback would take back
		// writes already confirmed), each job in a savepoint of its own.
		await transaction(async () => {
			for (const job of jobs) {
				try {
					outcomes.push({ ok: true, value: await transaction(job.fn) });
				} catch (error) {
					outcomes.push({ ok: false, error });
				}
			}
		});
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
