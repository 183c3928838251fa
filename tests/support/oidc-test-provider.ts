// The organisation's identity provider in tests and in the local demo: oidc-provider (a
// certified OpenID Provider) on a private port, with its development sign-in pages (any login,
// any password). The login typed is the person's e-mail address; their `sub` is derived from it.
import crypto from 'node:crypto';
import type { Server } from 'node:http';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface TestProvider {
	issuer: string;
	clientId: string;
	clientSecret: string;
	close(): Promise<void>;
}

/** The stable subject the provider gives an address (opaque, as real providers do). */
export function subjectFor(email: string): string {
	return crypto.createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 24);
}

function nameFor(email: string): string {
	return email
		.split('@')[0]
		.split(/[._-]+/)
		.filter(Boolean)
		.map((part) => part[0].toUpperCase() + part.slice(1))
		.join(' ');
}

export async function startTestProvider(options: {
	port: number;
	/** Origin of the Signaalwijs server: its /aanmelden/sso/<id>/terug URLs are accepted. */
	appOrigin: string;
	clientId?: string;
	clientSecret?: string;
	/** More clients with the same secret (tests register one provider per journey). */
	extraClientIds?: string[];
}): Promise<TestProvider> {
	const issuer = `http://127.0.0.1:${options.port}`;
	const clientId = options.clientId ?? 'signaalwijs';
	const clientSecret = options.clientSecret ?? 'test-provider-client-secret';
	const provider = new Provider(issuer, {
		clients: [clientId, ...(options.extraClientIds ?? [])].map((id) => ({
			client_id: id,
			client_secret: clientSecret,
			redirect_uris: [`${options.appOrigin}/aanmelden/sso/1/terug`],
			grant_types: ['authorization_code'],
			response_types: ['code'],
			token_endpoint_auth_method: 'client_secret_post'
		})),
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
		// E-mail and name in the ID token itself, as Entra ID and Google do.
		conformIdTokenClaims: false,
		pkce: { required: () => true },
		cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
		features: { devInteractions: { enabled: true } },
		async findAccount(_ctx: KoaContextWithOIDC, id: string) {
			const email = id.trim().toLowerCase();
			return {
				accountId: id,
				claims: () => ({
					sub: subjectFor(email),
					email,
					email_verified: true,
					name: nameFor(email)
				})
			};
		},
		// A first-party client: consent is implied, so the person sees only the sign-in page.
		async loadExistingGrant(ctx: KoaContextWithOIDC) {
			const oidc = ctx.oidc;
			const grantId =
				oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(oidc.client!.clientId);
			if (grantId) return oidc.provider.Grant.find(grantId);
			const grant = new oidc.provider.Grant({
				clientId: oidc.client!.clientId,
				accountId: oidc.session!.accountId
			});
			grant.addOIDCScope('openid email profile');
			await grant.save();
			return grant;
		}
	});
	// Every provider registered in Signaalwijs gets its own number in the callback path; the
	// test provider accepts any of them on the app's origin.
	const callback = new RegExp(
		`^${options.appOrigin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/aanmelden/sso/[1-9][0-9]*/terug$`
	);
	provider.Client.prototype.redirectUriAllowed = function (value: string) {
		return callback.test(value);
	};
	const server: Server = await new Promise((resolve, reject) => {
		const listening = provider.listen(options.port, '127.0.0.1', () => resolve(listening));
		listening.once('error', reject);
	});
	return {
		issuer,
		clientId,
		clientSecret,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
