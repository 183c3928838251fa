// Trainer authoring: the working copy (draft) of each authored module. Publishing turns a draft
// into an immutable module_version; the draft stays as the working copy for the next version.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { organisation, user } from './auth.schema';
import { moduleVersion } from './learning.schema';

const now = sql`(unixepoch('subsec') * 1000)`;

export const moduleDraft = sqliteTable(
	'module_draft',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** The module's URL slug; unique across drafts and shipped modules, fixed once published. */
		moduleSlug: text('module_slug').notNull().unique(),
		/** The organisation that owns the module; its trainers edit it. */
		organisationId: integer('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		/** organisation: its learners and managers see it; platform: everyone (platform trainers). */
		scope: text('scope', { enum: ['organisation', 'platform'] })
			.notNull()
			.default('organisation'),
		/** The module as a ModuleSnapshot with Markdown texts; may be invalid while being edited. */
		content: text('content', { mode: 'json' }).notNull().$type<unknown>(),
		/** Bumped on every save, so two open editors cannot silently overwrite each other. */
		revision: integer('revision').notNull().default(1),
		basedOnVersionId: integer('based_on_version_id').references(() => moduleVersion.id, {
			onDelete: 'set null'
		}),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		updatedBy: integer('updated_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now),
		/** The content hash of the last published version; differs from the draft's when edited. */
		publishedHash: text('published_hash')
	},
	(t) => [index('module_draft_organisation').on(t.organisationId)]
);

export type ModuleDraft = typeof moduleDraft.$inferSelect;
