// Assignments: a manager asks the organisation, a team or chosen learners to complete a module,
// optionally by a due date; overdue reminders are recorded so each is mailed once.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { organisation, team, user } from './auth.schema';

const now = sql`(unixepoch('subsec') * 1000)`;

export const assignment = sqliteTable(
	'assignment',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		moduleSlug: text('module_slug').notNull(),
		target: text('target', { enum: ['organisation', 'team', 'users'] }).notNull(),
		/** Set when target is `team`; deleting the team removes the assignment. */
		teamId: integer('team_id').references(() => team.id, { onDelete: 'cascade' }),
		dueAt: integer('due_at', { mode: 'timestamp_ms' }),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [
		index('assignment_organisation').on(t.organisationId, t.moduleSlug),
		index('assignment_due').on(t.dueAt)
	]
);

/** The chosen learners of an assignment whose target is `users`. */
export const assignmentUser = sqliteTable(
	'assignment_user',
	{
		assignmentId: integer('assignment_id')
			.notNull()
			.references(() => assignment.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.assignmentId, t.userId] }),
		index('assignment_user_user').on(t.userId)
	]
);

/** The marker that an overdue reminder went out: its primary key makes "sent once" hold. */
export const assignmentReminder = sqliteTable(
	'assignment_reminder',
	{
		assignmentId: integer('assignment_id')
			.notNull()
			.references(() => assignment.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.assignmentId, t.userId] })]
);

export type Assignment = typeof assignment.$inferSelect;
