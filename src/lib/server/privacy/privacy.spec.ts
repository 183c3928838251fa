import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase, makeMember, makeOrganisation, makeUser } from '../testing/testing';
import * as exporting from './export';
import * as erasure from './erasure';
import * as retention from './retention';

const privacy = { ...exporting, ...erasure, ...retention };
import { db, first } from '../db';
import {
	auditErasure,
	auditEvent,
	certificate,
	enrolment,
	mailOutbox,
	moduleVersion,
	response,
	session as sessionTable,
	signalMastery,
	user
} from '../db/schema';
import { createSession, validateSessionToken } from '../accounts/auth/session';
import { reauthenticate } from '../accounts/auth/sudo';
import { queueMail } from '../platform/mail';
import { recordAudit } from '../platform/audit';

beforeEach(async () => {
	await freshDatabase();
});

afterEach(() => {
	vi.useRealTimers();
});

/**
 * The database's refusal of a statement: the trigger's words, whether the driver's error comes
 * bare (SQLite) or as the cause of Drizzle's query error (PostgreSQL). Empty when it went through.
 */
async function refusal(statement: PromiseLike<unknown>): Promise<string> {
	try {
		await statement;
		return '';
	} catch (error) {
		const words: string[] = [];
		for (let e: unknown = error; e instanceof Error; e = e.cause) words.push(e.message);
		return words.join('\n');
	}
}

async function makeModuleVersion(): Promise<number> {
	return Number(
		(
			await db
				.insert(moduleVersion)
				.values({
					moduleSlug: 'signalen',
					version: 1,
					source: 'shipped',
					contentHash: 'x',
					title: 'Signalen',
					content: {}
				})
				.returning({ id: moduleVersion.id })
		)[0]?.id
	);
}

/** A learner with an enrolment, two answers, mastery and a certificate. */
async function giveLearningHistory(userId: number, versionId: number, code: string) {
	const now = new Date();
	const enrolmentId = Number(
		(
			await db
				.insert(enrolment)
				.values({
					userId,
					moduleVersionId: versionId,
					moduleSlug: 'signalen',
					stepsTotal: 3,
					startedAt: now,
					updatedAt: now
				})
				.returning({ id: enrolment.id })
		)[0]?.id
	);
	for (const itemId of ['q1', 'q2']) {
		await db.insert(response).values({
			userId,
			enrolmentId,
			moduleVersionId: versionId,
			stepSlug: 'quiz',
			itemId,
			kind: 'item',
			answer: { choice: `${itemId}-${userId}` },
			score: 1,
			maxScore: 1,
			signalsHit: ['geschenken'],
			signalsMissed: [],
			isFirst: true,
			createdAt: now
		});
	}
	await db
		.insert(signalMastery)
		.values({ userId, signalId: 'geschenken', seen: 2, correct: 2, updatedAt: now });
	await db.insert(certificate).values({
		code,
		userId,
		moduleSlug: 'signalen',
		moduleVersionId: versionId,
		issuedAt: now,
		expiresAt: new Date(now.getTime() + 1e10)
	});
}

describe('data export', () => {
	it("holds the person's own data and nothing of anyone else", async () => {
		const org = await makeOrganisation('School A');
		const a = await makeMember({ organisation: org });
		const b = await makeMember({ organisation: org });
		const version = await makeModuleVersion();
		await giveLearningHistory(a.id, version, 'CODE-A');
		await giveLearningHistory(b.id, version, 'CODE-B');
		await createSession(a.id, 'learner', 'Mozilla/5.0 Firefox/140.0');

		const data = (await privacy.exportUserData(a.id))!;
		expect(data.profile.email).toBe(a.email);
		expect(data.memberships).toEqual([
			expect.objectContaining({ organisation: 'School A', role: 'learner' })
		]);
		expect(data.enrolments).toHaveLength(1);
		expect(data.responses.map((r) => r.answer)).toEqual([
			{ choice: `q1-${a.id}` },
			{ choice: `q2-${a.id}` }
		]);
		expect(data.signalMastery).toEqual([expect.objectContaining({ signal: 'geschenken' })]);
		expect(data.certificates.map((c) => c.code)).toEqual(['CODE-A']);
		expect(data.sessions).toEqual([
			expect.objectContaining({ browser: 'Mozilla/5.0 Firefox/140.0' })
		]);
		const text = JSON.stringify(data);
		expect(text).not.toContain(b.email);
		expect(text).not.toContain('CODE-B');
		expect(text).not.toContain(`-${b.id}"`);
		expect(text).not.toMatch(/argon2|secretHash|passwordHash/);
		const audited = await db
			.select()
			.from(auditEvent)
			.where(eq(auditEvent.action, 'privacy.export'));
		expect(audited).toHaveLength(1);
	});
});

describe('deleting an account', () => {
	it('holds the audit events and addresses about the person, and no one else’s', async () => {
		const a = await makeUser();
		const b = await makeUser();
		const admin = await makeUser();
		await recordAudit({
			action: 'auth.sign_in_failed',
			actorUserId: a.id,
			details: { address: '203.0.113.7' }
		});
		await recordAudit({
			action: 'auth.sign_in_failed',
			actorUserId: b.id,
			details: { address: '198.51.100.9' }
		});
		await recordAudit({
			action: 'admin.user_disabled',
			actorUserId: admin.id,
			targetType: 'user',
			targetId: a.id
		});
		const data = (await privacy.exportUserData(a.id))!;
		expect(data.auditEvents.map((e) => e.action)).toEqual(
			expect.arrayContaining(['auth.sign_in_failed', 'admin.user_disabled'])
		);
		expect(data.addresses).toEqual(['203.0.113.7']);
		const json = JSON.stringify(data);
		expect(json).not.toContain('198.51.100.9');
		expect(data.auditEvents.some((e) => JSON.stringify(e).includes(`"${admin.id}"`))).toBe(false);
	});

	it('needs sudo mode, then removes the person and keeps answers without a name', async () => {
		const org = await makeOrganisation();
		const a = await makeMember({ organisation: org });
		const version = await makeModuleVersion();
		await giveLearningHistory(a.id, version, 'CODE-A');
		const { token, session } = await createSession(a.id, 'learner');
		await queueMail({ kind: 'test', to: a.email, subject: 'x', body: 'y' });

		// A session that never typed the password, or typed it 11 minutes ago (a stolen cookie),
		// is not enough; someone else's session is not either.
		expect(await privacy.deleteOwnAccount({ userId: a.id, sessionId: session.id })).toEqual({
			ok: false,
			reason: 'sudo'
		});
		await db
			.update(sessionTable)
			.set({ reauthenticatedAt: new Date(Date.now() - 11 * 60 * 1000) })
			.where(eq(sessionTable.id, session.id));
		expect(await privacy.deleteOwnAccount({ userId: a.id, sessionId: session.id })).toEqual({
			ok: false,
			reason: 'sudo'
		});
		const b = await makeUser();
		const other = await createSession(b.id, 'learner', null, { reauthenticatedAt: new Date() });
		expect(await privacy.deleteOwnAccount({ userId: a.id, sessionId: other.session.id })).toEqual({
			ok: false,
			reason: 'sudo'
		});
		const again = await reauthenticate({
			userId: a.id,
			sessionId: session.id,
			password: a.password
		});
		expect(again.ok).toBe(true);
		expect(await privacy.deleteOwnAccount({ userId: a.id, sessionId: session.id })).toEqual({
			ok: true
		});
		expect(await first(db.select().from(user).where(eq(user.id, a.id)))).toBeUndefined();
		expect(await validateSessionToken(token)).toBeNull();
		expect(await db.select().from(certificate)).toEqual([]);
		expect(await db.select().from(mailOutbox).where(eq(mailOutbox.recipient, a.email))).toEqual([]);
		const answers = await db.select().from(response);
		expect(answers).toHaveLength(2);
		expect(answers.every((r) => r.userId === null && r.enrolmentId === null)).toBe(true);
	});

	it('refuses to delete the last platform admin', async () => {
		const admin = await makeUser({ isAdmin: true });
		const { session } = await createSession(admin.id, 'staff', null, {
			reauthenticatedAt: new Date()
		});
		expect(await privacy.deleteOwnAccount({ userId: admin.id, sessionId: session.id })).toEqual({
			ok: false,
			reason: 'last_admin'
		});
	});
});

describe('erasure and the audit trail', () => {
	it("pseudonymises the person's audit rows: no id, address or e-mail; others keep theirs", async () => {
		const a = await makeUser();
		const b = await makeUser();
		const admin = await makeUser();
		await recordAudit({
			action: 'auth.sign_in',
			actorUserId: a.id,
			details: { address: '203.0.113.7' }
		});
		await recordAudit({
			action: 'admin.user_disabled',
			actorUserId: admin.id,
			targetType: 'user',
			targetId: a.id,
			details: { email: a.email, reason: 'test' }
		});
		await recordAudit({
			action: 'invitation.sent',
			actorUserId: admin.id,
			targetType: 'invitation',
			targetId: 7,
			details: { to: a.email }
		});
		await recordAudit({
			action: 'auth.sign_in',
			actorUserId: b.id,
			details: { address: '198.51.100.9' }
		});

		// Before erasure the export holds the person's audit events and addresses.
		const data = (await privacy.exportUserData(a.id))!;
		expect(data.auditEvents.map((e) => e.action)).toEqual(
			expect.arrayContaining(['auth.sign_in', 'admin.user_disabled'])
		);
		expect(data.addresses).toEqual(['203.0.113.7']);

		const before = (await db.select().from(auditEvent)).length;
		expect(await privacy.eraseUser(a.id)).toBe(true);
		const rows = await db.select().from(auditEvent);
		// Nothing was removed: what happened and when stays.
		expect(rows).toHaveLength(before);
		const text = JSON.stringify(rows);
		expect(text).not.toContain('203.0.113.7');
		expect(text.toLowerCase()).not.toContain(a.email.toLowerCase());
		expect(rows.some((r) => r.actorUserId === a.id)).toBe(false);
		expect(rows.some((r) => r.targetType === 'user' && r.targetId === String(a.id))).toBe(false);
		const disabled = rows.find((r) => r.action === 'admin.user_disabled')!;
		expect(disabled).toMatchObject({ actorUserId: admin.id, targetId: null });
		expect(disabled.details).toEqual({ reason: 'test' });
		// Someone else's row is untouched.
		const other = rows.find((r) => r.actorUserId === b.id)!;
		expect(other.details).toEqual({ address: '198.51.100.9' });
	});

	it('still refuses every other UPDATE of an audit row, during and after an erasure', async () => {
		const a = await makeUser();
		const b = await makeUser();
		await recordAudit({
			action: 'auth.sign_in',
			actorUserId: a.id,
			details: { address: '203.0.113.7' }
		});
		await recordAudit({
			action: 'auth.sign_in',
			actorUserId: b.id,
			details: { address: '198.51.100.9' }
		});
		const rowOf = async (id: number) =>
			(await first(db.select().from(auditEvent).where(eq(auditEvent.actorUserId, id))))!;
		const aRow = await rowOf(a.id);
		// Without an erasure running: even the pseudonymising change is refused.
		expect(
			await refusal(
				db.update(auditEvent).set({ actorUserId: null }).where(eq(auditEvent.id, aRow.id))
			)
		).toMatch(/append-only/);
		// With the marker naming a: other rows, other columns and new values are still refused.
		await db
			.update(auditErasure)
			.set({ userId: a.id, email: a.email })
			.where(eq(auditErasure.id, 1));
		try {
			const bRow = await rowOf(b.id);
			expect(
				await refusal(
					db.update(auditEvent).set({ actorUserId: null }).where(eq(auditEvent.id, bRow.id))
				)
			).toMatch(/append-only/);
			expect(
				await refusal(db.update(auditEvent).set({ action: 'x' }).where(eq(auditEvent.id, aRow.id)))
			).toMatch(/append-only/);
			expect(
				await refusal(
					db.update(auditEvent).set({ actorUserId: b.id }).where(eq(auditEvent.id, aRow.id))
				)
			).toMatch(/append-only/);
			expect(
				await refusal(
					db
						.update(auditEvent)
						.set({ details: { address: '10.0.0.1' } })
						.where(eq(auditEvent.id, aRow.id))
				)
			).toMatch(/append-only/);
			expect(await refusal(db.delete(auditEvent).where(eq(auditEvent.id, aRow.id)))).toMatch(
				/append-only/
			);
		} finally {
			await db
				.update(auditErasure)
				.set({ userId: null, email: null })
				.where(eq(auditErasure.id, 1));
		}
		await privacy.eraseUser(a.id);
		// After the erasure the marker is cleared: a plain UPDATE is refused again.
		expect(await first(db.select().from(auditErasure))).toMatchObject({
			userId: null,
			email: null
		});
		expect(await refusal(db.update(auditEvent).set({ actorUserId: null }))).toMatch(/append-only/);
	});
});

describe('retention', () => {
	const day = 24 * 3600 * 1000;

	async function audit(at: Date, action = 'test.event') {
		await db.insert(auditEvent).values({ at, action });
	}

	it('removes inactive accounts, old audit events and old mail; keeps the rest', async () => {
		vi.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z'), toFake: ['Date'] });
		const start = Date.now();
		const stale = await makeUser();
		const active = await makeUser();
		const admin = await makeUser({ isAdmin: true });
		await db.update(user).set({ lastLoginAt: new Date(start) });
		await audit(new Date(start - 800 * day), 'old.event');
		await db.insert(mailOutbox).values([
			{
				kind: 't',
				recipient: 'a@x.be',
				subject: 's',
				body: 'b',
				createdAt: new Date(start - 100 * day)
			},
			{
				kind: 't',
				recipient: 'b@x.be',
				subject: 's',
				body: 'b',
				createdAt: new Date(start - 5 * day)
			}
		]);

		// Three years and a bit later; only `active` signed in meanwhile.
		vi.setSystemTime(new Date(start + 1100 * day));
		await db.update(user).set({ lastLoginAt: new Date() }).where(eq(user.id, active.id));
		await audit(new Date(Date.now() - 10 * day), 'recent.event');
		// Explicit dates: SQLite's own clock (column defaults) does not follow the fake clock.
		await db
			.insert(mailOutbox)
			.values({ kind: 't', recipient: 'c@x.be', subject: 's', body: 'b', createdAt: new Date() });
		const report = await privacy.runRetention({ inactiveDays: 1095, auditDays: 730, mailDays: 90 });

		expect(report.accounts).toBe(1);
		const left = (await db.select({ id: user.id }).from(user)).map((r) => r.id);
		expect(left).not.toContain(stale.id);
		expect(left).toEqual(expect.arrayContaining([active.id, admin.id]));
		const actions = (await db.select({ action: auditEvent.action }).from(auditEvent)).map(
			(r) => r.action
		);
		expect(actions).not.toContain('old.event');
		expect(actions).toContain('recent.event');
		expect((await db.select().from(mailOutbox)).map((m) => m.recipient)).toEqual(['c@x.be']);
	});

	it('keeps the audit trail append-only outside the retention job', async () => {
		await audit(new Date(Date.now() - 1000 * day), 'ancient.event');
		expect(await refusal(db.delete(auditEvent))).toMatch(/append-only/);
		expect(await refusal(db.update(auditEvent).set({ action: 'changed' }))).toMatch(/append-only/);
		await privacy.runRetention({ inactiveDays: 1095, auditDays: 30, mailDays: 90 });
		expect((await db.select().from(auditEvent)).map((e) => e.action)).not.toContain(
			'ancient.event'
		);
		// After the job the cut-off is back at 0: a later delete is refused again.
		await audit(new Date(Date.now() - 1000 * day), 'another.event');
		expect(await refusal(db.delete(auditEvent))).toMatch(/append-only/);
		expect(await refusal(db.update(auditEvent).set({ action: 'x' }))).toMatch(/append-only/);
	});
});
