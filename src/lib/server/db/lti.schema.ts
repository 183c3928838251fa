// LTI 1.3: the registered LMS platforms, the people they launch, single-use login state and
// nonces, deep-linking sessions and the durable queue of scores sent back to grade books.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisation, user } from './auth.schema';

const now = sql`(unixepoch('subsec') * 1000)`;

export const ltiPlatform = sqliteTable(
	'lti_platform',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		issuer: text('issuer').notNull(),
		clientId: text('client_id').notNull(),
		deploymentIds: text('deployment_ids', { mode: 'json' }).notNull().$type<string[]>(),
		authUrl: text('auth_url').notNull(),
		tokenUrl: text('token_url').notNull(),
		jwksUrl: text('jwks_url').notNull(),
		/**
		 * Other origins of this LMS learned from its signed launches (the deep-linking return URL,
		 * the launch's return URL): a Canvas issuer is not the school's own Canvas address.
		 */
		knownOrigins: text('known_origins', { mode: 'json' })
			.notNull()
			.$type<string[]>()
			.default(sql`'[]'`),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [uniqueIndex('lti_platform_issuer_client').on(t.issuer, t.clientId)]
);

/** A person as the LMS knows them (issuer + sub), linked to one Signaalwijs account. */
export const ltiIdentity = sqliteTable(
	'lti_identity',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		platformId: integer('platform_id')
			.notNull()
			.references(() => ltiPlatform.id, { onDelete: 'cascade' }),
		issuer: text('issuer').notNull(),
		sub: text('sub').notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [
		uniqueIndex('lti_identity_issuer_sub').on(t.issuer, t.sub),
		index('lti_identity_user').on(t.userId)
	]
);

/** An OIDC login in flight: its state (also in the browser's cookie) and the expected nonce. */
export const ltiLogin = sqliteTable('lti_login', {
	state: text('state').primaryKey(),
	nonce: text('nonce').notNull(),
	platformId: integer('platform_id')
		.notNull()
		.references(() => ltiPlatform.id, { onDelete: 'cascade' }),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
	/** Set by the launch that used it: a second post of the same answer is a replay. */
	usedAt: integer('used_at', { mode: 'timestamp_ms' })
});

/** Nonces of accepted ID tokens: a token is accepted once. */
export const ltiNonce = sqliteTable(
	'lti_nonce',
	{
		platformId: integer('platform_id')
			.notNull()
			.references(() => ltiPlatform.id, { onDelete: 'cascade' }),
		nonce: text('nonce').notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('lti_nonce_platform_nonce').on(t.platformId, t.nonce)]
);

/** A deep-linking request waiting for the teacher's choice; the key is a digest of a token. */
export const ltiDeepLink = sqliteTable('lti_deep_link', {
	tokenHash: text('token_hash').primaryKey(),
	platformId: integer('platform_id')
		.notNull()
		.references(() => ltiPlatform.id, { onDelete: 'cascade' }),
	deploymentId: text('deployment_id').notNull(),
	returnUrl: text('return_url').notNull(),
	data: text('data'),
	acceptMultiple: integer('accept_multiple', { mode: 'boolean' }).notNull(),
	/** The platform offers Assignment and Grade Services: each link gets a line item. */
	gradePassback: integer('grade_passback', { mode: 'boolean' }).notNull(),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
});

/** Where a learner's result for a module goes: the line item of their latest launch. */
export const ltiGradeTarget = sqliteTable(
	'lti_grade_target',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		platformId: integer('platform_id')
			.notNull()
			.references(() => ltiPlatform.id, { onDelete: 'cascade' }),
		moduleSlug: text('module_slug').notNull(),
		sub: text('sub').notNull(),
		lineItemUrl: text('line_item_url').notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [uniqueIndex('lti_grade_target_user_line').on(t.userId, t.moduleSlug, t.lineItemUrl)]
);

/** Scores waiting to reach a grade book; kept until the platform accepts them. */
export const ltiScoreOutbox = sqliteTable(
	'lti_score_outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		platformId: integer('platform_id')
			.notNull()
			.references(() => ltiPlatform.id, { onDelete: 'cascade' }),
		userId: integer('user_id').references(() => user.id, { onDelete: 'set null' }),
		moduleSlug: text('module_slug').notNull(),
		lineItemUrl: text('line_item_url').notNull(),
		sub: text('sub').notNull(),
		scoreGiven: integer('score_given').notNull(),
		scoreMaximum: integer('score_maximum').notNull(),
		/** When the assessment was submitted: the score's `timestamp`. */
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
		status: text('status', { enum: ['pending', 'sending', 'sent'] })
			.notNull()
			.default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
		lastError: text('last_error'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('lti_score_outbox_due').on(t.status, t.nextAttemptAt)]
);

export type LtiPlatform = typeof ltiPlatform.$inferSelect;
export type LtiScore = typeof ltiScoreOutbox.$inferSelect;
