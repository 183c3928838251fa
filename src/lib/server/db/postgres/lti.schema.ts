// PostgreSQL mirror of ../lti.schema.ts: LMS platforms, the people they launch, login state and
// nonces, deep-linking sessions and the queue of scores sent back to grade books.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { organisation, user } from './auth.schema';
import { timestampMs } from './columns';

export const ltiPlatform = pgTable(
	'lti_platform',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		issuer: text('issuer').notNull(),
		clientId: text('client_id').notNull(),
		deploymentIds: jsonb('deployment_ids').notNull().$type<string[]>(),
		authUrl: text('auth_url').notNull(),
		tokenUrl: text('token_url').notNull(),
		jwksUrl: text('jwks_url').notNull(),
		knownOrigins: jsonb('known_origins')
			.notNull()
			.$type<string[]>()
			.default(sql`'[]'::jsonb`),
		createdAt: timestampMs('created_at').notNull().defaultNow()
	},
	(t) => [uniqueIndex('lti_platform_issuer_client').on(t.issuer, t.clientId)]
);

export const ltiIdentity = pgTable(
	'lti_identity',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		platformId: integer('platform_id')
			.notNull()
			.references(() => ltiPlatform.id, { onDelete: 'cascade' }),
		issuer: text('issuer').notNull(),
		sub: text('sub').notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: timestampMs('created_at').notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('lti_identity_issuer_sub').on(t.issuer, t.sub),
		index('lti_identity_user').on(t.userId)
	]
);

export const ltiLogin = pgTable('lti_login', {
	state: text('state').primaryKey(),
	nonce: text('nonce').notNull(),
	platformId: integer('platform_id')
		.notNull()
		.references(() => ltiPlatform.id, { onDelete: 'cascade' }),
	expiresAt: timestampMs('expires_at').notNull(),
	usedAt: timestampMs('used_at')
});

export const ltiNonce = pgTable(
	'lti_nonce',
	{
		platformId: integer('platform_id')
			.notNull()
			.references(() => ltiPlatform.id, { onDelete: 'cascade' }),
		nonce: text('nonce').notNull(),
		expiresAt: timestampMs('expires_at').notNull()
	},
	(t) => [uniqueIndex('lti_nonce_platform_nonce').on(t.platformId, t.nonce)]
);

export const ltiDeepLink = pgTable('lti_deep_link', {
	tokenHash: text('token_hash').primaryKey(),
	platformId: integer('platform_id')
		.notNull()
		.references(() => ltiPlatform.id, { onDelete: 'cascade' }),
	deploymentId: text('deployment_id').notNull(),
	returnUrl: text('return_url').notNull(),
	data: text('data'),
	acceptMultiple: boolean('accept_multiple').notNull(),
	gradePassback: boolean('grade_passback').notNull(),
	expiresAt: timestampMs('expires_at').notNull()
});

export const ltiGradeTarget = pgTable(
	'lti_grade_target',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		platformId: integer('platform_id')
			.notNull()
			.references(() => ltiPlatform.id, { onDelete: 'cascade' }),
		moduleSlug: text('module_slug').notNull(),
		sub: text('sub').notNull(),
		lineItemUrl: text('line_item_url').notNull(),
		updatedAt: timestampMs('updated_at').notNull().defaultNow()
	},
	(t) => [uniqueIndex('lti_grade_target_user_line').on(t.userId, t.moduleSlug, t.lineItemUrl)]
);

export const ltiScoreOutbox = pgTable(
	'lti_score_outbox',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		platformId: integer('platform_id')
			.notNull()
			.references(() => ltiPlatform.id, { onDelete: 'cascade' }),
		userId: integer('user_id').references(() => user.id, { onDelete: 'set null' }),
		moduleSlug: text('module_slug').notNull(),
		lineItemUrl: text('line_item_url').notNull(),
		sub: text('sub').notNull(),
		scoreGiven: integer('score_given').notNull(),
		scoreMaximum: integer('score_maximum').notNull(),
		submittedAt: timestampMs('submitted_at').notNull(),
		status: text('status', { enum: ['pending', 'sending', 'sent'] })
			.notNull()
			.default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestampMs('next_attempt_at').notNull(),
		lastError: text('last_error'),
		createdAt: timestampMs('created_at').notNull().defaultNow(),
		sentAt: timestampMs('sent_at')
	},
	(t) => [index('lti_score_outbox_due').on(t.status, t.nextAttemptAt)]
);
