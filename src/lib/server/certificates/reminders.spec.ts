import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../testing/smtp';
import { db } from '../db';
import { certificateReminder } from '../db/schema';
import { makeUser } from '../testing/testing';
import { flushMail, listOutbox } from '../platform/mail';
import { addMonths, addDays } from './rules';
import { freshCertificates, makeAttempt, pass, t0 } from './spec-support';
import { sendDueReminders } from './reminders';
import { revokeCertificate } from './verification';

beforeEach(async () => {
	await freshCertificates();
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
		const queued = await sendDueReminders(now);
		await flushMail();
		return queued;
	}

	it('mails 30 and 7 days before and on the day of expiry, each exactly once', async () => {
		process.env.SMTP_URL = sink.url;
		sink.clear();
		const learner = await makeUser({ email: 'lotte@school.be', name: 'Lotte' });
		await pass(learner.id, 'wat-en-hoe', t0);
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
		expect((await listOutbox()).map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
		const kinds = await db.select({ kind: certificateReminder.kind }).from(certificateReminder);
		expect(kinds.map((k) => k.kind).sort()).toEqual(['d0', 'd30', 'd7']);
	});

	it('sends nothing when another process already claimed the reminder, or the certificate was renewed or revoked', async () => {
		delete process.env.SMTP_URL;
		const a = await makeUser();
		const b = await makeUser();
		const c = await makeUser();
		const [idA] = (await pass(a.id, 'wat-en-hoe', t0)).certificateIds;
		await pass(b.id, 'wat-en-hoe', t0);
		const [idC] = (await pass(c.id, 'wat-en-hoe', t0)).certificateIds;
		const now = addDays(addMonths(t0, 24), -30);
		// a: another process inserted the row first.
		await db.insert(certificateReminder).values({ certificateId: idA, kind: 'd30', sentAt: now });
		// b: renewed by the refresher.
		await pass(b.id, 'opfrissing', addDays(now, -1), await makeAttempt(b.id, 'opfrissing', now));
		// c: revoked.
		await revokeCertificate({
			certificateId: idC,
			reason: 'Test intrekking',
			actorUserId: a.id
		});
		expect(await sendDueReminders(now)).toBe(0);
		expect(await listOutbox()).toHaveLength(0);
	});
});
