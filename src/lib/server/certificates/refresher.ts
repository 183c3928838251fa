// The refresher: whether it is open for a learner, for which modules and until when, and the
// signals the learner missed before (the adaptive draw weights them).
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { signalMastery } from '../db/schema';
import {
	certificateStatus,
	isRenewable,
	refresherDeadline,
	refresherWindow,
	type CertificateStatus
} from './rules';
import { certificatesOf, moduleFacts, type HeldCertificates } from './records';

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
export async function refresherStatus(
	userId: number,
	now: Date = new Date()
): Promise<RefresherStatus> {
	return await refresherFrom(await certificatesOf(userId), now);
}

/** `refresherStatus` from certificates already read (`certificatesOf`). */
export async function refresherFrom(held: HeldCertificates, now: Date): Promise<RefresherStatus> {
	const { rows, renewed } = held;
	const modules: RefresherModule[] = [];
	let opensAt: Date | null = null;
	const seen = new Set<string>();
	for (const cert of rows) {
		if (seen.has(cert.moduleSlug) || cert.revokedAt) continue;
		seen.add(cert.moduleSlug);
		const facts = await moduleFacts(cert.moduleVersionId);
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

/**
 * Signal ids this learner missed before, weighted by how often (seen - correct), for the
 * adaptive refresher draw (drawAdaptive in refresher-draw.ts).
 */
export async function missedSignalWeights(userId: number): Promise<Map<string, number>> {
	const rows = await db
		.select({
			signalId: signalMastery.signalId,
			seen: signalMastery.seen,
			correct: signalMastery.correct
		})
		.from(signalMastery)
		.where(eq(signalMastery.userId, userId));
	const missed = new Map<string, number>();
	for (const row of rows) {
		const times = row.seen - row.correct;
		if (times > 0) missed.set(row.signalId, times);
	}
	return missed;
}
