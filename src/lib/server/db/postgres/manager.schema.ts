// PostgreSQL mirror of ../manager.schema.ts: assignments and their overdue reminders.
import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { organisation, team, user } from './auth.schema';
import { timestampMs } from './columns';

export const assignment = pgTable(
	'assignment',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		moduleSlug: text('module_slug').notNull(),
		target: text('target', { enum: ['organisation', 'team', 'users'] }).notNull(),
		teamId: integer('team_id').references(() => team.id, { onDelete: 'cascade' }),
		dueAt: timestampMs('due_at'),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestampMs('created_at').notNull().defaultNow()
	},
	(t) => [
		index('assignment_organisation').on(t.organisationId, t.moduleSlug),
		index('assignment_due').on(t.dueAt)
	]
);

export const assignmentUser = pgTable(
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

export const assignmentReminder = pgTable(
	'assignment_reminder',
	{
		assignmentId: integer('assignment_id')
			.notNull()
			.references(() => assignment.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		sentAt: timestampMs('sent_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.assignmentId, t.userId] })]
);
