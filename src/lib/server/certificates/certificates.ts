// Certificates: issued when an assessment is passed, renewed by the refresher, shown to the
// learner, verified by anyone with the code, revoked by an admin, and reminded of before expiry.
//
// After expiry: a certificate stays renewable by the refresher during its module's grace period
// (refresher.graceDays, 90 days for the shipped course). After that the refresher no longer
// renews it; the learner takes the full module again, and that pass issues a new certificate
// that replaces the old one (renewed_from), like any pass of a module already certified.
import { and, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { messages } from '$lib/i18n';
import { formatDate } from '$lib/format';
import { db, transaction } from '../db';
import { prepared } from '../db/prepared';
import {
	certificate,
	certificateReminder,
	membership,
	organisation,
	signalMastery,
	user,
	type Certificate
} from '../db/schema';
import { loadVersion } from '../content/versions';
import { randomToken, isTokenShaped } from '../accounts/auth/tokens';
import { Throttle } from '../accounts/auth/throttle';
import { recordAudit } from '../platform/audit';
import { queueMail } from '../platform/mail';
import { config } from '../platform/config';
import { log } from '../platform/log';
import {
	CODE_LENGTH,
	SOON_DAYS,
	addMonths,
	certificateStatus,
	dueReminder,
	formatCode,
	isRenewable,
	normaliseCode,
	refresherDeadline,
	refresherWindow,
	renewedExpiry,
	type CertificateStatus,
	type RefresherRule
} from './rules';

export type { CertificateStatus } from './rules';

export function generateCode(): string {
	return randomToken(CODE_LENGTH);
}

interface ModuleFacts {
	title: string;
	validityMonths: number;
	refresher: RefresherRule | undefined;
	refreshes: string[];
}

function moduleFacts(moduleVersionId: number): ModuleFacts {
	const version = loadVersion(moduleVersionId);
	if (!version) throw new Error(`certificates: unknown module version ${moduleVersionId}`);
	const meta = version.module.meta;
	return {
		title: version.row.title,
		validityMonths: meta.certificate.validityMonths,
		refresher: meta.refresher,
		refreshes: meta.refreshes ?? []
	};
}

function statusOf(cert: Certificate, renewed: boolean, now: Date): CertificateStatus {
	const rule = moduleFacts(cert.moduleVersionId).refresher;
	return certificateStatus(
		{ expiresAt: cert.expiresAt, revokedAt: cert.revokedAt, renewed },
		now,
		rule?.opensDaysBefore ?? SOON_DAYS
	);
}

const selectUserCertificates = prepared((database) =>
	database
		.select()
		.from(certificate)
		.where(eq(certificate.userId, sql.placeholder('userId')))
		.orderBy(desc(certificate.issuedAt), desc(certificate.id))
		.prepare()
);

/** The learner's certificates, newest first, with the ids that a newer certificate replaced. */
function certificatesOf(userId: number): { rows: Certificate[]; renewed: Set<number> } {
	const rows = selectUserCertificates().all({ userId });
	const renewed = new Set<number>();
	for (const row of rows) if (row.renewedFromId !== null) renewed.add(row.renewedFromId);
	return { rows, renewed };
}

function learnerOrganisation(userId: number): number | null {
	const row = db
		.select({ organisationId: membership.organisationId })
		.from(membership)
		.where(and(eq(membership.userId, userId), eq(membership.role, 'learner')))
		.orderBy(membership.id)
		.limit(1)
		.get();
	return row?.organisationId ?? null;
}

interface NewCertificate {
	userId: number;
	organisationId: number | null;
	moduleSlug: string;
	moduleVersionId: number;
	attemptId: number | null;
	issuedAt: Date;
	expiresAt: Date;
	renewedFromId: number | null;
	showOrganisation?: boolean;
}

function insertCertificate(values: NewCertificate): number {
	const result = db
		.insert(certificate)
		.values({ ...values, code: generateCode(), showOrganisation: values.showOrganisation ?? false })
		.run();
	return Number(result.lastInsertRowid);
}

/**
 * Issues the certificate(s) a passed assessment earns. Synchronous: it runs inside the
 * transaction that records the pass, so the pass and its certificate are written together.
 *
 * - A normal module: one certificate, valid for the module's validityMonths from now. It
 *   replaces (renewed_from) the learner's current certificate for the same module, if any.
 * - The refresher (meta.refreshes non-empty): renews every certificate of the learner for a
 *   module in `refreshes` whose refresher window is open now; the new certificate links to the
 *   old one, which stays in the history as "vernieuwd".
 * - A replayed pass for the same attempt returns the certificates it issued the first time.
 */
export function issueOnPass(input: {
	userId: number;
	moduleVersionId: number;
	attemptId: number | null;
	now?: Date;
}): { certificateIds: number[] } {
	const now = input.now ?? new Date();
	const version = loadVersion(input.moduleVersionId);
	if (!version) throw new Error(`issueOnPass: unknown module version ${input.moduleVersionId}`);
	const meta = version.module.meta;

	return transaction(() => {
		if (input.attemptId !== null) {
			const earlier = db
				.select({ id: certificate.id })
				.from(certificate)
				.where(
					and(eq(certificate.attemptId, input.attemptId), eq(certificate.userId, input.userId))
				)
				.orderBy(certificate.id)
				.all();
			if (earlier.length > 0) return { certificateIds: earlier.map((r) => r.id) };
		}

		const organisationId = learnerOrganisation(input.userId);
		const { rows, renewed } = certificatesOf(input.userId);
		const issued: number[] = [];
		const refreshes = meta.refreshes ?? [];

		if (refreshes.length > 0) {
			// Only the newest certificate per module can be current; older ones are history.
			const seen = new Set<string>();
			for (const old of rows) {
				if (!refreshes.includes(old.moduleSlug) || seen.has(old.moduleSlug)) continue;
				if (old.revokedAt) continue;
				seen.add(old.moduleSlug);
				const facts = moduleFacts(old.moduleVersionId);
				const state = {
					expiresAt: old.expiresAt,
					revokedAt: old.revokedAt,
					renewed: renewed.has(old.id)
				};
				if (!isRenewable(state, facts.refresher, now)) continue;
				const id = insertCertificate({
					userId: input.userId,
					organisationId,
					moduleSlug: old.moduleSlug,
					moduleVersionId: old.moduleVersionId,
					attemptId: input.attemptId,
					issuedAt: now,
					expiresAt: renewedExpiry(old.expiresAt, facts.validityMonths, now),
					renewedFromId: old.id,
					showOrganisation: old.showOrganisation
				});
				issued.push(id);
				recordAudit({
					action: 'certificate.renewed',
					actorUserId: input.userId,
					targetType: 'certificate',
					targetId: id,
					organisationId,
					details: {
						module: old.moduleSlug,
						renewedFrom: old.id,
						refresher: version.row.moduleSlug
					}
				});
			}
			return { certificateIds: issued };
		}

		const previous = rows.find(
			(r) => r.moduleSlug === version.row.moduleSlug && !r.revokedAt && !renewed.has(r.id)
		);
		const id = insertCertificate({
			userId: input.userId,
			organisationId,
			moduleSlug: version.row.moduleSlug,
			moduleVersionId: version.row.id,
			attemptId: input.attemptId,
			issuedAt: now,
			expiresAt: addMonths(now, meta.certificate.validityMonths),
			renewedFromId: previous?.id ?? null,
			showOrganisation: previous?.showOrganisation ?? false
		});
		recordAudit({
			action: 'certificate.issued',
			actorUserId: input.userId,
			targetType: 'certificate',
			targetId: id,
			organisationId,
			details: { module: version.row.moduleSlug, version: version.row.version }
		});
		return { certificateIds: [id] };
	});
}

export interface RefresherModule {
	slug: string;
	title: string;
	expiresAt: Date;
	/** "Opfrissing nodig vóór": the expiry, or the end of the grace period once expired. */
	deadline: Date;
	status: CertificateStatus;
}

export interface RefresherStatus {
	/** The learner may take the refresher now (some certificate is in its refresher window). */
	open: boolean;
	/** The earliest deadline of the modules the refresher would renew now. */
	deadline: Date | null;
	modules: RefresherModule[];
	/** When closed: the moment the refresher opens for the first valid certificate, if any. */
	opensAt: Date | null;
}

/**
 * Whether the refresher is open for this learner, for which modules, and until when. The player
 * refuses the refresher module when `open` is false.
 */
export function refresherStatus(userId: number, now: Date = new Date()): RefresherStatus {
	const { rows, renewed } = certificatesOf(userId);
	const modules: RefresherModule[] = [];
	let opensAt: Date | null = null;
	const seen = new Set<string>();
	for (const cert of rows) {
		if (seen.has(cert.moduleSlug) || cert.revokedAt) continue;
		seen.add(cert.moduleSlug);
		const facts = moduleFacts(cert.moduleVersionId);
		const rule = facts.refresher;
		if (!rule) continue;
		const state = {
			expiresAt: cert.expiresAt,
			revokedAt: cert.revokedAt,
			renewed: renewed.has(cert.id)
		};
		if (isRenewable(state, rule, now)) {
			modules.push({
				slug: cert.moduleSlug,
				title: facts.title,
				expiresAt: cert.expiresAt,
				deadline: refresherDeadline(cert.expiresAt, rule, now),
				status: certificateStatus(state, now, rule.opensDaysBefore)
			});
		} else if (!state.renewed && now < cert.expiresAt) {
			const opens = refresherWindow(cert.expiresAt, rule).opensAt;
			if (opens > now && (!opensAt || opens < opensAt)) opensAt = opens;
		}
	}
	modules.sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
	return {
		open: modules.length > 0,
		deadline: modules[0]?.deadline ?? null,
		modules,
		opensAt: modules.length > 0 ? null : opensAt
	};
}

export interface CertificateView {
	id: number;
	moduleSlug: string;
	moduleVersionId: number;
	moduleTitle: string;
	status: CertificateStatus;
	issuedAt: Date;
	expiresAt: Date;
	/** Grouped for reading aloud, e.g. ABCD-EFGH-... */
	code: string;
	/** The code as it appears in the verify link. */
	rawCode: string;
	showOrganisation: boolean;
	revokedReason: string | null;
	renewedFromId: number | null;
}

function viewOf(cert: Certificate, renewed: Set<number>, now: Date): CertificateView {
	return {
		id: cert.id,
		moduleSlug: cert.moduleSlug,
		moduleVersionId: cert.moduleVersionId,
		moduleTitle: moduleFacts(cert.moduleVersionId).title,
		status: statusOf(cert, renewed.has(cert.id), now),
		issuedAt: cert.issuedAt,
		expiresAt: cert.expiresAt,
		code: formatCode(cert.code),
		rawCode: cert.code,
		showOrganisation: cert.showOrganisation,
		revokedReason: cert.revokedReason,
		renewedFromId: cert.renewedFromId
	};
}

/** Everything /leren and /certificaten show about the learner's certificates, newest first. */
export function dashboardCertificates(userId: number, now: Date = new Date()): CertificateView[] {
	const { rows, renewed } = certificatesOf(userId);
	return rows.map((row) => viewOf(row, renewed, now));
}

export interface CertificateDocument extends CertificateView {
	learnerName: string;
	organisationName: string | null;
}

const selectOwn = prepared((database) =>
	database
		.select()
		.from(certificate)
		.where(
			and(
				eq(certificate.id, sql.placeholder('id')),
				eq(certificate.userId, sql.placeholder('userId'))
			)
		)
		.prepare()
);

/** One certificate of this learner (another user's id gives undefined: the route answers 404). */
export function getOwnCertificate(
	userId: number,
	id: number,
	now: Date = new Date()
): CertificateDocument | undefined {
	const cert = selectOwn().get({ id, userId });
	if (!cert) return undefined;
	return documentOf(cert, now);
}

function documentOf(cert: Certificate, now: Date): CertificateDocument {
	const renewedBy = db
		.select({ id: certificate.id })
		.from(certificate)
		.where(eq(certificate.renewedFromId, cert.id))
		.get();
	const renewed = new Set<number>(renewedBy ? [cert.id] : []);
	const owner = db.select({ name: user.name }).from(user).where(eq(user.id, cert.userId)).get();
	const org = cert.organisationId
		? db
				.select({ name: organisation.name })
				.from(organisation)
				.where(eq(organisation.id, cert.organisationId))
				.get()
		: undefined;
	return {
		...viewOf(cert, renewed, now),
		learnerName: owner?.name ?? '',
		organisationName: org?.name ?? null
	};
}

/** The learner allows (or no longer allows) the public verify page to name their organisation. */
export function setShowOrganisation(
	userId: number,
	id: number,
	show: boolean,
	requestId?: string
): boolean {
	const result = db
		.update(certificate)
		.set({ showOrganisation: show })
		.where(and(eq(certificate.id, id), eq(certificate.userId, userId)))
		.run();
	if (result.changes !== 1) return false;
	recordAudit({
		action: show ? 'certificate.organisation_shown' : 'certificate.organisation_hidden',
		actorUserId: userId,
		targetType: 'certificate',
		targetId: id,
		requestId
	});
	return true;
}

export interface PublicCertificate {
	name: string;
	moduleTitle: string;
	issuedAt: Date;
	expiresAt: Date;
	status: CertificateStatus;
	code: string;
	/** Only when the learner allowed it. */
	organisation: string | null;
}

/** Unknown codes per client address: 20 free, then a growing wait (enumeration gets nowhere). */
export const verifyThrottle = new Throttle({
	freeAttempts: 20,
	baseDelayMs: 2000,
	maxDelayMs: 15 * 60_000,
	forgetAfterMs: 60 * 60_000
});

export type VerifyResult =
	| { kind: 'found'; certificate: PublicCertificate }
	| { kind: 'unknown' }
	| { kind: 'throttled'; retryAfterSeconds: number };

/** The public view of a certificate by its code: name, module, dates, status; never an e-mail. */
export function verifyCertificate(
	input: string,
	clientKey: string,
	now: Date = new Date()
): VerifyResult {
	const wait = verifyThrottle.retryAfter(clientKey, now.getTime());
	if (wait > 0) return { kind: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };
	const code = normaliseCode(input.slice(0, 100));
	const cert = isTokenShaped(code, CODE_LENGTH)
		? db.select().from(certificate).where(eq(certificate.code, code)).get()
		: undefined;
	if (!cert) {
		verifyThrottle.fail(clientKey, now.getTime());
		return { kind: 'unknown' };
	}
	const doc = documentOf(cert, now);
	return {
		kind: 'found',
		certificate: {
			name: doc.learnerName,
			moduleTitle: doc.moduleTitle,
			issuedAt: doc.issuedAt,
			expiresAt: doc.expiresAt,
			status: doc.status,
			code: doc.code,
			organisation: cert.showOrganisation ? doc.organisationName : null
		}
	};
}

/** For the admin's revocation page: a certificate by its code, with its holder's name. */
export function findForAdmin(input: string, now: Date = new Date()) {
	const code = normaliseCode(input.slice(0, 100));
	if (!isTokenShaped(code, CODE_LENGTH)) return undefined;
	const cert = db.select().from(certificate).where(eq(certificate.code, code)).get();
	return cert ? documentOf(cert, now) : undefined;
}

/** Revokes a certificate (an admin, with a reason). Returns false when unknown or already revoked. */
export function revokeCertificate(input: {
	certificateId: number;
	reason: string;
	actorUserId: number;
	requestId?: string;
	now?: Date;
}): boolean {
	const now = input.now ?? new Date();
	return transaction(() => {
		const result = db
			.update(certificate)
			.set({ revokedAt: now, revokedReason: input.reason, revokedBy: input.actorUserId })
			.where(and(eq(certificate.id, input.certificateId), isNull(certificate.revokedAt)))
			.run();
		if (result.changes !== 1) return false;
		const cert = db
			.select({ organisationId: certificate.organisationId, userId: certificate.userId })
			.from(certificate)
			.where(eq(certificate.id, input.certificateId))
			.get();
		recordAudit({
			action: 'certificate.revoked',
			actorUserId: input.actorUserId,
			targetType: 'certificate',
			targetId: input.certificateId,
			organisationId: cert?.organisationId ?? null,
			requestId: input.requestId,
			details: { reason: input.reason, holder: cert?.userId }
		});
		return true;
	});
}

/**
 * Signal ids this learner missed before, weighted by how often (seen - correct), for the
 * adaptive refresher draw (drawAdaptive in refresher-draw.ts).
 */
export function missedSignalWeights(userId: number): Map<string, number> {
	const rows = db
		.select({
			signalId: signalMastery.signalId,
			seen: signalMastery.seen,
			correct: signalMastery.correct
		})
		.from(signalMastery)
		.where(eq(signalMastery.userId, userId))
		.all();
	const missed = new Map<string, number>();
	for (const row of rows) {
		const times = row.seen - row.correct;
		if (times > 0) missed.set(row.signalId, times);
	}
	return missed;
}

/**
 * Queues the expiry reminders due at `now` (30 days, 7 days, day of expiry) and returns how many.
 * Each (certificate, kind) row is inserted before its mail is queued, in one transaction: a second
 * run, or a second process running at the same moment, finds the row and sends nothing. Run by
 * `npm run jobs` (cron); delivery then goes through the mail module.
 */
export function sendDueReminders(now: Date = new Date()): number {
	const from = new Date(now.getTime() - 8 * 24 * 60 * 60 * 1000);
	const until = new Date(now.getTime() + 31 * 24 * 60 * 60 * 1000);
	const candidates = db
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
		)
		.all();

	let queued = 0;
	const m = messages.certificates;
	for (const { cert, email, name } of candidates) {
		const kind = dueReminder(cert.expiresAt, now);
		if (!kind) continue;
		const facts = moduleFacts(cert.moduleVersionId);
		const sent = transaction(() => {
			const inserted = db
				.insert(certificateReminder)
				.values({ certificateId: cert.id, kind, sentAt: now })
				.onConflictDoNothing()
				.run();
			if (inserted.changes !== 1) return false;
			const deadline = facts.refresher
				? formatDate(refresherWindow(cert.expiresAt, facts.refresher).closesAt)
				: null;
			queueMail({
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
