// A first sign-in with no account yet: the person picks leerkracht or hulpverlener once, then a
// learner account is created in the provider's organisation and linked to (issuer, sub).
import { eq } from 'drizzle-orm';
import { affected, db, transaction, first } from '../db';
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

async function findPendingRow(token: string | undefined) {
	if (!token || !isTokenShaped(token, 32)) return undefined;
	const row = await first(
		db
			.select()
			.from(ssoPending)
			.where(eq(ssoPending.tokenHash, hash(token)))
	);
	return row && row.expiresAt.getTime() > Date.now() ? row : undefined;
}

/** What the audience-choice page shows, or undefined when the step expired. */
export async function findPendingSignIn(
	providerId: number,
	token: string | undefined
): Promise<{ email: string; name: string; organisation: string } | undefined> {
	const row = await findPendingRow(token);
	const provider = await getProvider(providerId);
	if (!row || !provider || row.providerId !== providerId) return undefined;
	const org = await first(
		db
			.select({ name: organisation.name })
			.from(organisation)
			.where(eq(organisation.id, provider.organisationId))
	);
	return org ? { email: row.email, name: row.name, organisation: org.name } : undefined;
}

/** Creates the learner of a first sign-in once they picked their audience, and signs them in. */
export async function finishFirstSignIn(
	input: { providerId: number; token: string | undefined; audience: Audience },
	context: Context
): Promise<CompleteResult> {
	const row = await findPendingRow(input.token);
	const provider = await getProvider(input.providerId);
	if (!row || !provider || row.providerId !== provider.id) {
		return await refuse(failure('sso.pendingExpired'), provider, context);
	}
	let created: number | null;
	try {
		created = await createLearner(row, provider, input.audience);
	} catch {
		// The same person finished in another tab meanwhile: the identity is already linked.
		created = null;
	}
	const found = created === null ? undefined : await getUser(created);
	if (!found)
		return await refuse(failure('sso.pendingExpired'), provider, context, { step: 'create' });
	await recordAudit({
		action: 'sso.account_created',
		actorUserId: found.id,
		targetType: 'user',
		targetId: found.id,
		organisationId: provider.organisationId,
		requestId: context.requestId,
		details: { providerId: provider.id, audience: input.audience }
	});
	return await openSession(found, provider, { mfa: false, redirectTo: '' }, context);
}

async function createLearner(
	row: typeof ssoPending.$inferSelect,
	provider: SsoProvider,
	audience: Audience
): Promise<number | null> {
	return await transaction(async (tx) => {
		await tx.delete(ssoPending).where(eq(ssoPending.tokenHash, row.tokenHash));
		const inserted = await tx
			.insert(user)
			.values({ email: row.email, name: row.name, audience })
			.onConflictDoNothing()
			.returning({ id: user.id });
		if (affected(inserted) !== 1) return null;
		const userId = Number(inserted[0]?.id);
		await tx.insert(membership).values({
			userId,
			organisationId: provider.organisationId,
			role: 'learner',
			audience
		});
		const linked = await tx
			.insert(ssoIdentity)
			.values({ providerId: provider.id, issuer: provider.issuer, sub: row.sub, userId })
			.onConflictDoNothing();
		if (affected(linked) !== 1) throw new Error('identity linked meanwhile');
		return userId;
	});
}
