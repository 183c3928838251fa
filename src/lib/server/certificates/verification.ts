// Anyone with a code can verify a certificate (throttled against guessing); an admin finds one by
// its code and revokes it with a reason.
import { and, eq, isNull } from 'drizzle-orm';
import { affected, db, transaction, first } from '../db';
import { certificate } from '../db/schema';
import { isTokenShaped } from '../accounts/auth/tokens';
import { addressWideKey, Throttle } from '../accounts/auth/throttle';
import { recordAudit } from '../platform/audit';
import { CODE_LENGTH, normaliseCode, type CertificateStatus } from './rules';
import { documentOf } from './views';

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
export const verifyThrottle = new Throttle('verify', {
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
export async function verifyCertificate(
	input: string,
	clientAddress: string,
	now: Date = new Date()
): Promise<VerifyResult> {
	// IPv6 by /64; skipped behind a proxy every user shares (codes are 28 random characters).
	const clientKey = addressWideKey('verify', clientAddress);
	const wait = clientKey ? await verifyThrottle.retryAfter(clientKey, now.getTime()) : 0;
	if (wait > 0) return { kind: 'throttled', retryAfterSeconds: Math.ceil(wait / 1000) };
	const code = normaliseCode(input.slice(0, 100));
	const cert = isTokenShaped(code, CODE_LENGTH)
		? await first(db.select().from(certificate).where(eq(certificate.code, code)))
		: undefined;
	if (!cert) {
		if (clientKey) await verifyThrottle.fail(clientKey, now.getTime());
		return { kind: 'unknown' };
	}
	const doc = await documentOf(cert, now);
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
export async function findForAdmin(input: string, now: Date = new Date()) {
	const code = normaliseCode(input.slice(0, 100));
	if (!isTokenShaped(code, CODE_LENGTH)) return undefined;
	const cert = await first(db.select().from(certificate).where(eq(certificate.code, code)));
	return cert ? await documentOf(cert, now) : undefined;
}

/** Revokes a certificate (an admin, with a reason). Returns false when unknown or already revoked. */
export async function revokeCertificate(input: {
	certificateId: number;
	reason: string;
	actorUserId: number;
	requestId?: string;
	now?: Date;
}): Promise<boolean> {
	const now = input.now ?? new Date();
	return await transaction(async () => {
		const result = await db
			.update(certificate)
			.set({ revokedAt: now, revokedReason: input.reason, revokedBy: input.actorUserId })
			.where(and(eq(certificate.id, input.certificateId), isNull(certificate.revokedAt)));
		if (affected(result) !== 1) return false;
		const cert = await first(
			db
				.select({ organisationId: certificate.organisationId, userId: certificate.userId })
				.from(certificate)
				.where(eq(certificate.id, input.certificateId))
		);
		await recordAudit({
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
