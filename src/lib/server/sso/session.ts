// What every single sign-on outcome shares: the request context, refusals (each with an audit
// event, no account, no session), and opening a session for a person the provider vouched for.
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { user, type SsoProvider, type User } from '../db/schema';
import { recordAudit } from '../platform/audit';
import type { Failure } from '../platform/failure';
import { createSession } from '../accounts/auth/session';
import { digest } from '../accounts/auth/tokens';
import * as twoFactor from '../accounts/auth/two-factor';
import { getAccess, isStaff } from '../accounts/access';
import { homeFor } from '../accounts/guards';

/** How long a sign-in at the provider and the audience choice may take. */
export const loginMinutes = 10;

export function hash(value: string): string {
	return digest(value).toString('hex');
}

export interface Context {
	userAgent: string | null;
	requestId?: string;
	/** The client's address: sign-ins started and not finished are throttled per address. */
	address?: string;
}

export type Refusal = { kind: 'refused'; failure: Failure };

export async function refuse(
	reason: Failure,
	provider: Pick<SsoProvider, 'id' | 'organisationId'> | undefined,
	context: Context,
	details: Record<string, unknown> = {},
	actorUserId: number | null = null
): Promise<Refusal> {
	await recordAudit({
		action: 'sso.refused',
		actorUserId,
		targetType: 'sso_provider',
		targetId: provider?.id,
		organisationId: provider?.organisationId ?? null,
		requestId: context.requestId,
		details: { reason: reason.code, ...details }
	});
	return { kind: 'refused', failure: reason };
}

export type CompleteResult =
	| {
			kind: 'signedIn';
			token: string;
			expiresAt: Date;
			needsSecondFactor: boolean;
			home: string;
			redirectTo: string;
	  }
	| { kind: 'chooseAudience'; pendingToken: string }
	| Refusal;

export async function openSession(
	found: User,
	provider: SsoProvider,
	options: { mfa: boolean; redirectTo: string },
	context: Context
): Promise<CompleteResult> {
	const access = await getAccess(found);
	// The provider's multi-factor sign-in counts as the second step; otherwise an enrolled
	// second factor is still asked for on /aanmelden/code.
	const needsSecondFactor = (await twoFactor.isEnabled(found.id)) && !options.mfa;
	const { token, session } = await createSession(
		found.id,
		isStaff(access.roles) ? 'staff' : 'learner',
		context.userAgent,
		{ twoFactorVerified: options.mfa }
	);
	await db.update(user).set({ lastLoginAt: new Date() }).where(eq(user.id, found.id));
	await recordAudit({
		action: needsSecondFactor ? 'sso.first_factor_ok' : 'sso.sign_in',
		actorUserId: found.id,
		organisationId: provider.organisationId,
		requestId: context.requestId,
		details: { providerId: provider.id, mfa: options.mfa }
	});
	return {
		kind: 'signedIn',
		token,
		expiresAt: new Date(session.createdAt.getTime() + session.absoluteSeconds * 1000),
		needsSecondFactor,
		home: homeFor(access.roles),
		redirectTo: options.redirectTo
	};
}
