// All outgoing mail: written to mail_outbox first (the durable record), then delivered over SMTP
// when SMTP_URL is set. Without SMTP the row stays in the outbox as `kept`, visible to admins.
// A link that carries a token (password reset, invitation, admin set-up, sign-up) is stored only
// until the mail is sent (or given up on), and never shown to an admin: see `redactTokenLinks`.
import nodemailer, { type Transporter } from 'nodemailer';
import { and, asc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { config } from './config';
import { affected, db } from '../db';
import { afterCommit } from '../db/transaction';
import { mailOutbox, type MailOutbox } from '../db/schema';
import { log } from './log';
import { messages } from '$lib/i18n';

export interface MailMessage {
	kind: string;
	to: string;
	subject: string;
	body: string;
}

let transport: Transporter | undefined;
let transportUrl: string | undefined;

function getTransport(): Transporter | undefined {
	const url = config.smtpUrl;
	if (!url) return undefined;
	if (!transport || transportUrl !== url) {
		transport = nodemailer.createTransport(url);
		transportUrl = url;
	}
	return transport;
}

/** Header injection guard: mail headers never carry line breaks. */
function headerSafe(value: string): string {
	return value.replace(/[\r\n]+/g, ' ').trim();
}

const singleAddress = /^[^\s@,;:<>"()[\]]+@[^\s@,;:<>"()[\]]+$/;

/** Stores a message in the outbox and starts delivery in the background. Returns its id. */
export async function queueMail(message: MailMessage): Promise<number> {
	// One plain address per message: a list or a smuggled header never reaches the SMTP server.
	if (!singleAddress.test(message.to)) throw new Error('queueMail: recipient is not one address');
	const result = await db
		.insert(mailOutbox)
		.values({
			kind: message.kind,
			recipient: message.to,
			subject: headerSafe(message.subject),
			body: message.body,
			status: config.smtpUrl ? 'pending' : 'kept'
		})
		.returning({ id: mailOutbox.id });
	// After the caller's transaction commits: delivery reads the outbox on its own, and on
	// PostgreSQL another connection sees the row only once it is committed.
	if (config.smtpUrl) afterCommit(scheduleDelivery);
	return Number(result[0]?.id);
}

// A path segment of 20 or more token characters: the random tokens (26+ characters) of reset,
// invitation, set-up and sign-up links. Ordinary paths (`/wachtwoord-vergeten`) stay readable.
const tokenSegment = /\/[A-Za-z0-9_-]{20,}(?=[/?#]|$)/;
const link = /\bhttps?:\/\/\S+/g;

/** The body with every link that carries a token replaced by a marker. */
export function redactTokenLinks(body: string): string {
	return body.replace(link, (url) => (tokenSegment.test(url) ? messages.mail.redactedLink : url));
}

/** The outbox as an admin sees it: bodies without any usable token link, sent or not. */
export async function outboxForAdmin(limit = 100) {
	return (await listOutbox(limit)).map((mail) => ({
		id: mail.id,
		recipient: mail.recipient,
		subject: mail.subject,
		status: mail.status,
		createdAt: mail.createdAt,
		body: redactTokenLinks(mail.body)
	}));
}

let scheduled: Promise<void> | undefined;
// Set when mail is queued while a delivery is under way: that delivery may already have read the
// outbox, so one more round follows it instead of leaving the new row pending.
let again = false;

function scheduleDelivery(): void {
	if (scheduled) {
		again = true;
		return;
	}
	scheduled = new Promise<void>((resolve) => setImmediate(resolve))
		.then(async () => {
			do {
				again = false;
				await deliverPending();
			} while (again);
		})
		.then(
			() => undefined,
			(error: unknown) => log.error('mail.delivery_failed', { error: String(error) })
		)
		.finally(() => {
			scheduled = undefined;
			again = false;
		});
}

/** Resolves when the background delivery that is under way (if any) has finished. */
export async function flushMail(): Promise<void> {
	while (scheduled) await scheduled;
}

const maxAttempts = 5;

/**
 * Sends pending mail. Each row is claimed with a conditional update first, so two server
 * processes never send the same message twice.
 */
export async function deliverPending(limit = 50): Promise<number> {
	const smtp = getTransport();
	if (!smtp) return 0;
	const staleClaim = Date.now() - 10 * 60_000;
	const rows = await db
		.select()
		.from(mailOutbox)
		.where(
			or(
				eq(mailOutbox.status, 'pending'),
				and(eq(mailOutbox.status, 'failed'), lt(mailOutbox.attempts, maxAttempts)),
				and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.createdAt, new Date(staleClaim)))
			)
		)
		.orderBy(asc(mailOutbox.id))
		.limit(limit);
	let sent = 0;
	for (const row of rows) {
		const claimed = await db
			.update(mailOutbox)
			.set({ status: 'sending', attempts: sql`${mailOutbox.attempts} + 1` })
			.where(
				and(
					eq(mailOutbox.id, row.id),
					inArray(mailOutbox.status, ['pending', 'failed', 'sending']),
					eq(mailOutbox.attempts, row.attempts)
				)
			);
		if (affected(claimed) !== 1) continue;
		try {
			await smtp.sendMail({
				from: config.mailFrom,
				to: row.recipient,
				subject: row.subject,
				text: row.body
			});
			// Sent: the token link has done its job and is not kept at rest.
			await db
				.update(mailOutbox)
				.set({
					status: 'sent',
					sentAt: new Date(),
					lastError: null,
					body: redactTokenLinks(row.body)
				})
				.where(eq(mailOutbox.id, row.id));
			sent += 1;
		} catch (error) {
			// The last attempt failed: the mail is given up on, so its token link goes too.
			const givenUp = row.attempts + 1 >= maxAttempts;
			await db
				.update(mailOutbox)
				.set({
					status: 'failed',
					lastError: String(error).slice(0, 500),
					...(givenUp ? { body: redactTokenLinks(row.body) } : {})
				})
				.where(eq(mailOutbox.id, row.id));
			log.warn('mail.send_failed', { mailId: row.id, kind: row.kind });
		}
	}
	return sent;
}

export async function listOutbox(limit = 100): Promise<MailOutbox[]> {
	return await db
		.select()
		.from(mailOutbox)
		.orderBy(sql`${mailOutbox.id} desc`)
		.limit(limit);
}
