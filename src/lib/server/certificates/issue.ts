// Issuing: a passed assessment earns a certificate, and a passed refresher renews the
// certificates whose refresher window is open.
//
// After expiry: a certificate stays renewable by the refresher during its module's grace period
// (refresher.graceDays, 90 days for the shipped course). After that the refresher no longer
// renews it; the learner takes the full module again, and that pass issues a new certificate
// that replaces the old one (renewed_from), like any pass of a module already certified.
import { and, eq } from 'drizzle-orm';
import { db, transaction } from '../db';
import { certificate } from '../db/schema';
import { loadVersion } from '../content/versions';
import { recordAudit } from '../platform/audit';
import { addMonths, isRenewable, renewedExpiry } from './rules';
import { certificatesOf, insertCertificate, learnerOrganisation, moduleFacts } from './records';

/**
 * Issues the certificate(s) a passed assessment earns. Synchronous: it runs inside the
 * transaction that records the pass, so the pass and its certificate are written together.
 *
 * - A normal module: one certificate, valid for the module's validityMonths from now. It
 *   replaces (renewed_from) the learner's current certificate for the same module, if any.
 * - The refresher (meta.refreshes non-empty): renews every certificate of the learner for a
 *   module in `refreshes` whose refresher window is open now; the new certificate links to the
 *   old one, which stays in the history as "renewed".
 * - A replayed pass for the same attempt returns the certificates it issued the first time.
 */
export async function issueOnPass(input: {
	userId: number;
	moduleVersionId: number;
	attemptId: number | null;
	now?: Date;
}): Promise<{ certificateIds: number[] }> {
	const now = input.now ?? new Date();
	const version = await loadVersion(input.moduleVersionId);
	if (!version) throw new Error(`issueOnPass: unknown module version ${input.moduleVersionId}`);
	const meta = version.module.meta;

	return await transaction(async () => {
		if (input.attemptId !== null) {
			const earlier = await db
				.select({ id: certificate.id })
				.from(certificate)
				.where(
					and(eq(certificate.attemptId, input.attemptId), eq(certificate.userId, input.userId))
				)
				.orderBy(certificate.id);
			if (earlier.length > 0) return { certificateIds: earlier.map((r) => r.id) };
		}

		const organisationId = await learnerOrganisation(input.userId);
		const { rows, renewed } = await certificatesOf(input.userId);
		const issued: number[] = [];
		const refreshes = meta.refreshes ?? [];

		if (refreshes.length > 0) {
			// Only the newest certificate per module can be current; older ones are history.
			const seen = new Set<string>();
			for (const old of rows) {
				if (!refreshes.includes(old.moduleSlug) || seen.has(old.moduleSlug)) continue;
				if (old.revokedAt) continue;
				seen.add(old.moduleSlug);
				const facts = await moduleFacts(old.moduleVersionId);
				const state = {
					expiresAt: old.expiresAt,
					revokedAt: old.revokedAt,
					renewed: renewed.has(old.id)
				};
				if (!isRenewable(state, facts.refresher, now)) continue;
				const id = await insertCertificate({
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
				await recordAudit({
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
		const id = await insertCertificate({
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
		await recordAudit({
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
