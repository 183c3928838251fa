import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../testing/smtp';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { attempt, certificate, certificateReminder, enrolment, signalMastery } from '../db/schema';
import { freshDatabase, makeMember, makeOrganisation, makeUser } from '../testing/testing';
import { getCourse } from '../content/course';
import { latestVersionId, syncShippedModules } from '../content/versions';
import { listAudit } from '../platform/audit';
import { flushMail, listOutbox } from '../platform/mail';
import { addMonths, addDays, CODE_LENGTH } from './rules';
import * as certificates from './certificates';

const t0 = new Date('2026-03-02T09:00:00Z');

function versionOf(slug: string): number {
	const id = latestVersionId(slug);
	if (!id) throw new Error(`no version for ${slug}`);
	return id;
}

/** A passed assessment attempt, as the player records it before calling issueOnPass. */
function makeAttempt(userId: number, slug: string, at = t0): number {
	const moduleVersionId = versionOf(slug);
	const enrolmentId = Number(
		db
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
			.run().lastInsertRowid
	);
	const found =
		enrolmentId ||
		db
			.select({ id: enrolment.id })
			.from(enrolment)
			.where(eq(enrolment.moduleVersionId, moduleVersionId))
			.get()!.id;
	return Number(
		db
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
			.run().lastInsertRowid
	);
}

function pass(userId: number, slug: string, now: Date, attemptId: number | null = null) {
	return certificates.issueOnPass({ userId, moduleVersionId: versionOf(slug), attemptId, now });
}

beforeEach(() => {
	freshDatabase();
	syncShippedModules(getCourse());
	certificates.verifyThrottle.reset('test-client');
});

describe('issueOnPass', () => {
	it('issues one certificate with a long random code, the module validity and the organisation', async () => {
		const org = makeOrganisation('Sint-Jansschool');
		const learner = await makeMember({ organisation: org });
		const attemptId = makeAttempt(learner.id, 'wat-en-hoe');
		const { certificateIds } = pass(learner.id, 'wat-en-hoe', t0, attemptId);
		expect(certificateIds).toHaveLength(1);
		const row = db.select().from(certificate).where(eq(certificate.id, certificateIds[0])).get()!;
		expect(row.code).toMatch(new RegExp(`^[a-km-np-z2-9]{${CODE_LENGTH}}$`));
		expect(row.organisationId).toBe(org);
		expect(row.issuedAt).toEqual(t0);
		expect(row.expiresAt).toEqual(addMonths(t0, 24));
		expect(row.attemptId).toBe(attemptId);
		const [view] = certificates.dashboardCertificates(learner.id, t0);
		expect(view).toMatchObject({
			moduleTitle: 'Tienerpooiers: wat en hoe',
			status: 'geldig',
			code: expect.stringMatching(/^([A-Z2-9]{4}-){6}[A-Z2-9]{4}$/)
		});
		expect(listAudit({ action: 'certificate.issued' })).toHaveLength(1);
	});

	it('codes differ between certificates', async () => {
		const learner = await makeUser();
		const codes = new Set<string>();
		for (let i = 0; i < 20; i++) {
			pass(learner.id, 'wat-en-hoe', addDays(t0, i));
		}
		for (const c of certificates.dashboardCertificates(learner.id, t0)) codes.add(c.rawCode);
		expect(codes.size).toBe(20);
	});

	it('a replayed pass for the same attempt issues nothing twice', async () => {
		const learner = await makeUser();
		const attemptId = makeAttempt(learner.id, 'handelen');
		const first = pass(learner.id, 'handelen', t0, attemptId);
		const again = pass(learner.id, 'handelen', addDays(t0, 1), attemptId);
		expect(again).toEqual(first);
		expect(certificates.dashboardCertificates(learner.id, t0)).toHaveLength(1);
	});

	it('passing the full module again replaces the current certificate, which stays in the history', async () => {
		const learner = await makeUser();
		const [old] = pass(learner.id, 'wat-en-hoe', t0).certificateIds;
		const later = addMonths(t0, 6);
		const [fresh] = pass(learner.id, 'wat-en-hoe', later).certificateIds;
		const list = certificates.dashboardCertificates(learner.id, later);
		expect(list.map((c) => [c.id, c.status])).toEqual([
			[fresh, 'geldig'],
			[old, 'vernieuwd']
		]);
		expect(list[0].renewedFromId).toBe(old);
	});
});

describe('the refresher', () => {
	it('is closed for a fresh certificate and says when it opens', async () => {
		const learner = await makeUser();
		pass(learner.id, 'wat-en-hoe', t0);
		const status = certificates.refresherStatus(learner.id, addMonths(t0, 12));
		expect(status.open).toBe(false);
		expect(status.deadline).toBeNull();
		expect(status.opensAt).toEqual(addDays(addMonths(t0, 24), -60));
		const attemptId = makeAttempt(learner.id, 'opfrissing', addMonths(t0, 12));
		expect(pass(learner.id, 'opfrissing', addMonths(t0, 12), attemptId).certificateIds).toEqual([]);
	});

	it('opens 60 days before expiry, renews every refreshable module and keeps the old ones as history', async () => {
		const learner = await makeUser();
		const [a] = pass(learner.id, 'wat-en-hoe', t0).certificateIds;
		const [b] = pass(learner.id, 'handelen', addDays(t0, 10)).certificateIds;
		const expiresA = addMonths(t0, 24);
		const now = addDays(expiresA, -20);
		const status = certificates.refresherStatus(learner.id, now);
		expect(status.open).toBe(true);
		expect(status.deadline).toEqual(expiresA);
		expect(status.modules.map((m) => [m.slug, m.status])).toEqual([
			['wat-en-hoe', 'verloopt_binnenkort'],
			['handelen', 'verloopt_binnenkort']
		]);

		const attemptId = makeAttempt(learner.id, 'opfrissing', now);
		const renewed = pass(learner.id, 'opfrissing', now, attemptId).certificateIds;
		expect(renewed).toHaveLength(2);
		const list = certificates.dashboardCertificates(learner.id, now);
		const byId = new Map(list.map((c) => [c.id, c]));
		expect(byId.get(a)!.status).toBe('vernieuwd');
		expect(byId.get(b)!.status).toBe('vernieuwd');
		const newA = list.find((c) => c.renewedFromId === a)!;
		expect(newA.status).toBe('geldig');
		// Renewed early: the new validity counts from the old expiry, nobody loses days.
		expect(newA.expiresAt).toEqual(addMonths(expiresA, 24));
		expect(newA.issuedAt).toEqual(now);
		expect(certificates.refresherStatus(learner.id, now).open).toBe(false);

		// Replaying the refresher pass issues nothing more.
		expect(pass(learner.id, 'opfrissing', now, attemptId).certificateIds).toEqual(renewed);
		expect(certificates.dashboardCertificates(learner.id, now)).toHaveLength(4);
	});

	it('still renews during the 90-day grace period, then no longer: the full module is needed', async () => {
		const learner = await makeUser();
		const [old] = pass(learner.id, 'wat-en-hoe', t0).certificateIds;
		const expires = addMonths(t0, 24);
		const inGrace = addDays(expires, 30);
		const status = certificates.refresherStatus(learner.id, inGrace);
		expect(status.open).toBe(true);
		expect(status.modules[0].status).toBe('verlopen');
		expect(status.deadline).toEqual(addDays(expires, 90));

		const afterGrace = addDays(expires, 91);
		expect(certificates.refresherStatus(learner.id, afterGrace)).toMatchObject({
			open: false,
			modules: []
		});
		const attemptId = makeAttempt(learner.id, 'opfrissing', afterGrace);
		expect(pass(learner.id, 'opfrissing', afterGrace, attemptId).certificateIds).toEqual([]);
		expect(certificates.dashboardCertificates(learner.id, afterGrace)[0]).toMatchObject({
			id: old,
			status: 'verlopen'
		});

		// In the grace period a renewal counts its validity from the day of renewal.
		const other = await makeUser();
		pass(other.id, 'wat-en-hoe', t0);
		const grace = makeAttempt(other.id, 'opfrissing', inGrace);
		const [renewedId] = pass(other.id, 'opfrissing', inGrace, grace).certificateIds;
		const renewed = certificates.getOwnCertificate(other.id, renewedId, inGrace)!;
		expect(renewed.expiresAt).toEqual(addMonths(inGrace, 24));
	});

	it('never renews a revoked certificate', async () => {
		const learner = await makeUser();
		const admin = await makeUser({ isAdmin: true });
		const [id] = pass(learner.id, 'wat-en-hoe', t0).certificateIds;
		expect(
			certificates.revokeCertificate({
				certificateId: id,
				reason: 'Fraude vastgesteld',
				actorUserId: admin.id
			})
		).toBe(true);
		const now = addDays(addMonths(t0, 24), -10);
		expect(certificates.refresherStatus(learner.id, now).open).toBe(false);
		expect(certificates.dashboardCertificates(learner.id, now)[0].status).toBe('ingetrokken');
	});
});

describe('access and verification', () => {
	it('a learner gets only their own certificate by id', async () => {
		const a = await makeUser();
		const b = await makeUser();
		const [id] = pass(a.id, 'wat-en-hoe', t0).certificateIds;
		expect(certificates.getOwnCertificate(a.id, id, t0)?.learnerName).toBeTruthy();
		expect(certificates.getOwnCertificate(b.id, id, t0)).toBeUndefined();
		expect(certificates.setShowOrganisation(b.id, id, true)).toBe(false);
		expect(certificates.dashboardCertificates(b.id, t0)).toEqual([]);
	});

	it('the public view shows name, module, dates and status, never the e-mail; the organisation only when allowed', async () => {
		const org = makeOrganisation('Jeugdhulp Horizon');
		const learner = await makeMember({ organisation: org, email: 'sam.geheim@horizon.be' });
		const [id] = pass(learner.id, 'wat-en-hoe', t0).certificateIds;
		const { rawCode, code } = certificates.getOwnCertificate(learner.id, id, t0)!;
		const found = certificates.verifyCertificate(code, 'test-client', t0);
		expect(found.kind).toBe('found');
		if (found.kind !== 'found') return;
		expect(found.certificate).toMatchObject({
			moduleTitle: 'Tienerpooiers: wat en hoe',
			status: 'geldig',
			organisation: null,
			issuedAt: t0
		});
		expect(JSON.stringify(found)).not.toContain('sam.geheim');

		certificates.setShowOrganisation(learner.id, id, true);
		const again = certificates.verifyCertificate(rawCode, 'test-client', t0);
		expect(again.kind === 'found' && again.certificate.organisation).toBe('Jeugdhulp Horizon');
	});

	it('says ingetrokken after revocation, and audits it with the reason', async () => {
		const learner = await makeUser();
		const admin = await makeUser({ isAdmin: true });
		const [id] = pass(learner.id, 'wat-en-hoe', t0).certificateIds;
		const { rawCode } = certificates.getOwnCertificate(learner.id, id, t0)!;
		expect(certificates.findForAdmin(rawCode.toUpperCase(), t0)?.id).toBe(id);
		certificates.revokeCertificate({
			certificateId: id,
			reason: 'Onterecht uitgereikt',
			actorUserId: admin.id,
			now: t0
		});
		expect(
			certificates.revokeCertificate({
				certificateId: id,
				reason: 'nog eens',
				actorUserId: admin.id
			})
		).toBe(false);
		const result = certificates.verifyCertificate(rawCode, 'test-client', addDays(t0, 1));
		expect(result.kind === 'found' && result.certificate.status).toBe('ingetrokken');
		const [event] = listAudit({ action: 'certificate.revoked' });
		expect(event.actorUserId).toBe(admin.id);
		expect(event.details).toMatchObject({ reason: 'Onterecht uitgereikt' });
	});

	it('unknown and malformed codes are unknown, and many of them from one address are throttled', async () => {
		expect(certificates.verifyCertificate('abcd', 'test-client', t0).kind).toBe('unknown');
		expect(certificates.verifyCertificate("' OR 1=1 --", 'test-client', t0).kind).toBe('unknown');
		for (let i = 0; i < 30; i++) certificates.verifyCertificate('x'.repeat(28), 'test-client', t0);
		const result = certificates.verifyCertificate('y'.repeat(28), 'test-client', t0);
		expect(result.kind).toBe('throttled');
		expect(result.kind === 'throttled' && result.retryAfterSeconds).toBeGreaterThan(0);
		// Another address is not affected.
		expect(certificates.verifyCertificate('y'.repeat(28), 'other-client', t0).kind).toBe('unknown');
		certificates.verifyThrottle.reset('other-client');
	});

	it('reads missed signals from the signal map for the adaptive draw', async () => {
		const learner = await makeUser();
		db.insert(signalMastery)
			.values([
				{ userId: learner.id, signalId: 'plots-verzorgd', seen: 4, correct: 1, updatedAt: t0 },
				{ userId: learner.id, signalId: 'kledij-plots-anders', seen: 3, correct: 3, updatedAt: t0 }
			])
			.run();
		expect(certificates.missedSignalWeights(learner.id)).toEqual(new Map([['plots-verzorgd', 3]]));
	});
});

describe('expiry reminders', () => {
	let sink: SmtpSink;

	beforeAll(async () => {
		sink = await startSmtpSink();
	});

	afterAll(async () => {
		delete process.env.SMTP_URL;
		await sink.close();
	});

	async function runJob(now: Date): Promise<number> {
		const queued = certificates.sendDueReminders(now);
		await flushMail();
		return queued;
	}

	it('mails 30 and 7 days before and on the day of expiry, each exactly once', async () => {
		process.env.SMTP_URL = sink.url;
		sink.clear();
		const learner = await makeUser({ email: 'lotte@school.be', name: 'Lotte' });
		pass(learner.id, 'wat-en-hoe', t0);
		const expires = addMonths(t0, 24);

		expect(await runJob(addDays(expires, -31))).toBe(0);
		expect(await runJob(addDays(expires, -30))).toBe(1);
		expect(await runJob(addDays(expires, -29))).toBe(0);
		expect(await runJob(addDays(expires, -7))).toBe(1);
		expect(await runJob(addDays(expires, -6))).toBe(0);
		expect(await runJob(expires)).toBe(1);
		expect(await runJob(expires)).toBe(0);
		expect(await runJob(addDays(expires, 2))).toBe(0);

		expect(sink.received).toHaveLength(3);
		expect(sink.received.every((m) => m.to[0] === 'lotte@school.be')).toBe(true);
		expect(sink.received[0].raw).toMatch(/verloopt op/);
		expect(sink.received[2].raw).toMatch(/verloopt vandaag/);
		expect(listOutbox().map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
		const kinds = db.select({ kind: certificateReminder.kind }).from(certificateReminder).all();
		expect(kinds.map((k) => k.kind).sort()).toEqual(['d0', 'd30', 'd7']);
	});

	it('sends nothing when another process already claimed the reminder, or the certificate was renewed or revoked', async () => {
		delete process.env.SMTP_URL;
		const a = await makeUser();
		const b = await makeUser();
		const c = await makeUser();
		const [idA] = pass(a.id, 'wat-en-hoe', t0).certificateIds;
		pass(b.id, 'wat-en-hoe', t0);
		const [idC] = pass(c.id, 'wat-en-hoe', t0).certificateIds;
		const now = addDays(addMonths(t0, 24), -30);
		// a: another process inserted the row first.
		db.insert(certificateReminder).values({ certificateId: idA, kind: 'd30', sentAt: now }).run();
		// b: renewed by the refresher.
		pass(b.id, 'opfrissing', addDays(now, -1), makeAttempt(b.id, 'opfrissing', now));
		// c: revoked.
		certificates.revokeCertificate({
			certificateId: idC,
			reason: 'Test intrekking',
			actorUserId: a.id
		});
		expect(certificates.sendDueReminders(now)).toBe(0);
		expect(listOutbox()).toHaveLength(0);
	});
});
