import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { signalMastery } from '../db/schema';
import { makeUser } from '../testing/testing';
import { addMonths, addDays } from './rules';
import { freshCertificates, makeAttempt, pass, t0 } from './spec-support';
import { missedSignalWeights, refresherStatus } from './refresher';
import { revokeCertificate } from './verification';
import { dashboardCertificates, getOwnCertificate, learnerCertificates } from './views';

beforeEach(async () => {
	await freshCertificates();
});

describe('the refresher', () => {
	it('is closed for a fresh certificate and says when it opens', async () => {
		const learner = await makeUser();
		await pass(learner.id, 'wat-en-hoe', t0);
		const status = await refresherStatus(learner.id, addMonths(t0, 12));
		expect(status.open).toBe(false);
		expect(status.deadline).toBeNull();
		expect(status.opensAt).toEqual(addDays(addMonths(t0, 24), -60));
		const attemptId = await makeAttempt(learner.id, 'opfrissing', addMonths(t0, 12));
		expect(
			(await pass(learner.id, 'opfrissing', addMonths(t0, 12), attemptId)).certificateIds
		).toEqual([]);
	});

	it('opens 60 days before expiry, renews every refreshable module and keeps the old ones as history', async () => {
		const learner = await makeUser();
		const [a] = (await pass(learner.id, 'wat-en-hoe', t0)).certificateIds;
		const [b] = (await pass(learner.id, 'handelen', addDays(t0, 10))).certificateIds;
		const expiresA = addMonths(t0, 24);
		const now = addDays(expiresA, -20);
		const status = await refresherStatus(learner.id, now);
		expect(status.open).toBe(true);
		expect(status.deadline).toEqual(expiresA);
		expect(status.modules.map((m) => [m.slug, m.status])).toEqual([
			['wat-en-hoe', 'expiring'],
			['handelen', 'expiring']
		]);

		// The dashboard's single read gives the same cards and refresher state.
		expect(await learnerCertificates(learner.id, now)).toEqual({
			certificates: await dashboardCertificates(learner.id, now),
			refresher: status
		});

		const attemptId = await makeAttempt(learner.id, 'opfrissing', now);
		const renewed = (await pass(learner.id, 'opfrissing', now, attemptId)).certificateIds;
		expect(renewed).toHaveLength(2);
		const list = await dashboardCertificates(learner.id, now);
		const byId = new Map(list.map((c) => [c.id, c]));
		expect(byId.get(a)!.status).toBe('renewed');
		expect(byId.get(b)!.status).toBe('renewed');
		const newA = list.find((c) => c.renewedFromId === a)!;
		expect(newA.status).toBe('valid');
		// Renewed early: the new validity counts from the old expiry, nobody loses days.
		expect(newA.expiresAt).toEqual(addMonths(expiresA, 24));
		expect(newA.issuedAt).toEqual(now);
		expect((await refresherStatus(learner.id, now)).open).toBe(false);

		// Replaying the refresher pass issues nothing more.
		expect((await pass(learner.id, 'opfrissing', now, attemptId)).certificateIds).toEqual(renewed);
		expect(await dashboardCertificates(learner.id, now)).toHaveLength(4);
	});

	it('still renews during the 90-day grace period, then no longer: the full module is needed', async () => {
		const learner = await makeUser();
		const [old] = (await pass(learner.id, 'wat-en-hoe', t0)).certificateIds;
		const expires = addMonths(t0, 24);
		const inGrace = addDays(expires, 30);
		const status = await refresherStatus(learner.id, inGrace);
		expect(status.open).toBe(true);
		expect(status.modules[0].status).toBe('expired');
		expect(status.deadline).toEqual(addDays(expires, 90));

		const afterGrace = addDays(expires, 91);
		expect(await refresherStatus(learner.id, afterGrace)).toMatchObject({
			open: false,
			modules: []
		});
		const attemptId = await makeAttempt(learner.id, 'opfrissing', afterGrace);
		expect((await pass(learner.id, 'opfrissing', afterGrace, attemptId)).certificateIds).toEqual(
			[]
		);
		expect((await dashboardCertificates(learner.id, afterGrace))[0]).toMatchObject({
			id: old,
			status: 'expired'
		});

		// In the grace period a renewal counts its validity from the day of renewal.
		const other = await makeUser();
		await pass(other.id, 'wat-en-hoe', t0);
		const grace = await makeAttempt(other.id, 'opfrissing', inGrace);
		const [renewedId] = (await pass(other.id, 'opfrissing', inGrace, grace)).certificateIds;
		const renewed = (await getOwnCertificate(other.id, renewedId, inGrace))!;
		expect(renewed.expiresAt).toEqual(addMonths(inGrace, 24));
	});

	it('never renews a revoked certificate', async () => {
		const learner = await makeUser();
		const admin = await makeUser({ isAdmin: true });
		const [id] = (await pass(learner.id, 'wat-en-hoe', t0)).certificateIds;
		expect(
			await revokeCertificate({
				certificateId: id,
				reason: 'Fraude vastgesteld',
				actorUserId: admin.id
			})
		).toBe(true);
		const now = addDays(addMonths(t0, 24), -10);
		expect((await refresherStatus(learner.id, now)).open).toBe(false);
		expect((await dashboardCertificates(learner.id, now))[0].status).toBe('revoked');
	});
});

describe('missed signals', () => {
	it('reads missed signals from the signal map for the adaptive draw', async () => {
		const learner = await makeUser();
		await db.insert(signalMastery).values([
			{ userId: learner.id, signalId: 'plots-verzorgd', seen: 4, correct: 1, updatedAt: t0 },
			{ userId: learner.id, signalId: 'kledij-plots-anders', seen: 3, correct: 3, updatedAt: t0 }
		]);
		expect(await missedSignalWeights(learner.id)).toEqual(new Map([['plots-verzorgd', 3]]));
	});
});
