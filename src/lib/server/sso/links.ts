// The links between accounts and organisation identities: shown to the person and to an admin,
// removable by an admin (audited).
import { and, asc, eq } from 'drizzle-orm';
import { db, first } from '../db';
import { organisation, ssoIdentity, ssoProvider } from '../db/schema';
import { recordAudit } from '../platform/audit';
import type { Actor } from './providers';

export interface IdentityLink {
	id: number;
	provider: string;
	organisation: string;
	organisationId: number;
	createdAt: Date;
}

export async function listIdentityLinks(userId: number): Promise<IdentityLink[]> {
	return await db
		.select({
			id: ssoIdentity.id,
			provider: ssoProvider.name,
			organisation: organisation.name,
			organisationId: organisation.id,
			createdAt: ssoIdentity.createdAt
		})
		.from(ssoIdentity)
		.innerJoin(ssoProvider, eq(ssoProvider.id, ssoIdentity.providerId))
		.innerJoin(organisation, eq(organisation.id, ssoProvider.organisationId))
		.where(eq(ssoIdentity.userId, userId))
		.orderBy(asc(ssoIdentity.createdAt));
}

/** Removes one link of an account; the next sign-in through the provider starts afresh. */
export async function removeIdentityLink(
	userId: number,
	linkId: number,
	actor: Actor
): Promise<boolean> {
	const removed = await first(
		db
			.delete(ssoIdentity)
			.where(and(eq(ssoIdentity.id, linkId), eq(ssoIdentity.userId, userId)))
			.returning({ providerId: ssoIdentity.providerId, issuer: ssoIdentity.issuer })
	);
	if (!removed) return false;
	await recordAudit({
		action: 'sso.unlinked',
		actorUserId: actor.id,
		targetType: 'user',
		targetId: userId,
		requestId: actor.requestId,
		details: { providerId: removed.providerId, issuer: removed.issuer }
	});
	return true;
}
