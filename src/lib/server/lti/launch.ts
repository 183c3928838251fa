// The OIDC third-party-initiated login and the launch that follows it. `startLogin` answers the
// platform's login initiation with a redirect to its authorisation URL (state and nonce stored,
// state also in the browser's cookie); `completeLaunch` checks the returned ID token and either
// signs the learner in or opens a deep-linking session.
import { createHash } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import { affected, db, transaction, first } from '../db';
import {
	ltiDeepLink,
	ltiGradeTarget,
	ltiIdentity,
	ltiLogin,
	membership,
	user,
	type LtiPlatform
} from '../db/schema';
import { config } from '../platform/config';
import { failure, type Failure } from '../platform/failure';
import { recordAudit } from '../platform/audit';
import { digest, randomToken } from '../accounts/auth/tokens';
import { platformForLogin, getPlatform, learnOrigins, toolUrls } from './registrations';
import { claim } from './claims';
import { recordNonce, verifyIdToken, type KeySet, type LaunchClaims } from './validate';

const loginLifetimeMs = 10 * 60_000;
const deepLinkLifetimeMs = 30 * 60_000;

export type LoginResult =
	{ ok: true; redirectTo: string; state: string } | { ok: false; failure: Failure };

/** The path of a target link on this site (`/leren/<slug>`), or null for anything else. */
export function targetPath(targetLinkUri: string): string | null {
	try {
		const url = new URL(targetLinkUri);
		if (url.origin !== new URL(config.origin).origin) return null;
		if (url.pathname === '/lti/launch' || /^\/leren(\/[a-z0-9-]+)?\/?$/.test(url.pathname)) {
			return url.pathname;
		}
		return null;
	} catch {
		return null;
	}
}

/** The module a target link points to, or null for the course overview. */
export function moduleSlugOf(targetLinkUri: string): string | null {
	return targetPath(targetLinkUri)?.match(/^\/leren\/([a-z0-9-]+)/)?.[1] ?? null;
}

/** OIDC login initiation: the parameters come from a GET query or a POST form. */
export async function startLogin(
	params: URLSearchParams | FormData,
	now = new Date()
): Promise<LoginResult> {
	const get = (name: string) => {
		const value = params.get(name);
		return typeof value === 'string' && value.length > 0 && value.length <= 2048
			? value
			: undefined;
	};
	const issuer = get('iss');
	const loginHint = get('login_hint');
	const targetLinkUri = get('target_link_uri');
	if (!issuer || !loginHint || !targetLinkUri) return { ok: false, failure: failure('lti.login') };
	const platform = await platformForLogin(issuer, get('client_id'));
	if (!platform) return { ok: false, failure: failure('lti.unknownPlatform') };
	const deployment = get('lti_deployment_id');
	if (deployment && !platform.deploymentIds.includes(deployment)) {
		return { ok: false, failure: failure('lti.unknownDeployment') };
	}
	if (!targetPath(targetLinkUri)) return { ok: false, failure: failure('lti.targetLink') };
	const state = randomToken(32);
	const nonce = randomToken(32);
	await db.delete(ltiLogin).where(lt(ltiLogin.expiresAt, now));
	await db.insert(ltiLogin).values({
		state,
		nonce,
		platformId: platform.id,
		expiresAt: new Date(now.getTime() + loginLifetimeMs)
	});
	const url = new URL(platform.authUrl);
	const query: Record<string, string | undefined> = {
		scope: 'openid',
		response_type: 'id_token',
		response_mode: 'form_post',
		prompt: 'none',
		client_id: platform.clientId,
		redirect_uri: toolUrls().launchUrl,
		login_hint: loginHint,
		lti_message_hint: get('lti_message_hint'),
		state,
		nonce
	};
	for (const [key, value] of Object.entries(query)) if (value) url.searchParams.set(key, value);
	return { ok: true, redirectTo: url.toString(), state };
}

export type LaunchResult =
	| { ok: true; kind: 'resourceLink'; userId: number; redirectTo: string; platformId: number }
	| { ok: true; kind: 'deepLinking'; token: string; organisationId: number; platformId: number }
	| { ok: false; failure: Failure };

/**
 * The launch: `state` must be the one this browser started (its cookie) and not used before;
 * the ID token must pass every check in validate.ts. Nothing is stored on a refusal.
 */
export async function completeLaunch(input: {
	idToken: string | null;
	state: string | null;
	cookieState: string | undefined;
	userAgent?: string | null;
	requestId?: string;
	now?: Date;
	keys?: KeySet;
}): Promise<LaunchResult> {
	const now = input.now ?? new Date();
	if (!input.idToken || !input.state) return { ok: false, failure: failure('lti.login') };
	const login = await first(db.select().from(ltiLogin).where(eq(ltiLogin.state, input.state)));
	if (!login || login.expiresAt.getTime() < now.getTime()) {
		return { ok: false, failure: failure('lti.state') };
	}
	if (login.usedAt) return { ok: false, failure: failure('lti.replayed') };
	if (!input.cookieState || input.cookieState !== input.state) {
		return { ok: false, failure: failure('lti.state') };
	}
	const platform = await getPlatform(login.platformId);
	if (!platform) return { ok: false, failure: failure('lti.unknownPlatform') };
	const verified = await verifyIdToken(input.idToken, platform, {
		expectedNonce: login.nonce,
		now,
		keys: input.keys
	});
	// The login is used up whatever the outcome: a second try starts again from the LMS.
	const claimed = await db
		.update(ltiLogin)
		.set({ usedAt: now })
		.where(and(eq(ltiLogin.state, input.state), isNull(ltiLogin.usedAt)));
	if (affected(claimed) !== 1) return { ok: false, failure: failure('lti.replayed') };
	if (!verified.ok) {
		await recordAudit({
			action: 'lti.launch_refused',
			targetType: 'lti_platform',
			targetId: platform.id,
			organisationId: platform.organisationId,
			requestId: input.requestId,
			details: { code: verified.failure.code }
		});
		return verified;
	}
	if (!(await recordNonce(platform.id, login.nonce, now)))
		return { ok: false, failure: failure('lti.replayed') };
	const message = verified.message;
	const presentation = message.claims[claim.launchPresentation] as
		{ return_url?: unknown } | undefined;
	await learnOrigins(platform, [
		message.kind === 'deepLinking' ? message.returnUrl : null,
		typeof presentation?.return_url === 'string' ? presentation.return_url : null
	]);
	if (message.kind === 'deepLinking') {
		const token = randomToken(32);
		await db.delete(ltiDeepLink).where(lt(ltiDeepLink.expiresAt, now));
		await db.insert(ltiDeepLink).values({
			tokenHash: digest(token).toString('hex'),
			platformId: platform.id,
			deploymentId: message.deploymentId,
			returnUrl: message.returnUrl,
			data: message.data,
			acceptMultiple: message.acceptMultiple,
			gradePassback: message.gradePassback,
			expiresAt: new Date(now.getTime() + deepLinkLifetimeMs)
		});
		return {
			ok: true,
			kind: 'deepLinking',
			token,
			organisationId: platform.organisationId,
			platformId: platform.id
		};
	}
	const userId = await signInLearner(platform, message.sub, message.claims);
	const slug = moduleSlugOf(message.targetLinkUri);
	if (slug && message.lineItemUrl) {
		await db
			.insert(ltiGradeTarget)
			.values({
				userId,
				platformId: platform.id,
				moduleSlug: slug,
				sub: message.sub,
				lineItemUrl: message.lineItemUrl,
				updatedAt: now
			})
			.onConflictDoUpdate({
				target: [ltiGradeTarget.userId, ltiGradeTarget.moduleSlug, ltiGradeTarget.lineItemUrl],
				set: { updatedAt: now, sub: message.sub, platformId: platform.id }
			});
	}
	await recordAudit({
		action: 'lti.launch',
		actorUserId: userId,
		targetType: 'lti_platform',
		targetId: platform.id,
		organisationId: platform.organisationId,
		requestId: input.requestId
	});
	const path = targetPath(message.targetLinkUri);
	return {
		ok: true,
		kind: 'resourceLink',
		userId,
		platformId: platform.id,
		redirectTo: path && path.startsWith('/leren') ? path : '/leren'
	};
}

const emailShape = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

function displayName(claims: LaunchClaims): string | null {
	const full =
		typeof claims.name === 'string' && claims.name.trim()
			? claims.name
			: [claims.given_name, claims.family_name].filter((p) => typeof p === 'string').join(' ');
	const name = full.trim().replace(/\s+/g, ' ').slice(0, 120);
	return name || null;
}

/**
 * The account of the person the platform launched (issuer + sub), made on the first launch and
 * placed in the platform's organisation as a learner. LMS roles grant nothing here: staff roles
 * in Signaalwijs are given only by Signaalwijs. An e-mail address already used by another
 * account is not taken over.
 */
export async function signInLearner(
	platform: LtiPlatform,
	sub: string,
	claims: LaunchClaims
): Promise<number> {
	return await transaction(async () => {
		const name = displayName(claims);
		const found = await first(
			db
				.select({ userId: ltiIdentity.userId })
				.from(ltiIdentity)
				.where(and(eq(ltiIdentity.issuer, platform.issuer), eq(ltiIdentity.sub, sub)))
		);
		let userId: number;
		if (found) {
			userId = found.userId;
			if (name)
				await db.update(user).set({ name, lastLoginAt: new Date() }).where(eq(user.id, userId));
		} else {
			const claimed = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
			const free =
				emailShape.test(claimed) &&
				!(await first(db.select({ id: user.id }).from(user).where(eq(user.email, claimed))));
			const email = free
				? claimed
				: `lti-${createHash('sha256').update(`${platform.issuer}\n${sub}`).digest('hex').slice(0, 24)}@lti.invalid`;
			const inserted = await db
				.insert(user)
				.values({ email, name: name ?? email.split('@')[0], lastLoginAt: new Date() })
				.returning({ id: user.id });
			userId = Number(inserted[0]?.id);
			await db
				.insert(ltiIdentity)
				.values({ platformId: platform.id, issuer: platform.issuer, sub, userId });
		}
		await db
			.insert(membership)
			.values({ userId, organisationId: platform.organisationId, role: 'learner' })
			.onConflictDoNothing();
		return userId;
	});
}

/** The open deep-linking session for a token, or undefined when unknown or expired. */
export async function findDeepLink(token: string, now = new Date()) {
	if (!/^[a-z0-9]{32}$/.test(token)) return undefined;
	return await first(
		db
			.select()
			.from(ltiDeepLink)
			.where(
				and(
					eq(ltiDeepLink.tokenHash, digest(token).toString('hex')),
					gt(ltiDeepLink.expiresAt, now)
				)
			)
	);
}

/** Ends a deep-linking session (its response was built). */
export async function consumeDeepLink(token: string): Promise<void> {
	await db.delete(ltiDeepLink).where(eq(ltiDeepLink.tokenHash, digest(token).toString('hex')));
}
