// PostgreSQL mirror of ../auth.schema.ts: accounts, organisations and the tables that
// authenticate people. Same table, column and index names; schema-parity.spec.ts checks it.
import { boolean, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea, timestampMs } from './columns';

export const organisation = pgTable('organisation', {
	id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
	name: text('name').notNull(),
	createdAt: timestampMs('created_at').notNull().defaultNow(),
	archivedAt: timestampMs('archived_at')
});

export const team = pgTable(
	'team',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		createdAt: timestampMs('created_at').notNull().defaultNow()
	},
	(t) => [uniqueIndex('team_organisation_name').on(t.organisationId, t.name)]
);

export const user = pgTable('user', {
	id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
	/** Stored lower-cased and trimmed; one account per address. */
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash'),
	isAdmin: boolean('is_admin').notNull().default(false),
	/** Set by an admin: this trainer may publish modules for every organisation. */
	isPlatformTrainer: boolean('is_platform_trainer').notNull().default(false),
	/** leerkracht | hulpverlener: for self-registered learners without a membership. */
	audience: text('audience', { enum: ['leerkracht', 'hulpverlener'] }),
	createdAt: timestampMs('created_at').notNull().defaultNow(),
	disabledAt: timestampMs('disabled_at'),
	lastLoginAt: timestampMs('last_login_at')
});

export const membership = pgTable(
	'membership',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['learner', 'trainer', 'manager'] }).notNull(),
		audience: text('audience', { enum: ['leerkracht', 'hulpverlener'] }),
		teamId: integer('team_id').references(() => team.id, { onDelete: 'set null' }),
		createdAt: timestampMs('created_at').notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('membership_user_organisation_role').on(t.userId, t.organisationId, t.role),
		index('membership_organisation_role').on(t.organisationId, t.role),
		index('membership_team').on(t.teamId)
	]
);

export const session = pgTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		secretHash: bytea('secret_hash').notNull(),
		createdAt: timestampMs('created_at').notNull(),
		lastSeenAt: timestampMs('last_seen_at').notNull(),
		idleSeconds: integer('idle_seconds').notNull(),
		absoluteSeconds: integer('absolute_seconds').notNull(),
		userAgent: text('user_agent'),
		/** False until the second factor is checked, for accounts that have two-factor on. */
		twoFactorVerified: boolean('two_factor_verified').notNull().default(false),
		/** When the password was last typed in this session: sudo mode lasts 10 minutes from it. */
		reauthenticatedAt: timestampMs('reauthenticated_at')
	},
	(t) => [index('session_user').on(t.userId)]
);

/** A self-registration waiting for its e-mailed link (see ../auth.schema.ts). */
export const pendingRegistration = pgTable(
	'pending_registration',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash').notNull(),
		audience: text('audience', { enum: ['leerkracht', 'hulpverlener'] }),
		tokenHash: bytea('token_hash').notNull().unique(),
		createdAt: timestampMs('created_at').notNull(),
		expiresAt: timestampMs('expires_at').notNull()
	},
	(t) => [index('pending_registration_email').on(t.email)]
);

export const invitation = pgTable(
	'invitation',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		name: text('name'),
		role: text('role', { enum: ['learner', 'trainer', 'manager'] }).notNull(),
		audience: text('audience', { enum: ['leerkracht', 'hulpverlener'] }),
		teamId: integer('team_id').references(() => team.id, { onDelete: 'set null' }),
		tokenHash: bytea('token_hash').notNull().unique(),
		invitedBy: integer('invited_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestampMs('created_at').notNull(),
		expiresAt: timestampMs('expires_at').notNull(),
		acceptedAt: timestampMs('accepted_at'),
		revokedAt: timestampMs('revoked_at')
	},
	(t) => [index('invitation_organisation_email').on(t.organisationId, t.email)]
);

export const passwordReset = pgTable(
	'password_reset',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		tokenHash: bytea('token_hash').notNull().unique(),
		createdAt: timestampMs('created_at').notNull(),
		expiresAt: timestampMs('expires_at').notNull(),
		usedAt: timestampMs('used_at')
	},
	(t) => [index('password_reset_user').on(t.userId)]
);

export const emailChange = pgTable(
	'email_change',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		newEmail: text('new_email').notNull(),
		tokenHash: bytea('token_hash').notNull().unique(),
		createdAt: timestampMs('created_at').notNull(),
		expiresAt: timestampMs('expires_at').notNull()
	},
	(t) => [index('email_change_user').on(t.userId)]
);
