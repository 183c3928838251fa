// A hand-made OpenID provider for refusal tests: it serves discovery, a key set and a token
// endpoint that answers with whatever ID token the test forges (signed with jose, or not signed
// at all). The relying party's checks stay openid-client's; only the provider's answer is forged.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

export interface ForgedIdp {
	issuer: string;
	/** The next token endpoint answer's ID token: claims, or a raw string (e.g. alg none). */
	answerWith(token: JWTPayload | string): void;
	/** Signs claims with the provider's key (or a stranger's) as a token endpoint would. */
	sign(claims: JWTPayload, options?: { stranger?: boolean }): Promise<string>;
	close(): Promise<void>;
}

export async function startForgedIdp(): Promise<ForgedIdp> {
	const keys = await generateKeyPair('RS256', { extractable: true });
	const stranger = await generateKeyPair('RS256', { extractable: true });
	const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
	let next: JWTPayload | string = {};
	let issuer = '';
	const sign = (claims: JWTPayload, options: { stranger?: boolean } = {}) =>
		new SignJWT(claims)
			.setProtectedHeader({ alg: 'RS256', kid: 'k1' })
			.sign(options.stranger ? stranger.privateKey : keys.privateKey);
	const server = http.createServer((req, res) => {
		const json = (body: unknown) => {
			res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
			res.end(JSON.stringify(body));
		};
		const url = new URL(req.url ?? '/', issuer);
		if (url.pathname === '/.well-known/openid-configuration') {
			json({
				issuer,
				authorization_endpoint: `${issuer}/auth`,
				token_endpoint: `${issuer}/token`,
				jwks_uri: `${issuer}/jwks`,
				response_types_supported: ['code'],
				subject_types_supported: ['public'],
				id_token_signing_alg_values_supported: ['RS256']
			});
		} else if (url.pathname === '/jwks') {
			json({ keys: [jwk] });
		} else if (url.pathname === '/token' && req.method === 'POST') {
			req.resume();
			req.on('end', () => {
				void (typeof next === 'string' ? Promise.resolve(next) : sign(next)).then((idToken) =>
					json({ access_token: 'at', token_type: 'Bearer', expires_in: 60, id_token: idToken })
				);
			});
		} else {
			res.writeHead(404);
			res.end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		issuer,
		answerWith(token) {
			next = token;
		},
		sign,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
