// Learning records: module versions, enrolments, step progress, responses, assessment attempts
// and per-signal mastery.
import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { organisation, user } from './auth.schema';

const now = sql`(unixepoch('subsec') * 1000)`;

/**
 * One immutable version of a module. Shipped modules get a new version when their files change
 * (a new content hash); authored modules when a trainer publishes. `content` is the full graded
 * module as JSON, so learners who started an older version keep being graded on it.
 */
export const moduleVersion = sqliteTable(
	'module_version',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		moduleSlug: text('module_slug').notNull(),
		version: integer('version').notNull(),
		source: text('source', { enum: ['shipped', 'authored'] }).notNull(),
		contentHash: text('content_hash').notNull(),
		title: text('title').notNull(),
		/** Owner of an authored module; null for shipped and platform-wide modules. */
		organisationId: integer('organisation_id').references(() => organisation.id, {
			onDelete: 'set null'
		}),
		content: text('content', { mode: 'json' }).notNull().$type<unknown>(),
		/** Authored versions: what changed since the previous version, as Dutch lines. */
		changes: text('changes', { mode: 'json' }).$type<string[]>(),
		/** Authored versions: the trainer who published it. */
		publishedBy: integer('published_by'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [
		uniqueIndex('module_version_slug_version').on(t.moduleSlug, t.version),
		index('module_version_slug_hash').on(t.moduleSlug, t.contentHash)
	]
);

export const enrolment = sqliteTable(
	'enrolment',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		moduleVersionId: integer('module_version_id')
			.notNull()
			.references(() => moduleVersion.id),
		moduleSlug: text('module_slug').notNull(),
		status: text('status', { enum: ['in_progress', 'completed'] })
			.notNull()
			.default('in_progress'),
		currentStep: text('current_step'),
		stepsDone: integer('steps_done').notNull().default(0),
		stepsTotal: integer('steps_total').notNull(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
		// Final-assessment attempts a manager gave beyond the platform's number
		// (ASSESSMENT_MAX_ATTEMPTS), once the learner had used them all without passing.
		extraAttempts: integer('extra_attempts').notNull().default(0)
	},
	(t) => [
		uniqueIndex('enrolment_user_version').on(t.userId, t.moduleVersionId),
		index('enrolment_user_slug').on(t.userId, t.moduleSlug),
		index('enrolment_version_status').on(t.moduleVersionId, t.status)
	]
);

/** Where a learner is in each step; for vignettes also the node they are at. */
export const stepProgress = sqliteTable(
	'step_progress',
	{
		enrolmentId: integer('enrolment_id')
			.notNull()
			.references(() => enrolment.id, { onDelete: 'cascade' }),
		stepSlug: text('step_slug').notNull(),
		status: text('status', { enum: ['started', 'done'] }).notNull(),
		currentNode: text('current_node'),
		score: real('score').notNull().default(0),
		maxScore: real('max_score').notNull().default(0),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.enrolmentId, t.stepSlug] })]
);

/** A drawn final assessment (or pre-test); the drawn item ids are kept so a reload shows the same. */
export const attempt = sqliteTable(
	'attempt',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		enrolmentId: integer('enrolment_id')
			.notNull()
			.references(() => enrolment.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		stepSlug: text('step_slug').notNull(),
		kind: text('kind', { enum: ['assessment', 'pretest'] })
			.notNull()
			.default('assessment'),
		itemIds: text('item_ids', { mode: 'json' }).notNull().$type<string[]>(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		score: real('score'),
		maxScore: real('max_score'),
		passed: integer('passed', { mode: 'boolean' })
	},
	(t) => [index('attempt_enrolment').on(t.enrolmentId, t.stepSlug)]
);

/**
 * One answered item or vignette choice. The first answer to an item counts; later ones are
 * practice (`isFirst` false). Assessment answers belong to their attempt.
 */
export const response = sqliteTable(
	'response',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id').references(() => user.id, { onDelete: 'set null' }),
		enrolmentId: integer('enrolment_id').references(() => enrolment.id, { onDelete: 'set null' }),
		moduleVersionId: integer('module_version_id')
			.notNull()
			.references(() => moduleVersion.id),
		stepSlug: text('step_slug').notNull(),
		itemId: text('item_id').notNull(),
		kind: text('kind', { enum: ['item', 'choice'] }).notNull(),
		attemptId: integer('attempt_id').references(() => attempt.id, { onDelete: 'set null' }),
		answer: text('answer', { mode: 'json' }).notNull().$type<unknown>(),
		score: real('score').notNull(),
		maxScore: real('max_score').notNull(),
		signalsHit: text('signals_hit', { mode: 'json' }).notNull().$type<string[]>(),
		signalsMissed: text('signals_missed', { mode: 'json' }).notNull().$type<string[]>(),
		isFirst: integer('is_first', { mode: 'boolean' }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('response_enrolment_step').on(t.enrolmentId, t.stepSlug, t.itemId),
		index('response_attempt').on(t.attemptId),
		index('response_version_item').on(t.moduleVersionId, t.itemId, t.isFirst),
		index('response_user').on(t.userId),
		// Covers the item statistics' reads: first answers of a module's versions, in test order,
		// without visiting the table; `user_id` last for the trainer's organisation scope
		// (`authoring/statistics`).
		index('response_statistics_scoped').on(
			t.moduleVersionId,
			t.attemptId,
			t.isFirst,
			t.stepSlug,
			t.enrolmentId,
			t.itemId,
			t.kind,
			t.score,
			t.maxScore,
			t.answer,
			t.userId
		)
	]
);

/** Per learner and signal: how often it came up in a first answer and how often it was right. */
export const signalMastery = sqliteTable(
	'signal_mastery',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		signalId: text('signal_id').notNull(),
		seen: integer('seen').notNull().default(0),
		correct: integer('correct').notNull().default(0),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.signalId] })]
);

export type ModuleVersion = typeof moduleVersion.$inferSelect;
export type Enrolment = typeof enrolment.$inferSelect;
export type StepProgress = typeof stepProgress.$inferSelect;
export type Attempt = typeof attempt.$inferSelect;
export type Response = typeof response.$inferSelect;
export type SignalMastery = typeof signalMastery.$inferSelect;
