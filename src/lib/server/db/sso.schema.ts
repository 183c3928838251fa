// OpenID Connect single sign-on: each organisation's identity providers, the people they
// vouch for (issuer + sub), sign-ins in flight and first sign-ins waiting for a choice.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisation, user } from './auth.schema';

const now = sql`(unixepoch('subsec') * 1000)`;

export const ssoProvider = sqliteTable(
	'sso_provider',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		issuer: text('issuer').notNull(),
		clientId: text('client_id').notNull(),
		/** Sealed with the key that protects TOTP keys (accounts/auth/secret-box.ts). */
		clientSecretSealed: text('client_secret_sealed').notNull(),
		/** Lower-case e-mail domains this provider vouches for. */
		domains: text('domains', { mode: 'json' }).notNull().$type<string[]>(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [
		uniqueIndex('sso_provider_issuer_client').on(t.issuer, t.clientId),
		index('sso_provider_organisation').on(t.organisationId)
	]
);

/** A person as their organisation's provider knows them, linked to one account. */
export const ssoIdentity = sqliteTable(
	'sso_identity',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		providerId: integer('provider_id')
			.notNull()
			.references(() => ssoProvider.id, { onDelete: 'cascade' }),
		issuer: text('issuer').notNull(),
		sub: text('sub').notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [
		uniqueIndex('sso_identity_issuer_sub').on(t.issuer, t.sub),
		index('sso_identity_user').on(t.userId)
	]
);

/**
 * A sign-in in flight: keyed by a digest of the state the browser's cookie holds; the PKCE
 * verifier and nonce never leave the server.
 */
export const ssoLogin = sqliteTable('sso_login', {
	stateHash: text('state_hash').primaryKey(),
	providerId: integer('provider_id')
		.notNull()
		.references(() => ssoProvider.id, { onDelete: 'cascade' }),
	codeVerifier: text('code_verifier').notNull(),
	nonce: text('nonce').notNull(),
	redirectTo: text('redirect_to').notNull().default(''),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
});

/** A first sign-in with no account yet: waits for the person to pick leerkracht or hulpverlener. */
export const ssoPending = sqliteTable('sso_pending', {
	tokenHash: text('token_hash').primaryKey(),
	providerId: integer('provider_id')
		.notNull()
		.references(() => ssoProvider.id, { onDelete: 'cascade' }),
	sub: text('sub').notNull(),
	email: text('email').notNull(),
	name: text('name').notNull(),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
});

export type SsoProvider = typeof ssoProvider.$inferSelect;
export type SsoIdentity = typeof ssoIdentity.$inferSelect;
