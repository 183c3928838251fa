import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { eq } from 'drizzle-orm';
import { db, first } from '../db';
import { membership, user } from '../db/schema';
import { freshDatabase, makeOrganisation, makeUser } from '../testing/testing';
import { getAccess } from '../accounts/access';
import { messages } from '$lib/i18n';
import { startLtiPlatform, type LtiPlatform } from '../../../../tests/support/lti-platform';
import {
	completeLaunch,
	isForbiddenCrossSiteForm,
	listScoreQueue,
	registerPlatform,
	relaxFramingForPlatforms,
	respondToDeepLink,
	startLogin,
	toolJwks
} from './index';
import { claim } from './claims';
import { resetToolKey } from './keys';
import { findPlatform, platformOrigins } from './registrations';
import { verifyIdToken } from './validate';
import { backoffMs, deliverScores, onAssessmentSubmitted, scoresUrl } from './passback';
import type { LtiPlatform as PlatformRow } from '../db/schema';

// A real tool origin serving the tool's real key set, so the test platform can verify the
// tool's signatures over HTTP as an LMS would.
let tool: http.Server;
let platform: LtiPlatform;
let organisation: number;
let row: PlatformRow;
const previous = { origin: process.env.ORIGIN, dataDir: process.env.DATA_DIR };

beforeAll(async () => {
	process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'lti-spec-'));
	resetToolKey();
	tool = http.createServer((req, res) => {
		void toolJwks().then((keys) => {
			res.writeHead(req.url === '/lti/jwks.json' ? 200 : 404, {
				'content-type': 'application/json'
			});
			res.end(JSON.stringify(keys));
		});
	});
	await new Promise<void>((resolve) => tool.listen(0, '127.0.0.1', resolve));
	process.env.ORIGIN = `http://127.0.0.1:${(tool.address() as AddressInfo).port}`;
	platform = await startLtiPlatform({
		toolOrigin: process.env.ORIGIN,
		users: { ana: { sub: 'ana-1', name: 'Ana Peeters', email: 'ana@school.example', roles: [] } }
	});
});

afterAll(async () => {
	await platform.close();
	await new Promise((resolve) => tool.close(resolve));
	process.env.ORIGIN = previous.origin;
	process.env.DATA_DIR = previous.dataDir;
	resetToolKey();
});

beforeEach(async () => {
	await freshDatabase();
	organisation = await makeOrganisation('Sint-Jans');
	const admin = await makeUser({ isAdmin: true });
	await registerPlatform(
		{
			organisationId: organisation,
			name: 'Moodle Sint-Jans',
			issuer: platform.issuer,
			clientId: platform.clientId,
			deploymentIds: [platform.deploymentId],
			authUrl: platform.authUrl,
			tokenUrl: platform.tokenUrl,
			jwksUrl: platform.jwksUrl
		},
		{ id: admin.id }
	);
	row = (await findPlatform(platform.issuer, platform.clientId))!;
});

const lti = 'https://purl.imsglobal.org/spec/lti/claim/';
const instructor = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor';

function launchClaims(nonce: string, extra: JWTPayload = {}): JWTPayload {
	const now = Math.floor(Date.now() / 1000);
	return {
		iss: platform.issuer,
		aud: platform.clientId,
		azp: platform.clientId,
		sub: 'ana-1',
		iat: now,
		exp: now + 300,
		nonce,
		name: 'Ana Peeters',
		email: 'ana@school.example',
		[`${lti}message_type`]: 'LtiResourceLinkRequest',
		[`${lti}version`]: '1.3.0',
		[`${lti}deployment_id`]: platform.deploymentId,
		[`${lti}target_link_uri`]: `${process.env.ORIGIN}/leren/wat-en-hoe`,
		[`${lti}resource_link`]: { id: 'link-1' },
		[`${lti}roles`]: [
			instructor,
			'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator'
		],
		'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
			scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/score'],
			lineitem: `${platform.origin}/lineitems/li-1`
		},
		...extra
	};
}

/** An OIDC login as the browser starts it, then the platform's answer to the launch URL. */
async function launch(extra: JWTPayload = {}, options: { kid?: string } = {}) {
	const login = await startLogin(
		new URLSearchParams({
			iss: platform.issuer,
			login_hint: 'ana',
			target_link_uri: `${process.env.ORIGIN}/leren/wat-en-hoe`,
			client_id: platform.clientId
		})
	);
	if (!login.ok) throw new Error(login.failure.code);
	const nonce = new URL(login.redirectTo).searchParams.get('nonce')!;
	const idToken = await platform.signIdToken(launchClaims(nonce, extra), options);
	const input = { idToken, state: login.state, cookieState: login.state };
	return { input, result: await completeLaunch(input), nonce };
}

const refusal = (result: Awaited<ReturnType<typeof completeLaunch>>) =>
	result.ok ? 'accepted' : result.failure.code;

describe('the OIDC login initiation', () => {
	it('redirects to the platform with state, nonce and the launch URL', async () => {
		const login = await startLogin(
			new URLSearchParams({
				iss: platform.issuer,
				login_hint: 'ana',
				target_link_uri: `${process.env.ORIGIN}/leren/wat-en-hoe`,
				lti_message_hint: 'm1'
			})
		);
		expect(login.ok).toBe(true);
		const url = new URL(login.ok ? login.redirectTo : '');
		expect(url.origin + url.pathname).toBe(platform.authUrl);
		expect(Object.fromEntries(url.searchParams)).toMatchObject({
			scope: 'openid',
			response_type: 'id_token',
			response_mode: 'form_post',
			prompt: 'none',
			client_id: platform.clientId,
			redirect_uri: `${process.env.ORIGIN}/lti/launch`,
			login_hint: 'ana',
			lti_message_hint: 'm1'
		});
		expect(url.searchParams.get('nonce')).toMatch(/^[a-z0-9]{32}$/);
	});

	it('refuses an unknown issuer, a foreign target link and an unknown deployment', async () => {
		const base = {
			iss: platform.issuer,
			login_hint: 'ana',
			target_link_uri: `${process.env.ORIGIN}/leren/wat-en-hoe`
		};
		const code = async (params: Record<string, string>) => {
			const r = await startLogin(new URLSearchParams(params));
			return r.ok ? 'accepted' : r.failure.code;
		};
		expect(await code({ ...base, iss: 'https://other.example' })).toBe('lti.unknownPlatform');
		expect(await code({ ...base, target_link_uri: 'https://evil.example/leren' })).toBe(
			'lti.targetLink'
		);
		expect(await code({ ...base, lti_deployment_id: 'nope' })).toBe('lti.unknownDeployment');
		expect(await code({ iss: platform.issuer })).toBe('lti.login');
	});
});

describe('the launch', () => {
	it('signs the person in as a learner of the platform organisation, whatever their LMS role', async () => {
		const { result } = await launch();
		expect(result.ok && result.kind).toBe('resourceLink');
		if (!result.ok || result.kind !== 'resourceLink') return;
		expect(result.redirectTo).toBe('/leren/wat-en-hoe');
		const person = (await first(db.select().from(user).where(eq(user.id, result.userId))))!;
		expect(person).toMatchObject({
			name: 'Ana Peeters',
			email: 'ana@school.example',
			isAdmin: false
		});
		const roles = await db.select().from(membership).where(eq(membership.userId, result.userId));
		expect(roles.map((r) => [r.organisationId, r.role])).toEqual([[organisation, 'learner']]);
		expect((await getAccess(person)).roles).toEqual(['learner']);
		// The same (issuer, sub) finds the same account next time.
		const again = await launch();
		expect(again.result.ok && again.result.kind === 'resourceLink' && again.result.userId).toBe(
			result.userId
		);
	});

	it('learns the LMS origins its signed launches name, for framing and the deep-linking answer', async () => {
		expect(await platformOrigins()).toEqual([platform.origin]);
		const { result } = await launch({
			[`${lti}launch_presentation`]: { return_url: 'https://school.lms.example/course/7' }
		});
		expect(result.ok).toBe(true);
		expect(await platformOrigins()).toEqual([platform.origin, 'https://school.lms.example'].sort());
		// A refused launch teaches nothing.
		await launch({
			aud: 'other-tool',
			[`${lti}launch_presentation`]: { return_url: 'https://evil.example/x' }
		});
		expect(await platformOrigins()).not.toContain('https://evil.example');
	});

	it('does not take over an account that already uses the e-mail address', async () => {
		const existing = await makeUser({ email: 'ana@school.example' });
		const { result } = await launch();
		if (!result.ok || result.kind !== 'resourceLink') throw new Error('refused');
		expect(result.userId).not.toBe(existing.id);
		const person = (await first(db.select().from(user).where(eq(user.id, result.userId))))!;
		expect(person.email).toMatch(/@lti\.invalid$/);
	});

	it('refuses a token for another audience', async () => {
		expect(refusal((await launch({ aud: 'other-tool', azp: 'other-tool' })).result)).toBe(
			'lti.wrongAudience'
		);
		expect(
			refusal((await launch({ aud: [platform.clientId, 'other'], azp: undefined })).result)
		).toBe('lti.wrongAudience');
		expect(refusal((await launch({ azp: 'other-tool' })).result)).toBe('lti.wrongAudience');
	});

	it('refuses a replayed launch and a replayed nonce', async () => {
		const first = await launch();
		expect(first.result.ok).toBe(true);
		expect(refusal(await completeLaunch(first.input))).toBe('lti.replayed');
		const token = await platform.signIdToken(launchClaims(first.nonce));
		const verified = await verifyIdToken(token, row, { expectedNonce: first.nonce });
		expect(verified.ok ? 'accepted' : verified.failure.code).toBe('lti.replayed');
	});

	it('refuses a token whose nonce is not the one this login expects', async () => {
		expect(refusal((await launch({ nonce: 'another-nonce' })).result)).toBe('lti.nonce');
	});

	it('refuses an unknown deployment', async () => {
		expect(refusal((await launch({ [`${lti}deployment_id`]: 'deployment-9' })).result)).toBe(
			'lti.unknownDeployment'
		);
	});

	it('refuses an expired token and one issued too long ago', async () => {
		const now = Math.floor(Date.now() / 1000);
		expect(refusal((await launch({ iat: now - 900, exp: now - 600 })).result)).toBe('lti.expired');
		expect(refusal((await launch({ iat: now - 3600, exp: now + 300 })).result)).toBe('lti.expired');
	});

	it('refuses a wrong message type, a wrong version and a foreign target link', async () => {
		expect(
			refusal((await launch({ [`${lti}message_type`]: 'LtiSubmissionReviewRequest' })).result)
		).toBe('lti.wrongMessageType');
		expect(refusal((await launch({ [`${lti}version`]: '1.1' })).result)).toBe('lti.wrongVersion');
		expect(
			refusal((await launch({ [`${lti}target_link_uri`]: 'https://evil.example/x' })).result)
		).toBe('lti.targetLink');
	});

	it('refuses a wrong issuer, a bad signature and alg none', async () => {
		expect(refusal((await launch({ iss: 'https://other.example' })).result)).toBe(
			'lti.wrongIssuer'
		);
		expect(refusal((await launch({}, { kid: 'unknown-key' })).result)).toBe('lti.badSignature');
		const login = await startLogin(
			new URLSearchParams({
				iss: platform.issuer,
				login_hint: 'ana',
				target_link_uri: `${process.env.ORIGIN}/leren/wat-en-hoe`
			})
		);
		if (!login.ok) throw new Error('login');
		const nonce = new URL(login.redirectTo).searchParams.get('nonce')!;
		const signed = await platform.signIdToken(launchClaims(nonce));
		const [, payload, signature] = signed.split('.');
		const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
		const tampered = `${signed.split('.')[0]}.${Buffer.from(
			JSON.stringify({ ...launchClaims(nonce), sub: 'someone-else' })
		).toString('base64url')}.${signature}`;
		for (const idToken of [none, tampered]) {
			const r = await verifyIdToken(idToken, row, { expectedNonce: nonce });
			expect(r.ok ? 'accepted' : r.failure.code).toBe('lti.badSignature');
		}
	});

	it('refuses a state this browser did not start, and stores nothing', async () => {
		const login = await startLogin(
			new URLSearchParams({
				iss: platform.issuer,
				login_hint: 'ana',
				target_link_uri: `${process.env.ORIGIN}/leren/wat-en-hoe`
			})
		);
		if (!login.ok) throw new Error('login');
		const nonce = new URL(login.redirectTo).searchParams.get('nonce')!;
		const idToken = await platform.signIdToken(launchClaims(nonce));
		const users = (await db.select().from(user)).length;
		expect(
			refusal(await completeLaunch({ idToken, state: login.state, cookieState: undefined }))
		).toBe('lti.state');
		expect(await db.select().from(user)).toHaveLength(users);
	});
});

describe('deep linking', () => {
	it('answers with a response the platform can verify against the tool key set', async () => {
		const login = await startLogin(
			new URLSearchParams({
				iss: platform.issuer,
				login_hint: 'ana',
				target_link_uri: `${process.env.ORIGIN}/lti/launch`
			})
		);
		if (!login.ok) throw new Error('login');
		const nonce = new URL(login.redirectTo).searchParams.get('nonce')!;
		const idToken = await platform.signIdToken(
			launchClaims(nonce, {
				[`${lti}message_type`]: 'LtiDeepLinkingRequest',
				[`${lti}resource_link`]: undefined,
				[claim.deepLinkingSettings]: {
					deep_link_return_url: `${platform.origin}/deep-link-return`,
					accept_types: ['ltiResourceLink'],
					accept_multiple: true,
					data: 'opaque'
				}
			})
		);
		const result = await completeLaunch({ idToken, state: login.state, cookieState: login.state });
		if (!result.ok || result.kind !== 'deepLinking') throw new Error('not a deep link');
		// Module 1 is in the shipped course: make sure its version row exists.
		const { syncCourse } = await import('../testing/testing');
		await syncCourse();
		const answer = await respondToDeepLink(result.token, ['wat-en-hoe']);
		if (!answer.ok) throw new Error(answer.failure.code);
		expect(answer.returnUrl).toBe(`${platform.origin}/deep-link-return`);
		const { payload } = await jwtVerify(
			answer.jwt,
			createRemoteJWKSet(new URL(`${process.env.ORIGIN}/lti/jwks.json`)),
			{ issuer: platform.clientId, audience: platform.issuer }
		);
		expect(payload[claim.messageType]).toBe('LtiDeepLinkingResponse');
		expect(payload[claim.data]).toBe('opaque');
		expect(payload[claim.contentItems]).toEqual([
			expect.objectContaining({
				type: 'ltiResourceLink',
				title: 'Tienerpooiers: wat en hoe',
				url: `${process.env.ORIGIN}/leren/wat-en-hoe`,
				lineItem: expect.objectContaining({ scoreMaximum: 100 })
			})
		]);
		// Used once.
		const second = await respondToDeepLink(result.token, ['wat-en-hoe']);
		expect(second.ok ? 'accepted' : second.failure.code).toBe('lti.deepLinkExpired');
	});
});

describe('grade passback', () => {
	it('queues the percentage, survives a platform that is down and delivers it later', async () => {
		const { result } = await launch();
		if (!result.ok || result.kind !== 'resourceLink') throw new Error('refused');
		expect(
			await onAssessmentSubmitted({
				userId: result.userId,
				slug: 'wat-en-hoe',
				score: 7,
				maxScore: 8,
				now: Date.now()
			})
		).toBe(1);
		platform.failScores(1);
		const before = platform.scores.length;
		expect(await deliverScores()).toBe(0);
		const [waiting] = await listScoreQueue();
		expect(waiting).toMatchObject({ status: 'pending', attempts: 1, scoreGiven: 88 });
		expect(waiting.lastError).toBe('score-refused:503');
		// Not due yet: the back-off holds it back.
		expect(await deliverScores()).toBe(0);
		expect(await deliverScores({ now: new Date(Date.now() + backoffMs(1) + 1000) })).toBe(1);
		expect(platform.scores.slice(before)).toEqual([
			expect.objectContaining({
				lineItemId: 'li-1',
				userId: 'ana-1',
				scoreGiven: 88,
				scoreMaximum: 100,
				activityProgress: 'Completed',
				gradingProgress: 'FullyGraded'
			})
		]);
		expect((await listScoreQueue())[0].status).toBe('sent');
		expect(platform.assertions.at(-1)).toMatchObject({
			iss: platform.clientId,
			sub: platform.clientId,
			aud: platform.tokenUrl
		});
	});

	it('an LMS that cannot be reached keeps the score waiting, with a reason in Dutch', async () => {
		const { result } = await launch();
		if (!result.ok || result.kind !== 'resourceLink') throw new Error('refused');
		await onAssessmentSubmitted({
			userId: result.userId,
			slug: 'wat-en-hoe',
			score: 4,
			maxScore: 8,
			now: Date.now()
		});
		const unreachable = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
		expect(await deliverScores({ fetcher: unreachable })).toBe(0);
		const [waiting] = await listScoreQueue();
		expect(waiting).toMatchObject({ status: 'pending', lastError: 'unreachable' });
		const words = messages.lti.admin.deliveryError;
		expect(words(waiting.lastError ?? '')).toBe('De leeromgeving was niet bereikbaar.');
		expect(words('score-refused:503')).toBe(
			'De leeromgeving weigerde het resultaat (HTTP-status 503).'
		);
		expect(words('platform-gone')).toBe('Deze leeromgeving is niet meer geregistreerd.');
	});

	it('queues nothing for a learner who never came from an LMS', async () => {
		const learner = await makeUser();
		expect(
			await onAssessmentSubmitted({
				userId: learner.id,
				slug: 'wat-en-hoe',
				score: 8,
				maxScore: 8,
				now: Date.now()
			})
		).toBe(0);
		expect(await listScoreQueue()).toEqual([]);
	});

	it('backs off exponentially up to six hours', () => {
		expect([1, 2, 3, 30].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 6 * 3600_000]);
		expect(scoresUrl('https://lms.example/ags/items/4?type=x')).toBe(
			'https://lms.example/ags/items/4/scores?type=x'
		);
	});
});

describe('the HTTP edges', () => {
	const post = (path: string, origin: string, type = 'application/x-www-form-urlencoded') =>
		new Request(`http://127.0.0.1:4000${path}`, {
			method: 'POST',
			headers: { origin, 'content-type': type }
		});
	const here = new URL('http://127.0.0.1:4000/');

	it('lets the LMS post to the two LTI endpoints only', () => {
		const lms = 'https://lms.example';
		expect(isForbiddenCrossSiteForm(post('/lti/launch', lms), new URL('/lti/launch', here))).toBe(
			false
		);
		expect(isForbiddenCrossSiteForm(post('/lti/login', lms), new URL('/lti/login', here))).toBe(
			false
		);
		expect(isForbiddenCrossSiteForm(post('/lti/kiezen', lms), new URL('/lti/kiezen', here))).toBe(
			true
		);
		expect(
			isForbiddenCrossSiteForm(post('/aanmelden', lms, 'text/plain'), new URL('/aanmelden', here))
		).toBe(true);
		expect(isForbiddenCrossSiteForm(post('/aanmelden', 'null'), new URL('/aanmelden', here))).toBe(
			true
		);
		const binary = post('/leren', lms, 'Application/X-SvelteKit-FormData');
		expect(isForbiddenCrossSiteForm(binary, new URL('/leren', here))).toBe(true);
		const json = post('/aanmelden', lms, 'application/json');
		expect(isForbiddenCrossSiteForm(json, new URL('/aanmelden', here))).toBe(false);
		expect(
			isForbiddenCrossSiteForm(post('/aanmelden', here.origin), new URL('/aanmelden', here))
		).toBe(false);
	});

	it('accepts a page’s own form posted with Origin null only when the browser says same-origin', () => {
		// A token page (Referrer-Policy: no-referrer) posts its form without scripts: Chromium sends
		// `Origin: null` and `Sec-Fetch-Site: same-origin`.
		const own = (site?: string) =>
			new Request('http://127.0.0.1:4000/registreren/abc', {
				method: 'POST',
				headers: {
					origin: 'null',
					'content-type': 'application/x-www-form-urlencoded',
					...(site ? { 'sec-fetch-site': site } : {})
				}
			});
		const url = new URL('/registreren/abc', here);
		expect(isForbiddenCrossSiteForm(own('same-origin'), url)).toBe(false);
		expect(isForbiddenCrossSiteForm(own('same-site'), url)).toBe(true);
		expect(isForbiddenCrossSiteForm(own('cross-site'), url)).toBe(true);
		expect(isForbiddenCrossSiteForm(own(), url)).toBe(true);
	});

	it('lets only the registered platforms frame the LTI pages', async () => {
		const headers = new Headers({
			'content-security-policy': "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
			'x-frame-options': 'DENY'
		});
		await relaxFramingForPlatforms(headers, ['https://lms.example']);
		expect(headers.get('content-security-policy')).toBe(
			"default-src 'self'; frame-ancestors 'self' https://lms.example; form-action 'self' https://lms.example"
		);
		expect(headers.has('x-frame-options')).toBe(false);
	});
});
