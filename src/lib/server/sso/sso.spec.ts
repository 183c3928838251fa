// Single sign-on against a hand-made provider whose answers the tests forge: every refusal the
// issue names, and the account rules of a first sign-in. The checks themselves are openid-client's.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import type { JWTPayload } from 'jose';
import { db, first } from '../db';
import {
	auditEvent,
	membership,
	session,
	ssoIdentity,
	ssoProvider,
	twoFactor,
	user
} from '../db/schema';
import { freshDatabase, makeMember, makeOrganisation, makeUser } from '../testing/testing';
import { startForgedIdp, type ForgedIdp } from '../../../../tests/support/forged-idp';
import {
	addProvider,
	beginSignIn,
	completeSignIn,
	finishFirstSignIn,
	forgetConfigurations,
	getProvider,
	listIdentityLinks,
	providerForEmail,
	redirectUriFor,
	removeIdentityLink,
	removeProvider,
	startThrottle,
	testProvider
} from './index';
import type { SsoProvider } from '../db/schema';

const clientId = 'signaalwijs';
const context = { userAgent: 'vitest', requestId: 'req-sso' };
const admin = { id: 1 };
let idp: ForgedIdp;
let provider: SsoProvider;
let organisation: number;

beforeAll(async () => {
	idp = await startForgedIdp();
});
afterAll(() => idp.close());

beforeEach(async () => {
	await freshDatabase();
	forgetConfigurations();
	organisation = await makeOrganisation('Sint-Jansschool');
	const added = await addProvider(
		{
			organisationId: organisation,
			name: 'Microsoft 365 van Sint-Jansschool',
			issuer: idp.issuer,
			clientId,
			clientSecret: 'zeer-geheim-clientgeheim',
			domains: ['sint-jansschool.be']
		},
		admin
	);
	if (!added.ok) throw new Error(added.failure.code);
	provider = (await getProvider(added.id))!;
});

/** Starts a sign-in and returns what the provider would send back, plus the expected nonce. */
async function begin() {
	const started = await beginSignIn(provider, { loginHint: 'x@sint-jansschool.be' }, context);
	if (started.kind !== 'redirect') throw new Error(started.kind);
	const url = new URL(started.url);
	return {
		state: started.state,
		nonce: url.searchParams.get('nonce')!,
		challenge: url.searchParams.get('code_challenge'),
		callback: new URL(`${redirectUriFor(provider.id)}?code=forged-code&state=${started.state}`)
	};
}

function claims(nonce: string, overrides: JWTPayload = {}): JWTPayload {
	const now = Math.floor(Date.now() / 1000);
	return {
		iss: idp.issuer,
		aud: clientId,
		sub: 'person-1',
		nonce,
		iat: now,
		exp: now + 300,
		email: 'an.peeters@sint-jansschool.be',
		email_verified: true,
		name: 'An Peeters',
		...overrides
	};
}

async function answer(overrides: JWTPayload = {}) {
	const started = await begin();
	idp.answerWith(claims(started.nonce, overrides));
	return completeSignIn(
		{ providerId: provider.id, callbackUrl: started.callback, cookieState: started.state },
		context
	);
}

async function lastRefusal() {
	return await first(
		db
			.select()
			.from(auditEvent)
			.where(eq(auditEvent.action, 'sso.refused'))
			.orderBy(desc(auditEvent.id))
	);
}

async function expectNothingGranted(before: { users: number }) {
	expect(await db.select().from(user)).toHaveLength(before.users);
	expect(await db.select().from(session)).toHaveLength(0);
	expect(await db.select().from(ssoIdentity)).toHaveLength(0);
}

describe('providers', () => {
	it('keeps the client secret sealed and finds the provider by e-mail domain', async () => {
		const row = (await first(db.select().from(ssoProvider)))!;
		expect(row.clientSecretSealed).not.toContain('zeer-geheim');
		expect(row.clientSecretSealed.startsWith('v1.')).toBe(true);
		expect((await providerForEmail('Iemand@Sint-Jansschool.be'))?.id).toBe(provider.id);
		expect(await providerForEmail('iemand@elders.be')).toBeUndefined();
		const audit = await first(
			db.select().from(auditEvent).where(eq(auditEvent.action, 'sso.provider_added'))
		);
		expect(JSON.stringify(audit?.details)).not.toContain('zeer-geheim');
	});

	it('refuses a domain another provider already vouches for', async () => {
		const result = await addProvider(
			{
				organisationId: await makeOrganisation(),
				name: 'Google',
				issuer: 'https://accounts.google.com',
				clientId: 'x',
				clientSecret: 'y',
				domains: ['Sint-Jansschool.be']
			},
			admin
		);
		expect(result).toEqual({
			ok: false,
			failure: { code: 'sso.domainTaken', params: { domain: 'sint-jansschool.be' } }
		});
	});

	it('removes a provider only from its own organisation; its links go with it', async () => {
		const existing = await makeUser({ email: 'an.peeters@sint-jansschool.be' });
		await answer();
		expect(await listIdentityLinks(existing.id)).toHaveLength(1);
		expect(await removeProvider(provider.id, await makeOrganisation(), admin)).toBe(false);
		expect(await removeProvider(provider.id, organisation, admin)).toBe(true);
		expect(await listIdentityLinks(existing.id)).toEqual([]);
		expect(await providerForEmail(existing.email)).toBeUndefined();
		expect(
			await first(db.select().from(auditEvent).where(eq(auditEvent.action, 'sso.provider_removed')))
		).toMatchObject({ organisationId: organisation, actorUserId: 1 });
	});

	it('throttles sign-ins started and never finished from one address; finished ones give back', async () => {
		const from = { ...context, address: '203.0.113.7' };
		for (let i = 0; i < 100; i++) {
			expect((await beginSignIn(provider, {}, from)).kind).toBe('redirect');
		}
		expect(await beginSignIn(provider, {}, from)).toMatchObject({ kind: 'throttled' });
		await startThrottle.reset(`sso-start:${from.address}`);
		for (let i = 0; i < 150; i++) {
			const started = await beginSignIn(provider, {}, from);
			if (started.kind !== 'redirect') throw new Error(`start ${i}: ${started.kind}`);
			const url = new URL(started.url);
			idp.answerWith(claims(url.searchParams.get('nonce')!));
			const done = await completeSignIn(
				{
					providerId: provider.id,
					callbackUrl: new URL(`${redirectUriFor(provider.id)}?code=c&state=${started.state}`),
					cookieState: started.state
				},
				from
			);
			expect(done.kind).not.toBe('refused');
		}
	});

	it('the test button reads the configuration, or says the issuer does not answer', async () => {
		const ok = await testProvider(provider.id, organisation, admin);
		expect(ok).toMatchObject({ ok: true, authorizationEndpoint: `${idp.issuer}/auth` });
		const down = await addProvider(
			{
				organisationId: organisation,
				name: 'Weg',
				issuer: 'http://127.0.0.1:9',
				clientId,
				clientSecret: 's',
				domains: ['weg.be']
			},
			admin
		);
		if (!down.ok) throw new Error('not added');
		const result = await testProvider(down.id, organisation, admin);
		expect(result).toMatchObject({ ok: false, failure: { code: 'sso.discoveryUnreachable' } });
	});
});

describe('a first sign-in', () => {
	it('sends PKCE, state and nonce, and creates a learner in the organisation after the choice', async () => {
		const started = await begin();
		expect(started.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
		idp.answerWith(claims(started.nonce));
		const result = await completeSignIn(
			{ providerId: provider.id, callbackUrl: started.callback, cookieState: started.state },
			context
		);
		if (result.kind !== 'chooseAudience') throw new Error(result.kind);
		expect(await db.select().from(user)).toHaveLength(0);
		const done = await finishFirstSignIn(
			{ providerId: provider.id, token: result.pendingToken, audience: 'leerkracht' },
			context
		);
		expect(done).toMatchObject({ kind: 'signedIn', home: '/leren', needsSecondFactor: false });
		const created = (await first(
			db.select().from(user).where(eq(user.email, 'an.peeters@sint-jansschool.be'))
		))!;
		expect(created.passwordHash).toBeNull();
		expect(await db.select().from(membership).where(eq(membership.userId, created.id))).toEqual([
			expect.objectContaining({
				organisationId: organisation,
				role: 'learner',
				audience: 'leerkracht'
			})
		]);
		expect(await listIdentityLinks(created.id)).toEqual([
			expect.objectContaining({
				provider: 'Microsoft 365 van Sint-Jansschool',
				organisation: 'Sint-Jansschool'
			})
		]);
		// The choice is made once: the next sign-in goes straight in.
		expect(await answer()).toMatchObject({ kind: 'signedIn', home: '/leren' });
	});

	it('links an existing account for a verified address in a vouched-for domain', async () => {
		const existing = await makeUser({ email: 'an.peeters@sint-jansschool.be' });
		const result = await answer();
		expect(result).toMatchObject({ kind: 'signedIn' });
		expect(await first(db.select().from(ssoIdentity))).toMatchObject({
			userId: existing.id,
			sub: 'person-1'
		});
		expect(
			await first(db.select().from(membership).where(eq(membership.userId, existing.id)))
		).toMatchObject({
			organisationId: organisation,
			role: 'learner'
		});
	});

	it('never grants staff roles, and staff still give their second factor unless amr says mfa', async () => {
		const manager = await makeMember({
			organisation,
			role: 'manager',
			email: 'directie@sint-jansschool.be'
		});
		await db
			.insert(twoFactor)
			.values({ userId: manager.id, keyEncrypted: 'v1.x', enabledAt: new Date() });
		const withoutMfa = await answer({ email: manager.email, sub: 'boss', amr: ['pwd'] });
		expect(withoutMfa).toMatchObject({
			kind: 'signedIn',
			needsSecondFactor: true,
			home: '/beheer'
		});
		const withMfa = await answer({ email: manager.email, sub: 'boss', amr: ['pwd', 'mfa'] });
		expect(withMfa).toMatchObject({ kind: 'signedIn', needsSecondFactor: false });
		const roles = await db
			.select({ role: membership.role })
			.from(membership)
			.where(eq(membership.userId, manager.id));
		expect(roles).toEqual([{ role: 'manager' }]);
	});

	it('an admin can remove the link; the next sign-in links afresh', async () => {
		const existing = await makeUser({ email: 'an.peeters@sint-jansschool.be' });
		await answer();
		const [link] = await listIdentityLinks(existing.id);
		expect(await removeIdentityLink(existing.id + 1, link.id, admin)).toBe(false);
		expect(await removeIdentityLink(existing.id, link.id, admin)).toBe(true);
		expect(await listIdentityLinks(existing.id)).toEqual([]);
	});
});

describe('refusals: a calm page, an audit event, no account, no session', () => {
	const cases: Array<[string, JWTPayload, string]> = [
		['a wrong issuer', { iss: 'http://127.0.0.1:1/elders' }, 'sso.tokenRejected'],
		['a wrong audience', { aud: 'een-andere-toepassing' }, 'sso.tokenRejected'],
		['a wrong nonce', { nonce: 'niet-de-juiste' }, 'sso.tokenRejected'],
		['an expired token', { iat: 1_000_000, exp: 1_000_300 }, 'sso.tokenExpired'],
		['an unverified e-mail', { email_verified: false }, 'sso.emailUnverified'],
		['a domain the provider does not vouch for', { email: 'an@gmail.com' }, 'sso.domainNotVouched']
	];
	for (const [what, overrides, code] of cases) {
		it(`refuses ${what}`, async () => {
			const result = await answer(overrides);
			expect(result).toEqual({ kind: 'refused', failure: { code, params: {} } });
			expect(await lastRefusal()).toMatchObject({
				organisationId: organisation,
				details: expect.objectContaining({ reason: code })
			});
			await expectNothingGranted({ users: 0 });
		});
	}

	it('refuses an unverified e-mail even when an account with that address exists', async () => {
		await makeUser({ email: 'an.peeters@sint-jansschool.be' });
		expect(await answer({ email_verified: false })).toMatchObject({
			failure: { code: 'sso.emailUnverified' }
		});
		await expectNothingGranted({ users: 1 });
	});

	it('refuses an unsigned token (alg none)', async () => {
		const started = await begin();
		const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
		idp.answerWith(`${encode({ alg: 'none' })}.${encode(claims(started.nonce))}.`);
		const result = await completeSignIn(
			{ providerId: provider.id, callbackUrl: started.callback, cookieState: started.state },
			context
		);
		expect(result).toMatchObject({ kind: 'refused', failure: { code: 'sso.tokenRejected' } });
		await expectNothingGranted({ users: 0 });
	});

	it('refuses a token signed with a key that is not the provider’s', async () => {
		const started = await begin();
		idp.answerWith(await idp.sign(claims(started.nonce), { stranger: true }));
		const result = await completeSignIn(
			{ providerId: provider.id, callbackUrl: started.callback, cookieState: started.state },
			context
		);
		expect(result).toMatchObject({ kind: 'refused', failure: { code: 'sso.tokenRejected' } });
		await expectNothingGranted({ users: 0 });
	});

	it('refuses a wrong state, a missing cookie and a replayed answer', async () => {
		const started = await begin();
		idp.answerWith(claims(started.nonce));
		const forged = new URL(started.callback);
		forged.searchParams.set('state', 'een-andere-state');
		expect(
			await completeSignIn(
				{ providerId: provider.id, callbackUrl: forged, cookieState: started.state },
				context
			)
		).toMatchObject({ failure: { code: 'sso.state' } });
		// The sign-in was used up by the refused attempt: the right answer now fails too.
		expect(
			await completeSignIn(
				{ providerId: provider.id, callbackUrl: started.callback, cookieState: started.state },
				context
			)
		).toMatchObject({ failure: { code: 'sso.state' } });
		expect(
			await completeSignIn(
				{ providerId: provider.id, callbackUrl: started.callback, cookieState: undefined },
				context
			)
		).toMatchObject({ failure: { code: 'sso.state' } });
		await expectNothingGranted({ users: 0 });
	});

	it('refuses a disabled account', async () => {
		const existing = await makeUser({ email: 'an.peeters@sint-jansschool.be' });
		await db.update(user).set({ disabledAt: new Date() }).where(eq(user.id, existing.id));
		expect(await answer()).toMatchObject({ failure: { code: 'sso.accountDisabled' } });
		await expectNothingGranted({ users: 1 });
	});

	it('refuses when the provider is down', async () => {
		const down = await addProvider(
			{
				organisationId: organisation,
				name: 'Weg',
				issuer: 'http://127.0.0.1:9',
				clientId,
				clientSecret: 's',
				domains: ['weg.be']
			},
			admin
		);
		if (!down.ok) throw new Error('not added');
		const result = await beginSignIn((await getProvider(down.id))!, {}, context);
		expect(result).toMatchObject({ kind: 'refused', failure: { code: 'sso.providerDown' } });
		expect((await lastRefusal())?.details).toMatchObject({ reason: 'sso.providerDown' });
		await expectNothingGranted({ users: 0 });
	});

	it('refuses an error answer from the provider', async () => {
		const started = await begin();
		const url = new URL(redirectUriFor(provider.id));
		url.searchParams.set('error', 'access_denied');
		url.searchParams.set('state', started.state);
		const result = await completeSignIn(
			{ providerId: provider.id, callbackUrl: url, cookieState: started.state },
			context
		);
		expect(result).toMatchObject({ failure: { code: 'sso.providerRefused' } });
	});
});
