import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../testing/smtp';
import { freshDatabase } from '../testing/testing';
import { deliverPending, flushMail, listOutbox, queueMail } from './mail';

let sink: SmtpSink;

beforeAll(async () => {
	sink = await startSmtpSink();
});

afterAll(() => sink.close());

beforeEach(() => {
	freshDatabase();
	sink.clear();
});

afterEach(() => {
	delete process.env.SMTP_URL;
});

describe('mail', () => {
	it('keeps mail in the outbox when no SMTP server is configured', async () => {
		delete process.env.SMTP_URL;
		queueMail({ kind: 'test', to: 'a@school.be', subject: 'Hallo', body: 'Tekst' });
		await flushMail();
		expect(listOutbox().map((m) => [m.recipient, m.status])).toEqual([['a@school.be', 'kept']]);
		expect(sink.received).toHaveLength(0);
	});

	it('delivers through a real SMTP exchange and marks the row sent', async () => {
		process.env.SMTP_URL = sink.url;
		queueMail({
			kind: 'test',
			to: 'b@school.be',
			subject: 'Één link',
			body: 'Klik op https://x.be/één'
		});
		await flushMail();
		expect(sink.received).toHaveLength(1);
		expect(sink.received[0].to).toEqual(['b@school.be']);
		expect(sink.received[0].raw).toContain('Subject: =?UTF-8?');
		expect(listOutbox()[0].status).toBe('sent');
	});

	it('refuses a recipient with a smuggled header and strips line breaks from the subject', async () => {
		process.env.SMTP_URL = sink.url;
		expect(() =>
			queueMail({ kind: 'test', to: 'c@school.be\r\nBcc: all@x.be', subject: 'x', body: 'x' })
		).toThrow(/one address/);
		expect(() =>
			queueMail({ kind: 'test', to: 'c@school.be, all@x.be', subject: 'x', body: 'x' })
		).toThrow();
		queueMail({ kind: 'test', to: 'c@school.be', subject: 'Hoi\r\nBcc: all@x.be', body: 'x' });
		await flushMail();
		expect(sink.received.flatMap((r) => r.to)).toEqual(['c@school.be']);
		expect(sink.received[0].raw).not.toMatch(/^Bcc:/m);
	});

	it('sends each message once, even when two deliverers run at the same time', async () => {
		process.env.SMTP_URL = sink.url;
		delete process.env.SMTP_URL;
		for (let i = 0; i < 5; i++)
			queueMail({ kind: 'test', to: `d${i}@school.be`, subject: 'x', body: 'y' });
		process.env.SMTP_URL = sink.url;
		const { db } = await import('../db');
		const { mailOutbox } = await import('../db/schema');
		db.update(mailOutbox).set({ status: 'pending' }).run();
		const counts = await Promise.all([deliverPending(), deliverPending()]);
		expect(counts[0] + counts[1]).toBe(5);
		expect(sink.received).toHaveLength(5);
	});
});
