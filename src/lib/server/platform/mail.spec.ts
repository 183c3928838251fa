import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../testing/smtp';
import { freshDatabase, makeUser } from '../testing/testing';
import { requestPasswordReset } from '../accounts/passwords';
import { transaction } from '../db';
import { deliverPending, flushMail, listOutbox, outboxForAdmin, queueMail } from './mail';

const resetLink = /https?:\/\/\S+\/wachtwoord-vergeten\/([a-z0-9]{20,})/;

let sink: SmtpSink;

beforeAll(async () => {
	sink = await startSmtpSink();
});

afterAll(() => sink.close());

beforeEach(async () => {
	await freshDatabase();
	sink.clear();
});

afterEach(() => {
	delete process.env.SMTP_URL;
});

describe('mail', () => {
	it('keeps mail in the outbox when no SMTP server is configured', async () => {
		delete process.env.SMTP_URL;
		await queueMail({ kind: 'test', to: 'a@school.be', subject: 'Hallo', body: 'Tekst' });
		await flushMail();
		expect((await listOutbox()).map((m) => [m.recipient, m.status])).toEqual([
			['a@school.be', 'kept']
		]);
		expect(sink.received).toHaveLength(0);
	});

	it('delivers through a real SMTP exchange and marks the row sent', async () => {
		process.env.SMTP_URL = sink.url;
		await queueMail({
			kind: 'test',
			to: 'b@school.be',
			subject: 'Één link',
			body: 'Klik op https://x.be/één'
		});
		await flushMail();
		expect(sink.received).toHaveLength(1);
		expect(sink.received[0].to).toEqual(['b@school.be']);
		expect(sink.received[0].raw).toContain('Subject: =?UTF-8?');
		expect((await listOutbox())[0].status).toBe('sent');
	});

	it('delivers mail queued while an earlier delivery is still sending', async () => {
		process.env.SMTP_URL = sink.url;
		let queuedDuring = false;
		sink.beforeAccept = async () => {
			if (queuedDuring) return;
			queuedDuring = true;
			// The running delivery has already read the outbox: this row arrives after that.
			await queueMail({ kind: 'test', to: 'later@school.be', subject: 'Tweede', body: 'Tekst' });
		};
		await queueMail({ kind: 'test', to: 'first@school.be', subject: 'Eerste', body: 'Tekst' });
		await flushMail();
		expect(sink.received.map((m) => m.to[0]).sort()).toEqual([
			'first@school.be',
			'later@school.be'
		]);
		expect((await listOutbox()).map((m) => m.status)).toEqual(['sent', 'sent']);
	});

	it('delivers mail queued in a transaction once it commits, and none when it rolls back', async () => {
		process.env.SMTP_URL = sink.url;
		await transaction(async () => {
			await queueMail({ kind: 'test', to: 'c@school.be', subject: 'Bewaard', body: 'Tekst' });
		});
		await flushMail();
		await expect(
			transaction(async () => {
				await queueMail({ kind: 'test', to: 'd@school.be', subject: 'Weg', body: 'Tekst' });
				// More work after queueing: a delivery started now would send a mail that never was.
				await new Promise((resolve) => setTimeout(resolve, 50));
				throw new Error('rolled back');
			})
		).rejects.toThrow('rolled back');
		await flushMail();
		expect(sink.received.map((m) => m.to)).toEqual([['c@school.be']]);
		expect((await listOutbox()).map((m) => [m.recipient, m.status])).toEqual([
			['c@school.be', 'sent']
		]);
	});

	it('refuses a recipient with a smuggled header and strips line breaks from the subject', async () => {
		process.env.SMTP_URL = sink.url;
		await expect(
			queueMail({
				kind: 'test',
				to: 'c@school.be\r\nBcc: all@x.be',
				subject: 'x',
				body: 'x'
			})
		).rejects.toThrow(/one address/);
		await expect(
			queueMail({ kind: 'test', to: 'c@school.be, all@x.be', subject: 'x', body: 'x' })
		).rejects.toThrow();
		await queueMail({
			kind: 'test',
			to: 'c@school.be',
			subject: 'Hoi\r\nBcc: all@x.be',
			body: 'x'
		});
		await flushMail();
		expect(sink.received.flatMap((r) => r.to)).toEqual(['c@school.be']);
		expect(sink.received[0].raw).not.toMatch(/^Bcc:/m);
	});

	it('sends each message once, even when two deliverers run at the same time', async () => {
		process.env.SMTP_URL = sink.url;
		delete process.env.SMTP_URL;
		for (let i = 0; i < 5; i++)
			await queueMail({ kind: 'test', to: `d${i}@school.be`, subject: 'x', body: 'y' });
		process.env.SMTP_URL = sink.url;
		const { db } = await import('../db');
		const { mailOutbox } = await import('../db/schema');
		await db.update(mailOutbox).set({ status: 'pending' });
		const counts = await Promise.all([deliverPending(), deliverPending()]);
		expect(counts[0] + counts[1]).toBe(5);
		expect(sink.received).toHaveLength(5);
	});

	it('sends a reset link, then keeps no usable link in the outbox or the admin view', async () => {
		process.env.SMTP_URL = sink.url;
		const person = await makeUser({ email: 'reset@school.be' });
		expect((await requestPasswordReset({ email: person.email, address: '10.1.1.1' })).ok).toBe(
			true
		);
		await flushMail();
		// The mail arrives with the link (quoted-printable may wrap it: unwrap soft line breaks).
		const raw = sink.received[0].raw.replace(/=\r?\n/g, '');
		const token = raw.match(resetLink)?.[1];
		expect(token).toBeTruthy();
		const [row] = await listOutbox();
		expect(row.status).toBe('sent');
		expect(row.body).not.toContain(token);
		expect(row.body).not.toMatch(resetLink);
		expect(row.body).toContain('[link met code verwijderd]');
		expect(JSON.stringify(await outboxForAdmin())).not.toContain(token);
	});

	it('shows a kept (unsent) mail to the admin without its token link', async () => {
		delete process.env.SMTP_URL;
		const person = await makeUser({ email: 'kept@school.be' });
		await requestPasswordReset({ email: person.email, address: '10.1.1.2' });
		const token = (await listOutbox())[0].body.match(resetLink)?.[1];
		expect(token).toBeTruthy();
		const [shown] = await outboxForAdmin();
		expect(shown.body).not.toContain(token);
		expect(shown.body).toContain('[link met code verwijderd]');
		// Ordinary links stay readable.
		await queueMail({
			kind: 'test',
			to: 'a@school.be',
			subject: 'x',
			body: 'Zie https://x.be/leren'
		});
		expect((await outboxForAdmin())[0].body).toBe('Zie https://x.be/leren');
	});
});
