// Expiry reminders by e-mail: 30 days, 7 days and the day of expiry, each sent once.
import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { messages } from '$lib/i18n';
import { formatDate } from '$lib/format';
import { affected, db, transaction } from '../db';
import { certificate, certificateReminder, user } from '../db/schema';
import { queueMail } from '../platform/mail';
import { config } from '../platform/config';
import { log } from '../platform/log';
import { dueReminder, refresherWindow } from './rules';
import { moduleFacts } from './records';

/**
 * Queues the expiry reminders due at `now` (30 days, 7 days, day of expiry) and returns how many.
 * Each (certificate, kind) row is inserted before its mail is queued, in one transaction: a second
 * run, or a second process running at the same moment, finds the row and sends nothing. Run by
 * `npm run jobs` (cron); delivery then goes through the mail module.
 */
export async function sendDueReminders(now: Date = new Date()): Promise<number> {
	const from = new Date(now.getTime() - 8 * 24 * 60 * 60 * 1000);
	const until = new Date(now.getTime() + 31 * 24 * 60 * 60 * 1000);
	const candidates = await db
		.select({
			cert: certificate,
			email: user.email,
			name: user.name
		})
		.from(certificate)
		.innerJoin(user, eq(user.id, certificate.userId))
		.where(
			and(
				isNull(certificate.revokedAt),
				isNull(user.disabledAt),
				gte(certificate.expiresAt, from),
				lt(certificate.expiresAt, until),
				// Not replaced by a newer certificate, and no newer valid one for the same module.
				sql`not exists (select 1 from ${certificate} as newer where newer.renewed_from_id = ${certificate.id})`,
				sql`not exists (select 1 from ${certificate} as newer where newer.user_id = ${certificate.userId} and newer.module_slug = ${certificate.moduleSlug} and newer.revoked_at is null and newer.expires_at > ${certificate.expiresAt})`
			)
		);

	let queued = 0;
	const m = messages.certificates;
	for (const { cert, email, name } of candidates) {
		const kind = dueReminder(cert.expiresAt, now);
		if (!kind) continue;
		const facts = await moduleFacts(cert.moduleVersionId);
		const sent = await transaction(async () => {
			const inserted = await db
				.insert(certificateReminder)
				.values({ certificateId: cert.id, kind, sentAt: now })
				.onConflictDoNothing();
			if (affected(inserted) !== 1) return false;
			const deadline = facts.refresher
				? formatDate(refresherWindow(cert.expiresAt, facts.refresher).closesAt)
				: null;
			await queueMail({
				kind: `certificate_reminder_${kind}`,
				to: email,
				subject: m.reminderSubject(kind, facts.title, formatDate(cert.expiresAt)),
				body: [
					messages.mail.greeting(name),
					m.reminderBody(
						kind,
						facts.title,
						formatDate(cert.expiresAt),
						deadline,
						`${config.origin}/leren`
					),
					messages.mail.signature
				].join('\n\n')
			});
			return true;
		});
		if (sent) queued += 1;
	}
	if (queued > 0) log.info('certificates.reminders_queued', { count: queued });
	return queued;
}
