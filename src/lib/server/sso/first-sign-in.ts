// A first sign-in with no account yet: the person picks leerkracht or hulpverlener once, then a
// learner account is created in the provider's organisation and linked to (issuer, sub).
import { eq } from 'drizzle-orm';
import { db, transaction } from '../db';
import {
	membership,
	organisation,
	ssoIdentity,
	ssoPending,
	user,
	type Audience,
	type SsoProvider
} from '../db/schema';
import { recordAudit } from '../platform/audit';
import { failure } from '../platform/failure';
import { isTokenShaped } from '../accounts/auth/tokens';
import { getUser } from '../accounts/access';
import { getProvider } from './providers';
import { hash, openSession, refuse, type CompleteResult, type Context } from './session';

function findPendingRow(token: string | undefined) {
	if (!token || !isTokenShaped(token, 32)) return undefined;
	const row = db
		.select()
		.from(ssoPending)
		.where(eq(ssoPending.tokenHash, hash(token)))
		.get();
	return row && row.expiresAt.getTime() > Date.now() ? row : undefined;
}

/** What the audience-choice page shows, or undefined when the step expired. */
export function findPendingSignIn(
	providerId: number,
	token: string | undefined
): { email: string; name: string; organisation: string } | undefined {
	const row = findPendingRow(token);
	const provider = getProvider(providerId);
	if (!row || !provider || row.providerId !== providerId) return undefined;
	const org = db
		.select({ name: organisation.name })
		.from(organisation)
		.where(eq(organisation.id, provider.organisationId))
		.get();
	return org ? { email: row.email, name: row.name, organisation: org.name } : undefined;
}

/** Creates the learner of a first sign-in once they picked their audience, and signs them in. */
export function finishFirstSignIn(
	input: { providerId: number; token: string | undefined; audience: Audience },
	context: Context
): CompleteResult {
	const row = findPendingRow(input.token);
	const provider = getProvider(input.providerId);
	if (!row || !provider || row.providerId !== provider.id) {
		return refuse(failure('sso.pendingExpired'), provider, context);
	}
	let created: number | null;
	try {
		created = createLearner(row, provider, input.audience);
	} catch {
		// The same person finished in another tab meanwhile: the identity is already linked.
		created = null;
	}
	const found = created === null ? undefined : getUser(created);
	if (!found) return refuse(failure('sso.pendingExpired'), provider, context, { step: 'create' });
	recordAudit({
		action: 'sso.account_created',
		actorUserId: found.id,
		targetType: 'user',
		targetId: found.id,
		organisationId: provider.organisationId,
		requestId: context.requestId,
		details: { providerId: provider.id, audience: input.audience }
	});
	return openSession(found, provider, { mfa: false, redirectTo: '' }, context);
}

function createLearner(
	row: typeof ssoPending.$inferSelect,
	provider: SsoProvider,
	audience: Audience
): number | null {
	return transaction((tx) => {
		tx.delete(ssoPending).where(eq(ssoPending.tokenHash, row.tokenHash)).run();
		const inserted = tx
			.insert(user)
			.values({ email: row.email, name: row.name, audience })
			.onConflictDoNothing()
			.run();
		if (inserted.changes !== 1) return null;
		const userId = Number(inserted.lastInsertRowid);
		tx.insert(membership)
			.values({
				userId,
				organisationId: provider.organisationId,
				role: 'learner',
				audience
			})
			.run();
		const linked = tx
			.insert(ssoIdentity)
			.values({ providerId: provider.id, issuer: provider.issuer, sub: row.sub, userId })
			.onConflictDoNothing()
			.run();
		if (linked.changes !== 1) throw new Error('identity linked meanwhile');
		return userId;
	});
}
