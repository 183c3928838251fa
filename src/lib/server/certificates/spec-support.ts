// Test support for the certificate specs: a passed attempt and a pass, as the player records them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { db, first } from '../db';
import { attempt, enrolment } from '../db/schema';
import { freshDatabase, makeUser } from '../testing/testing';
import { getCourse } from '../content/course';
import { latestVersionId, syncShippedModules } from '../content/versions';
import { issueOnPass } from './issue';
import { verifyThrottle } from './verification';
import { getOwnCertificate } from './views';
import { resetSigningKey } from './openbadges';

export const t0 = new Date('2026-03-02T09:00:00Z');

export async function versionOf(slug: string): Promise<number> {
	const id = await latestVersionId(slug);
	if (!id) throw new Error(`no version for ${slug}`);
	return id;
}

/** A passed assessment attempt, as the player records it before calling issueOnPass. */
export async function makeAttempt(userId: number, slug: string, at = t0): Promise<number> {
	const moduleVersionId = await versionOf(slug);
	const enrolmentId = Number(
		(
			await db
				.insert(enrolment)
				.values({
					userId,
					moduleVersionId,
					moduleSlug: slug,
					stepsTotal: 5,
					startedAt: at,
					updatedAt: at
				})
				.onConflictDoNothing()
				.returning({ id: enrolment.id })
		)[0]?.id
	);
	const found =
		enrolmentId ||
		(await first(
			db
				.select({ id: enrolment.id })
				.from(enrolment)
				.where(eq(enrolment.moduleVersionId, moduleVersionId))
		))!.id;
	return Number(
		(
			await db
				.insert(attempt)
				.values({
					enrolmentId: found,
					userId,
					stepSlug: 'toets',
					itemIds: [],
					startedAt: at,
					submittedAt: at,
					passed: true
				})
				.returning({ id: attempt.id })
		)[0]?.id
	);
}

export async function pass(
	userId: number,
	slug: string,
	now: Date,
	attemptId: number | null = null
) {
	return await issueOnPass({ userId, moduleVersionId: await versionOf(slug), attemptId, now });
}

/** A fresh database with the shipped course, and no throttled test client. */
export async function freshCertificates(): Promise<void> {
	await freshDatabase();
	await syncShippedModules(getCourse());
	await verifyThrottle.reset('verify:test-client');
}

/**
 * For the Open Badges specs: a fresh database with the shipped course, a throw-away data folder
 * for the signing key and a fixed ORIGIN, all undone after each test.
 */
export function useOpenBadgesEnvironment(): void {
	let dataDir = '';
	beforeEach(async () => {
		await freshDatabase();
		await syncShippedModules(getCourse());
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-ob-'));
		process.env.DATA_DIR = dataDir;
		process.env.ORIGIN = 'https://signaalwijs.example';
		resetSigningKey();
	});
	afterEach(() => {
		delete process.env.DATA_DIR;
		delete process.env.ORIGIN;
		resetSigningKey();
		fs.rmSync(dataDir, { recursive: true, force: true });
	});
}

/** A learner with a certificate for module 1, issued at t0, as they see it. */
export async function certificateFor(name: string) {
	const learner = await makeUser({ name });
	const [id] = (
		await issueOnPass({
			userId: learner.id,
			moduleVersionId: await versionOf('wat-en-hoe'),
			attemptId: null,
			now: t0
		})
	).certificateIds;
	return (await getOwnCertificate(learner.id, id, t0))!;
}
