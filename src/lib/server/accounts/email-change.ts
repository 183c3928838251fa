// Changing the e-mail address (sudo mode, checked by the caller): a link to the new address
// proves its mailbox before anything changes, and the old address hears about it. Nobody can
// move an account onto an address they cannot read (the reason sign-up is verified too).
import { and, eq, gt, lt } from 'drizzle-orm';
import { config } from '../platform/config';
import { affected, db, transaction, first } from '../db';
import { emailChange, passwordReset, user } from '../db/schema';
import { messages } from '$lib/i18n';
import { queueMail } from '../platform/mail';
import { recordAudit } from '../platform/audit';
import { mailRequestThrottle } from './auth/throttle';
import { digest, isTokenShaped, randomToken } from './auth/tokens';
import { findUserByEmail, getUser } from './access';

/** How long the link to the new address works. */
export const emailChangeLinkHours = 24;
const hourMs = 3600 * 1000;

export type EmailChangeRequest =
	| { ok: true }
	| { ok: false; reason: 'same' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Mails a confirmation link to `newEmail` (a new request replaces an older one) and a notice to
 * the current address. An address that already has an account gets no link; the answer is the
 * same, so this page never tells who has an account.
 */
export async function requestEmailChange(input: {
	userId: number;
	newEmail: string;
	requestId?: string;
}): Promise<EmailChangeRequest> {
	const found = await getUser(input.userId);
	const newEmail = input.newEmail.trim().toLowerCase();
	if (!found || newEmail === found.email) return { ok: false, reason: 'same' };
	const wait = await mailRequestThrottle.reserve(`email-change:${found.id}`);
	if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };
	const now = Date.now();
	const token = randomToken(32);
	await transaction(async (tx) => {
		await tx.delete(emailChange).where(eq(emailChange.userId, found.id));
		await tx.delete(emailChange).where(lt(emailChange.expiresAt, new Date(now)));
		if (await findUserByEmail(newEmail)) return;
		await tx.insert(emailChange).values({
			userId: found.id,
			newEmail,
			tokenHash: digest(token),
			createdAt: new Date(now),
			expiresAt: new Date(now + emailChangeLinkHours * hourMs)
		});
		await queueMail({
			kind: 'email-change-confirm',
			to: newEmail,
			subject: messages.mail.emailChangeSubject,
			body: `${messages.mail.greeting(found.name)}\n\n${messages.mail.emailChangeBody(`${config.origin}/profiel/e-mailadres/${token}`, emailChangeLinkHours)}\n\n${messages.mail.signature}`
		});
	});
	await queueMail({
		kind: 'email-change-notice',
		to: found.email,
		subject: messages.mail.emailChangeNoticeSubject,
		body: `${messages.mail.greeting(found.name)}\n\n${messages.mail.emailChangeNoticeBody(newEmail, `${config.origin}/wachtwoord-vergeten`)}\n\n${messages.mail.signature}`
	});
	await recordAudit({
		action: 'account.email_change_requested',
		actorUserId: found.id,
		targetType: 'user',
		targetId: found.id,
		requestId: input.requestId
	});
	return { ok: true };
}

/** The pending change a link belongs to, if it is the signed-in person's and still valid. */
export async function findEmailChange(token: string, userId: number) {
	if (!isTokenShaped(token, 32)) return undefined;
	return await first(
		db
			.select()
			.from(emailChange)
			.where(
				and(
					eq(emailChange.tokenHash, digest(token)),
					eq(emailChange.userId, userId),
					gt(emailChange.expiresAt, new Date())
				)
			)
	);
}

/**
 * Opens the link: the account takes the new address (when it is still free). Reset links mailed
 * to the old address stop working. Returns the new address, or null for a used, expired or
 * someone else's link.
 */
export async function confirmEmailChange(input: {
	token: string;
	userId: number;
	requestId?: string;
}): Promise<string | null> {
	const pending = await findEmailChange(input.token, input.userId);
	if (!pending) return null;
	const changed = await transaction(async (tx) => {
		if (affected(await tx.delete(emailChange).where(eq(emailChange.id, pending.id))) !== 1) {
			return false;
		}
		if (await findUserByEmail(pending.newEmail)) return false;
		await tx.update(user).set({ email: pending.newEmail }).where(eq(user.id, pending.userId));
		await tx.delete(passwordReset).where(eq(passwordReset.userId, pending.userId));
		return true;
	});
	if (!changed) return null;
	await recordAudit({
		action: 'account.email_changed',
		actorUserId: pending.userId,
		targetType: 'user',
		targetId: pending.userId,
		requestId: input.requestId
	});
	return pending.newEmail;
}
