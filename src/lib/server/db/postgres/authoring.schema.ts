// PostgreSQL mirror of ../authoring.schema.ts: the working copy (draft) of each authored module.
import { index, integer, json, pgTable, text } from 'drizzle-orm/pg-core';
import { organisation, user } from './auth.schema';
import { timestampMs } from './columns';
import { moduleVersion } from './learning.schema';

export const moduleDraft = pgTable(
	'module_draft',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		moduleSlug: text('module_slug').notNull().unique(),
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		scope: text('scope', { enum: ['organisation', 'platform'] })
			.notNull()
			.default('organisation'),
		// json, not jsonb: jsonb reorders object keys, and a vignette's nodes keep the trainer's order.
		content: json('content').notNull().$type<unknown>(),
		revision: integer('revision').notNull().default(1),
		basedOnVersionId: integer('based_on_version_id').references(() => moduleVersion.id, {
			onDelete: 'set null'
		}),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		updatedBy: integer('updated_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestampMs('created_at').notNull().defaultNow(),
		updatedAt: timestampMs('updated_at').notNull().defaultNow(),
		publishedHash: text('published_hash')
	},
	(t) => [index('module_draft_organisation').on(t.organisationId)]
);
