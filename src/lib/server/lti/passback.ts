// Assignment and Grade Services 2.0: a learner's assessment score goes to the line item of their
// LMS launch. Scores are queued in the database in the same transaction as the result, then
// sent by a worker (in-process timer, and `npm run jobs`) with an access token obtained through
// the client-credentials grant with a signed JWT client assertion (RFC 7523). A send that fails
// stays queued and is retried with exponential back-off: nothing is lost while the LMS is down.
import { SignJWT } from 'jose';
import { and, desc, eq, inArray, lte, ne, or } from 'drizzle-orm';
import { affected, db, runExclusive } from '../db';
import { ltiGradeTarget, ltiPlatform, ltiScoreOutbox, user, type LtiPlatform } from '../db/schema';
import { log } from '../platform/log';
import { scoreScope } from './claims';
import { LTI_ALG, toolKey } from './keys';
import { getPlatform } from './registrations';

/** Back-off after the n-th failed attempt: 30 s, 1 min, 2 min ... at most 6 hours. */
export function backoffMs(attempts: number): number {
	return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

/** A claimed row that a crashed worker left behind is sent again after this lease. */
const leaseMs = 5 * 60_000;

/**
 * Called when an assessment attempt is scored (inside its transaction): queues the percentage
 * for every line item this learner launched the module from. Learners who never came through
 * an LMS have no grade target, and nothing is queued.
 */
export async function onAssessmentSubmitted(input: {
	userId: number;
	slug: string;
	score: number;
	maxScore: number;
	now: number;
}): Promise<number> {
	const targets = await db
		.select()
		.from(ltiGradeTarget)
		.where(and(eq(ltiGradeTarget.userId, input.userId), eq(ltiGradeTarget.moduleSlug, input.slug)));
	if (targets.length === 0 || input.maxScore <= 0) return 0;
	const percentage = Math.round((100 * input.score) / input.maxScore);
	for (const target of targets) {
		await db.insert(ltiScoreOutbox).values({
			platformId: target.platformId,
			userId: input.userId,
			moduleSlug: input.slug,
			lineItemUrl: target.lineItemUrl,
			sub: target.sub,
			scoreGiven: percentage,
			scoreMaximum: 100,
			submittedAt: new Date(input.now),
			nextAttemptAt: new Date(input.now)
		});
	}
	// Sent right after the transaction commits when the server's worker runs.
	if (worker) setTimeout(() => void runWorker(), 10).unref();
	return targets.length;
}

/** `/scores` after the line item's path, its query string kept (AGS 2.0, section 3.4). */
export function scoresUrl(lineItemUrl: string): string {
	const url = new URL(lineItemUrl);
	url.pathname = url.pathname.replace(/\/+$/, '') + '/scores';
	return url.toString();
}

const tokens = new Map<number, { token: string; expiresAt: number }>();

/**
 * Why a score did not arrive, as a code the admin page words in Dutch:
 * `platform-gone`, `token-refused:<status>`, `token-missing`, `score-refused:<status>`;
 * anything else (network error, time-out) is stored as `unreachable`.
 */
class DeliveryFailure extends Error {
	constructor(readonly code: string) {
		super(`LTI score delivery failed: ${code}`);
	}
}

/** An AGS access token from the platform's token endpoint (client credentials, RFC 7523). */
export async function accessToken(
	platform: LtiPlatform,
	fetcher: typeof fetch = fetch
): Promise<string> {
	const cached = tokens.get(platform.id);
	if (cached && cached.expiresAt > Date.now() + 30_000) return cached.token;
	const key = await toolKey();
	const nowSeconds = Math.floor(Date.now() / 1000);
	const assertion = await new SignJWT({})
		.setProtectedHeader({ alg: LTI_ALG, kid: key.kid, typ: 'JWT' })
		.setIssuer(platform.clientId)
		.setSubject(platform.clientId)
		.setAudience(platform.tokenUrl)
		.setIssuedAt(nowSeconds)
		.setExpirationTime(nowSeconds + 300)
		.setJti(crypto.randomUUID())
		.sign(key.privateKey);
	const response = await fetcher(platform.tokenUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
			client_assertion: assertion,
			scope: scoreScope
		}),
		signal: AbortSignal.timeout(10_000)
	});
	if (!response.ok) throw new DeliveryFailure(`token-refused:${response.status}`);
	const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
	if (typeof body.access_token !== 'string') throw new DeliveryFailure('token-missing');
	const lifetime = typeof body.expires_in === 'number' ? body.expires_in : 3600;
	tokens.set(platform.id, { token: body.access_token, expiresAt: Date.now() + lifetime * 1000 });
	return body.access_token;
}

/** Sends every due score once; returns how many the platforms accepted. */
export async function deliverScores(
	options: { now?: Date; fetcher?: typeof fetch } = {}
): Promise<number> {
	const now = options.now ?? new Date();
	const fetcher = options.fetcher ?? fetch;
	const due = (
		await db
			.select({ id: ltiScoreOutbox.id })
			.from(ltiScoreOutbox)
			.where(and(ne(ltiScoreOutbox.status, 'sent'), lte(ltiScoreOutbox.nextAttemptAt, now)))
			.orderBy(ltiScoreOutbox.id)
			.limit(100)
	).map((r) => r.id);
	if (due.length === 0) return 0;
	// Claim with a lease: another worker skips them, a crash frees them after the lease.
	const claimed = await db
		.update(ltiScoreOutbox)
		.set({ status: 'sending', nextAttemptAt: new Date(now.getTime() + leaseMs) })
		.where(
			and(
				inArray(ltiScoreOutbox.id, due),
				ne(ltiScoreOutbox.status, 'sent'),
				lte(ltiScoreOutbox.nextAttemptAt, now)
			)
		)
		.returning();
	let sent = 0;
	for (const row of claimed) {
		const attempts = row.attempts + 1;
		try {
			const platform = await getPlatform(row.platformId);
			if (!platform) throw new DeliveryFailure('platform-gone');
			const token = await accessToken(platform, fetcher);
			const response = await fetcher(scoresUrl(row.lineItemUrl), {
				method: 'POST',
				headers: {
					authorization: `Bearer ${token}`,
					'content-type': 'application/vnd.ims.lis.v1.score+json'
				},
				body: JSON.stringify({
					userId: row.sub,
					scoreGiven: row.scoreGiven,
					scoreMaximum: row.scoreMaximum,
					activityProgress: 'Completed',
					gradingProgress: 'FullyGraded',
					timestamp: row.submittedAt.toISOString()
				}),
				signal: AbortSignal.timeout(10_000)
			});
			if (response.status === 401) tokens.delete(platform.id);
			if (!response.ok) throw new DeliveryFailure(`score-refused:${response.status}`);
			await db
				.update(ltiScoreOutbox)
				.set({ status: 'sent', attempts, sentAt: new Date(), lastError: null })
				.where(eq(ltiScoreOutbox.id, row.id));
			sent++;
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			await db
				.update(ltiScoreOutbox)
				.set({
					status: 'pending',
					attempts,
					// A code the admin page words in Dutch; the log keeps the technical reason.
					lastError: error instanceof DeliveryFailure ? error.code : 'unreachable',
					nextAttemptAt: new Date(Date.now() + backoffMs(attempts))
				})
				.where(eq(ltiScoreOutbox.id, row.id));
			log.warn('lti.score_failed', { id: row.id, attempts, error: reason.slice(0, 300) });
		}
	}
	return sent;
}

let worker: ReturnType<typeof setInterval> | undefined;
let running: Promise<unknown> | undefined;

function runWorker(): Promise<unknown> {
	// One server at a time sends scores (each score is also claimed by a lease).
	running ??= runExclusive('lti-scores', () => deliverScores())
		.catch((error: unknown) => log.error('lti.worker_failed', { error: String(error) }))
		.finally(() => (running = undefined));
	return running;
}

/** The server's in-process worker: looks for due scores every `everyMs`. */
export function startScoreWorker(everyMs = 15_000): void {
	if (worker) return;
	worker = setInterval(() => void runWorker(), everyMs);
	worker.unref();
	void runWorker();
}

export function stopScoreWorker(): void {
	if (worker) clearInterval(worker);
	worker = undefined;
}

/** Scores not yet accepted, and the latest sent ones, for the admins' registration page. */
export async function listScoreQueue(limit = 50) {
	return await db
		.select({
			id: ltiScoreOutbox.id,
			platform: ltiPlatform.name,
			learner: user.name,
			moduleSlug: ltiScoreOutbox.moduleSlug,
			scoreGiven: ltiScoreOutbox.scoreGiven,
			status: ltiScoreOutbox.status,
			attempts: ltiScoreOutbox.attempts,
			lastError: ltiScoreOutbox.lastError,
			nextAttemptAt: ltiScoreOutbox.nextAttemptAt,
			createdAt: ltiScoreOutbox.createdAt,
			sentAt: ltiScoreOutbox.sentAt
		})
		.from(ltiScoreOutbox)
		.innerJoin(ltiPlatform, eq(ltiPlatform.id, ltiScoreOutbox.platformId))
		.leftJoin(user, eq(user.id, ltiScoreOutbox.userId))
		.orderBy(desc(ltiScoreOutbox.id))
		.limit(limit);
}

/** An admin asks for the unsent scores to be tried now instead of after their back-off. */
export async function retryScoresNow(now = new Date()): Promise<number> {
	const result = await db
		.update(ltiScoreOutbox)
		.set({ nextAttemptAt: now })
		.where(or(eq(ltiScoreOutbox.status, 'pending'), eq(ltiScoreOutbox.status, 'sending')));
	if (worker) void runWorker();
	return affected(result);
}
