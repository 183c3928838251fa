// Accounts, organisations and the tables that authenticate people.
import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const now = sql`(unixepoch('subsec') * 1000)`;

export const organisation = sqliteTable('organisation', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
	archivedAt: integer('archived_at', { mode: 'timestamp_ms' })
});

export const team = sqliteTable(
	'team',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [uniqueIndex('team_organisation_name').on(t.organisationId, t.name)]
);

export const user = sqliteTable('user', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	/** Stored lower-cased and trimmed; one account per address. */
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash'),
	isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
	/** Set by an admin: this trainer may publish modules for every organisation. */
	isPlatformTrainer: integer('is_platform_trainer', { mode: 'boolean' }).notNull().default(false),
	/** leerkracht | hulpverlener: for self-registered learners without a membership. */
	audience: text('audience', { enum: ['leerkracht', 'hulpverlener'] }),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
	disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
	lastLoginAt: integer('last_login_at', { mode: 'timestamp_ms' })
});

export const membership = sqliteTable(
	'membership',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['learner', 'trainer', 'manager'] }).notNull(),
		audience: text('audience', { enum: ['leerkracht', 'hulpverlener'] }),
		teamId: integer('team_id').references(() => team.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [
		uniqueIndex('membership_user_organisation_role').on(t.userId, t.organisationId, t.role),
		index('membership_organisation_role').on(t.organisationId, t.role),
		index('membership_team').on(t.teamId)
	]
);

export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
		idleSeconds: integer('idle_seconds').notNull(),
		absoluteSeconds: integer('absolute_seconds').notNull(),
		userAgent: text('user_agent'),
		/** False until the second factor is checked, for accounts that have two-factor on. */
		twoFactorVerified: integer('two_factor_verified', { mode: 'boolean' }).notNull().default(false),
		/** When the password was last typed in this session: sudo mode lasts 10 minutes from it. */
		reauthenticatedAt: integer('reauthenticated_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('session_user').on(t.userId)]
);

/**
 * A self-registration waiting for its e-mailed link: the account is created only when the
 * link is opened, so nobody can claim an address without its mailbox. Only the token's hash
 * is stored; rows expire.
 */
export const pendingRegistration = sqliteTable(
	'pending_registration',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash').notNull(),
		audience: text('audience', { enum: ['leerkracht', 'hulpverlener'] }),
		tokenHash: blob('token_hash', { mode: 'buffer' }).notNull().unique(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('pending_registration_email').on(t.email)]
);

export const invitation = sqliteTable(
	'invitation',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		name: text('name'),
		role: text('role', { enum: ['learner', 'trainer', 'manager'] }).notNull(),
		audience: text('audience', { enum: ['leerkracht', 'hulpverlener'] }),
		teamId: integer('team_id').references(() => team.id, { onDelete: 'set null' }),
		tokenHash: blob('token_hash', { mode: 'buffer' }).notNull().unique(),
		invitedBy: integer('invited_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('invitation_organisation_email').on(t.organisationId, t.email)]
);

export const passwordReset = sqliteTable(
	'password_reset',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		tokenHash: blob('token_hash', { mode: 'buffer' }).notNull().unique(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('password_reset_user').on(t.userId)]
);

/**
 * A change of e-mail address waiting for the link mailed to the new address: the address changes
 * only once its mailbox proves it is the person's. Only the token's hash is stored; rows expire.
 */
export const emailChange = sqliteTable(
	'email_change',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		newEmail: text('new_email').notNull(),
		tokenHash: blob('token_hash', { mode: 'buffer' }).notNull().unique(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('email_change_user').on(t.userId)]
);

export type Organisation = typeof organisation.$inferSelect;
export type Team = typeof team.$inferSelect;
export type User = typeof user.$inferSelect;
export type Membership = typeof membership.$inferSelect;
export type Session = typeof session.$inferSelect;
export type Invitation = typeof invitation.$inferSelect;
export type Role = Membership['role'];
export type Audience = NonNullable<Membership['audience']>;
