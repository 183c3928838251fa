// Group commit: writes that arrive while the event loop is busy (with a commit's fsync among
// other things) are written together in the next transaction, so many answers share one fsync.
// Each caller's promise settles only after the transaction holding its write has committed
// (synchronous=FULL: durable), so nothing is acknowledged early. Each write runs in a savepoint
// of its own: one that throws is rolled back alone and its caller gets the error, the others
// commit. The queue is first in, first out, so one learner's answers keep their order.
import { db } from './index';
import { asyncTransactionOpen, whenTransactionClosed } from './transaction';

interface Job {
	fn: () => unknown;
	resolve: (value: unknown) => void;
	reject: (reason: unknown) => void;
}

let queue: Job[] = [];
let scheduled = false;
let batches = 0;
let written = 0;

/** How many batches were committed and how many writes they held (for tests and the bench). */
export function writeQueueStats(): { batches: number; writes: number } {
	return { batches, writes: written };
}

/**
 * Queues `fn` for the next group commit and resolves with its result once that commit is
 * durable, or rejects with what `fn` threw (its writes rolled back, the others unaffected).
 * `fn` runs synchronously inside the batch's transaction: it must not await.
 */
export function durableWrite<T>(fn: () => T): Promise<T> {
	return new Promise<T>((resolve, reject) => {
		queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
		if (!scheduled) {
			scheduled = true;
			// After the I/O phase: the requests that arrived during the last commit join this batch.
			setImmediate(flush);
		}
	});
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function flush(): void {
	if (asyncTransactionOpen()) {
		// An asynchronous transaction (transaction.ts) holds the database: commit after it, never
		// inside it, where its rollback would take back writes already confirmed.
		void whenTransactionClosed().then(flush);
		return;
	}
	scheduled = false;
	const jobs = queue;
	queue = [];
	if (!jobs.length) return;
	const sqlite = db.$client;
	const outcomes: Outcome[] = [];
	try {
		// Each job in a savepoint (a better-sqlite3 transaction nested in the batch's).
		const batch = sqlite.transaction(() => {
			for (const job of jobs) {
				try {
					outcomes.push({ ok: true, value: sqlite.transaction(job.fn)() });
				} catch (error) {
					outcomes.push({ ok: false, error });
				}
			}
		});
		batch.immediate();
	} catch (error) {
		// The commit itself failed: nothing of this batch is durable, so every caller hears it.
		for (const job of jobs) job.reject(error);
		return;
	}
	batches++;
	written += jobs.length;
	jobs.forEach((job, i) => {
		const outcome = outcomes[i];
		if (outcome.ok) job.resolve(outcome.value);
		else job.reject(outcome.error);
	});
}
