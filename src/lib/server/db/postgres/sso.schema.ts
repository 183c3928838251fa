// PostgreSQL mirror of ../sso.schema.ts: each organisation's OpenID Connect providers, the
// people they vouch for (issuer + sub), sign-ins in flight and first sign-ins waiting for a choice.
import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { organisation, user } from './auth.schema';
import { timestampMs } from './columns';

export const ssoProvider = pgTable(
	'sso_provider',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		issuer: text('issuer').notNull(),
		clientId: text('client_id').notNull(),
		/** Sealed with the key that protects TOTP keys (accounts/auth/secret-box.ts). */
		clientSecretSealed: text('client_secret_sealed').notNull(),
		/** Lower-case e-mail domains this provider vouches for. */
		domains: jsonb('domains').notNull().$type<string[]>(),
		createdAt: timestampMs('created_at').notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('sso_provider_issuer_client').on(t.issuer, t.clientId),
		index('sso_provider_organisation').on(t.organisationId)
	]
);

export const ssoIdentity = pgTable(
	'sso_identity',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		providerId: integer('provider_id')
			.notNull()
			.references(() => ssoProvider.id, { onDelete: 'cascade' }),
		issuer: text('issuer').notNull(),
		sub: text('sub').notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: timestampMs('created_at').notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('sso_identity_issuer_sub').on(t.issuer, t.sub),
		index('sso_identity_user').on(t.userId)
	]
);

export const ssoLogin = pgTable('sso_login', {
	stateHash: text('state_hash').primaryKey(),
	providerId: integer('provider_id')
		.notNull()
		.references(() => ssoProvider.id, { onDelete: 'cascade' }),
	codeVerifier: text('code_verifier').notNull(),
	nonce: text('nonce').notNull(),
	redirectTo: text('redirect_to').notNull().default(''),
	expiresAt: timestampMs('expires_at').notNull()
});

export const ssoPending = pgTable('sso_pending', {
	tokenHash: text('token_hash').primaryKey(),
	providerId: integer('provider_id')
		.notNull()
		.references(() => ssoProvider.id, { onDelete: 'cascade' }),
	sub: text('sub').notNull(),
	email: text('email').notNull(),
	name: text('name').notNull(),
	expiresAt: timestampMs('expires_at').notNull()
});
