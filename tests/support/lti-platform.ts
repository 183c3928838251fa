// A small LTI 1.3 platform (an LMS) for the tests, written from the 1EdTech specifications:
// LTI Core 1.3 (OIDC third-party-initiated login, signed ID tokens from its own key set),
// Deep Linking 2.0 (a return endpoint that verifies the tool's signed response against the
// tool's key set) and AGS 2.0 (a token endpoint that verifies the tool's JWT client assertion,
// RFC 7523, and a line-item score endpoint that records scores and can be told to fail).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
	SignJWT,
	createRemoteJWKSet,
	exportJWK,
	generateKeyPair,
	jwtVerify,
	type JWK,
	type JWTPayload
} from 'jose';

const lti = 'https://purl.imsglobal.org/spec/lti/claim/';
const scoreScope = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';

export interface PlatformUser {
	sub: string;
	name?: string;
	email?: string;
	roles: string[];
}

export interface CourseLink {
	id: string;
	title: string;
	url: string;
	lineItemId: string | null;
}

export interface RecordedScore {
	lineItemId: string;
	userId: string;
	scoreGiven: number;
	scoreMaximum: number;
	activityProgress: string;
	gradingProgress: string;
	timestamp: string;
}

/** Ways the next ID token can be wrong, for the refusal journeys. */
export type Tamper =
	'wrongAudience' | 'unknownDeployment' | 'expired' | 'wrongMessageType' | 'badSignature';

export interface LtiPlatform {
	origin: string;
	issuer: string;
	clientId: string;
	deploymentId: string;
	authUrl: string;
	tokenUrl: string;
	jwksUrl: string;
	/** The course's links as deep linking placed them. */
	links: CourseLink[];
	scores: RecordedScore[];
	/** Client assertions the token endpoint accepted (their payloads). */
	assertions: JWTPayload[];
	/** Deep-linking responses the return endpoint accepted (their payloads). */
	deepLinkResponses: JWTPayload[];
	/** Answer the next `n` score posts with 503. */
	failScores(n: number): void;
	/** Make the next ID token wrong in one way. */
	tamperNext(kind: Tamper): void;
	/** Sign an ID token with the platform's key (the unit tests build launches with it). */
	signIdToken(claims: JWTPayload, options?: { kid?: string }): Promise<string>;
	/** The URL a browser opens to start a launch (OIDC login initiation at the tool). */
	launchUrl(input: { user: string; link?: string; deepLinking?: boolean }): string;
	close(): Promise<void>;
}

function html(title: string, body: string): string {
	return `<!doctype html><html lang="nl-BE"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
}

function escape(value: string): string {
	return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function autoPost(action: string, fields: Record<string, string>): string {
	const inputs = Object.entries(fields)
		.map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
		.join('');
	return html(
		'Doorsturen',
		`<form id="f" method="post" action="${escape(action)}">${inputs}<button type="submit">Verder</button></form><script>document.getElementById('f').submit()</script>`
	);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export async function startLtiPlatform(options: {
	toolOrigin: string;
	users: Record<string, PlatformUser>;
	port?: number;
	clientId?: string;
	deploymentId?: string;
}): Promise<LtiPlatform> {
	const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
	const otherKey = await generateKeyPair('RS256');
	const kid = 'platform-key-1';
	const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
	const clientId = options.clientId ?? 'signaalwijs-tool';
	const deploymentId = options.deploymentId ?? 'deployment-1';
	const toolJwks = createRemoteJWKSet(new URL(`${options.toolOrigin}/lti/jwks.json`));
	const toolLaunchUrl = `${options.toolOrigin}/lti/launch`;

	const links: CourseLink[] = [];
	const scores: RecordedScore[] = [];
	const assertions: JWTPayload[] = [];
	const deepLinkResponses: JWTPayload[] = [];
	const accessTokens = new Set<string>();
	const usedJtis = new Set<string>();
	const messageHints = new Map<string, { user: string; link?: string; deepLinking: boolean }>();
	let failing = 0;
	let tamper: Tamper | null = null;
	let origin = '';

	const signIdToken = async (claims: JWTPayload, opts: { kid?: string } = {}) =>
		new SignJWT(claims)
			.setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? kid, typ: 'JWT' })
			.sign(privateKey);

	async function idTokenFor(
		hint: { user: string; link?: string; deepLinking: boolean },
		nonce: string
	): Promise<string> {
		const user = options.users[hint.user];
		const now = Math.floor(Date.now() / 1000);
		const link = links.find((l) => l.id === hint.link);
		const kind = tamper;
		tamper = null;
		const claims: JWTPayload = {
			iss: origin,
			aud: kind === 'wrongAudience' ? 'another-tool' : clientId,
			azp: kind === 'wrongAudience' ? 'another-tool' : clientId,
			sub: user.sub,
			iat: kind === 'expired' ? now - 3600 : now,
			exp: kind === 'expired' ? now - 3000 : now + 300,
			nonce,
			...(user.name ? { name: user.name } : {}),
			...(user.email ? { email: user.email } : {}),
			[`${lti}version`]: '1.3.0',
			[`${lti}deployment_id`]: kind === 'unknownDeployment' ? 'deployment-unknown' : deploymentId,
			[`${lti}roles`]: user.roles,
			[`${lti}context`]: { id: 'course-1', title: 'Cursus signalen herkennen' }
		};
		if (hint.deepLinking) {
			Object.assign(claims, {
				[`${lti}message_type`]: 'LtiDeepLinkingRequest',
				[`${lti}target_link_uri`]: toolLaunchUrl,
				'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': {
					deep_link_return_url: `${origin}/deep-link-return`,
					accept_types: ['ltiResourceLink'],
					accept_presentation_document_targets: ['window', 'iframe'],
					accept_multiple: true,
					data: 'course-1-placement'
				},
				'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
					scope: [scoreScope, 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem'],
					lineitems: `${origin}/lineitems`
				}
			});
		} else {
			if (!link) throw new Error(`no course link ${hint.link}`);
			Object.assign(claims, {
				[`${lti}message_type`]:
					kind === 'wrongMessageType' ? 'LtiSubmissionReviewRequest' : 'LtiResourceLinkRequest',
				[`${lti}target_link_uri`]: link.url,
				[`${lti}resource_link`]: { id: link.id, title: link.title },
				...(link.lineItemId
					? {
							'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
								scope: [scoreScope],
								lineitem: `${origin}/lineitems/${link.lineItemId}`
							}
						}
					: {})
			});
		}
		if (kind === 'badSignature') {
			return new SignJWT(claims)
				.setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
				.sign(otherKey.privateKey);
		}
		return signIdToken(claims);
	}

	async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', origin);
		const send = (status: number, body: string, type = 'text/html; charset=utf-8') => {
			res.writeHead(status, { 'content-type': type });
			res.end(body);
		};
		if (req.method === 'GET' && url.pathname === '/jwks') {
			return send(200, JSON.stringify({ keys: [publicJwk] }), 'application/json');
		}
		if (req.method === 'GET' && url.pathname === '/course') {
			const items = links
				.map((l) => `<li><a href="${escape(l.id)}">${escape(l.title)}</a></li>`)
				.join('');
			return send(200, html('Cursus signalen herkennen', `<ul>${items}</ul>`));
		}
		if (req.method === 'GET' && url.pathname === '/frame') {
			// The course page with a tool link shown inside an iframe, as many LMSs do.
			const src = url.searchParams.get('src') ?? '';
			return send(
				200,
				html(
					'Cursus in kader',
					`<iframe title="Signaalwijs" src="${escape(src)}" width="800" height="500"></iframe>`
				)
			);
		}
		// OIDC authorisation endpoint (LTI Core 1.3, section 5.1.1.2): answers with a form post.
		if ((req.method === 'GET' || req.method === 'POST') && url.pathname === '/auth') {
			const params =
				req.method === 'POST' ? new URLSearchParams(await readBody(req)) : url.searchParams;
			const hint = messageHints.get(params.get('lti_message_hint') ?? '');
			const problems = [
				params.get('scope') !== 'openid' && 'scope',
				params.get('response_type') !== 'id_token' && 'response_type',
				params.get('response_mode') !== 'form_post' && 'response_mode',
				params.get('prompt') !== 'none' && 'prompt',
				params.get('client_id') !== clientId && 'client_id',
				params.get('redirect_uri') !== toolLaunchUrl && 'redirect_uri',
				!params.get('nonce') && 'nonce',
				!params.get('state') && 'state',
				(!hint || params.get('login_hint') !== hint.user) && 'login_hint'
			].filter(Boolean);
			if (problems.length > 0 || !hint) {
				return send(400, html('Ongeldige aanvraag', `<p>${problems.join(', ')}</p>`));
			}
			const idToken = await idTokenFor(hint, params.get('nonce')!);
			return send(200, autoPost(toolLaunchUrl, { id_token: idToken, state: params.get('state')! }));
		}
		// Deep Linking 2.0 return: the tool's response must be signed by the tool's own key.
		if (req.method === 'POST' && url.pathname === '/deep-link-return') {
			const form = new URLSearchParams(await readBody(req));
			try {
				const { payload } = await jwtVerify(form.get('JWT') ?? '', toolJwks, {
					algorithms: ['RS256'],
					issuer: clientId,
					audience: origin,
					maxTokenAge: '5m'
				});
				if (payload[`${lti}message_type`] !== 'LtiDeepLinkingResponse') throw new Error('type');
				if (payload[`${lti}version`] !== '1.3.0') throw new Error('version');
				if (payload[`${lti}deployment_id`] !== deploymentId) throw new Error('deployment');
				if (typeof payload.nonce !== 'string') throw new Error('nonce');
				if (payload['https://purl.imsglobal.org/spec/lti-dl/claim/data'] !== 'course-1-placement') {
					throw new Error('data');
				}
				const items = payload['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'];
				if (!Array.isArray(items)) throw new Error('content_items');
				deepLinkResponses.push(payload);
				for (const item of items as Record<string, unknown>[]) {
					if (item.type !== 'ltiResourceLink') continue;
					const id = `link-${links.length + 1}`;
					const lineItem = item.lineItem as { scoreMaximum?: number } | undefined;
					links.push({
						id,
						title: String(item.title),
						url: String(item.url),
						lineItemId: lineItem?.scoreMaximum === 100 ? `li-${links.length + 1}` : null
					});
				}
				const titles = links.map((l) => `<li>${escape(l.title)}</li>`).join('');
				return send(200, html('Inhoud toegevoegd', `<ul>${titles}</ul>`));
			} catch (error) {
				return send(400, html('Antwoord geweigerd', `<p>${escape(String(error))}</p>`));
			}
		}
		// OAuth 2 client credentials with a JWT client assertion (RFC 7523; AGS 2.0, LTI Security).
		if (req.method === 'POST' && url.pathname === '/token') {
			const form = new URLSearchParams(await readBody(req));
			try {
				if (form.get('grant_type') !== 'client_credentials') throw new Error('grant_type');
				if (
					form.get('client_assertion_type') !==
					'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
				) {
					throw new Error('client_assertion_type');
				}
				const { payload } = await jwtVerify(form.get('client_assertion') ?? '', toolJwks, {
					algorithms: ['RS256'],
					issuer: clientId,
					subject: clientId,
					audience: `${origin}/token`,
					maxTokenAge: '5m',
					requiredClaims: ['jti', 'exp', 'iat']
				});
				if (usedJtis.has(payload.jti!)) throw new Error('jti replayed');
				usedJtis.add(payload.jti!);
				const scopes = (form.get('scope') ?? '').split(' ');
				if (!scopes.includes(scoreScope)) throw new Error('scope');
				assertions.push(payload);
				const token = crypto.randomUUID();
				accessTokens.add(token);
				return send(
					200,
					JSON.stringify({
						access_token: token,
						token_type: 'Bearer',
						expires_in: 3600,
						scope: scoreScope
					}),
					'application/json'
				);
			} catch (error) {
				return send(
					400,
					JSON.stringify({ error: 'invalid_client', error_description: String(error) }),
					'application/json'
				);
			}
		}
		const scoreMatch = url.pathname.match(/^\/lineitems\/([\w-]+)\/scores$/);
		if (req.method === 'POST' && scoreMatch) {
			const auth = req.headers.authorization ?? '';
			if (!auth.startsWith('Bearer ') || !accessTokens.has(auth.slice(7))) {
				return send(401, '{}', 'application/json');
			}
			if (req.headers['content-type'] !== 'application/vnd.ims.lis.v1.score+json') {
				return send(415, '{}', 'application/json');
			}
			const body = await readBody(req);
			if (failing > 0) {
				failing--;
				return send(503, '{}', 'application/json');
			}
			const score = JSON.parse(body) as Omit<RecordedScore, 'lineItemId'>;
			scores.push({ lineItemId: scoreMatch[1], ...score });
			return send(200, '{}', 'application/json');
		}
		send(404, html('Niet gevonden', ''));
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			res.writeHead(500, { 'content-type': 'text/plain' });
			res.end(String(error));
		});
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	let hints = 0;

	return {
		origin,
		issuer: origin,
		clientId,
		deploymentId,
		authUrl: `${origin}/auth`,
		tokenUrl: `${origin}/token`,
		jwksUrl: `${origin}/jwks`,
		links,
		scores,
		assertions,
		deepLinkResponses,
		failScores: (n) => void (failing = n),
		tamperNext: (kind) => void (tamper = kind),
		signIdToken,
		launchUrl({ user, link, deepLinking = false }) {
			const hint = `hint-${++hints}`;
			messageHints.set(hint, { user, link, deepLinking });
			const target = deepLinking
				? toolLaunchUrl
				: (links.find((l) => l.id === link)?.url ?? `${options.toolOrigin}/leren`);
			const params = new URLSearchParams({
				iss: origin,
				login_hint: user,
				target_link_uri: target,
				lti_message_hint: hint,
				client_id: clientId,
				lti_deployment_id: deploymentId
			});
			return `${options.toolOrigin}/lti/login?${params.toString()}`;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
