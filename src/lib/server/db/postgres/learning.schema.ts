// PostgreSQL mirror of ../learning.schema.ts: module versions, enrolments, step progress,
// responses, assessment attempts and per-signal mastery. Scores are double precision, as
// SQLite's REAL is.
import {
	boolean,
	doublePrecision,
	index,
	integer,
	json,
	jsonb,
	pgTable,
	primaryKey,
	text,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { organisation, user } from './auth.schema';
import { timestampMs } from './columns';

export const moduleVersion = pgTable(
	'module_version',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		moduleSlug: text('module_slug').notNull(),
		version: integer('version').notNull(),
		source: text('source', { enum: ['shipped', 'authored'] }).notNull(),
		contentHash: text('content_hash').notNull(),
		title: text('title').notNull(),
		organisationId: integer('organisation_id').references(() => organisation.id, {
			onDelete: 'set null'
		}),
		// json, not jsonb: jsonb reorders object keys, and a vignette's nodes keep their order.
		content: json('content').notNull().$type<unknown>(),
		changes: jsonb('changes').$type<string[]>(),
		publishedBy: integer('published_by'),
		createdAt: timestampMs('created_at').notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('module_version_slug_version').on(t.moduleSlug, t.version),
		index('module_version_slug_hash').on(t.moduleSlug, t.contentHash)
	]
);

export const enrolment = pgTable(
	'enrolment',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
		startedAt: timestampMs('started_at').notNull(),
		updatedAt: timestampMs('updated_at').notNull(),
		completedAt: timestampMs('completed_at'),
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

export const stepProgress = pgTable(
	'step_progress',
	{
		enrolmentId: integer('enrolment_id')
			.notNull()
			.references(() => enrolment.id, { onDelete: 'cascade' }),
		stepSlug: text('step_slug').notNull(),
		status: text('status', { enum: ['started', 'done'] }).notNull(),
		currentNode: text('current_node'),
		score: doublePrecision('score').notNull().default(0),
		maxScore: doublePrecision('max_score').notNull().default(0),
		updatedAt: timestampMs('updated_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.enrolmentId, t.stepSlug] })]
);

export const attempt = pgTable(
	'attempt',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
		itemIds: jsonb('item_ids').notNull().$type<string[]>(),
		startedAt: timestampMs('started_at').notNull(),
		submittedAt: timestampMs('submitted_at'),
		score: doublePrecision('score'),
		maxScore: doublePrecision('max_score'),
		passed: boolean('passed')
	},
	(t) => [index('attempt_enrolment').on(t.enrolmentId, t.stepSlug)]
);

export const response = pgTable(
	'response',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		userId: integer('user_id').references(() => user.id, { onDelete: 'set null' }),
		enrolmentId: integer('enrolment_id').references(() => enrolment.id, { onDelete: 'set null' }),
		moduleVersionId: integer('module_version_id')
			.notNull()
			.references(() => moduleVersion.id),
		stepSlug: text('step_slug').notNull(),
		itemId: text('item_id').notNull(),
		kind: text('kind', { enum: ['item', 'choice'] }).notNull(),
		attemptId: integer('attempt_id').references(() => attempt.id, { onDelete: 'set null' }),
		answer: jsonb('answer').notNull().$type<unknown>(),
		score: doublePrecision('score').notNull(),
		maxScore: doublePrecision('max_score').notNull(),
		signalsHit: jsonb('signals_hit').notNull().$type<string[]>(),
		signalsMissed: jsonb('signals_missed').notNull().$type<string[]>(),
		isFirst: boolean('is_first').notNull(),
		createdAt: timestampMs('created_at').notNull()
	},
	(t) => [
		index('response_enrolment_step').on(t.enrolmentId, t.stepSlug, t.itemId),
		index('response_attempt').on(t.attemptId),
		index('response_version_item').on(t.moduleVersionId, t.itemId, t.isFirst),
		index('response_user').on(t.userId),
		// The item statistics' index. Unlike SQLite's it leaves out the jsonb `answer`: a B-tree
		// entry must fit in a third of a page, and a long answer would make its insert fail.
		// schema-parity.spec.ts lists this as the one known difference.
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
			t.userId
		)
	]
);

export const signalMastery = pgTable(
	'signal_mastery',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		signalId: text('signal_id').notNull(),
		seen: integer('seen').notNull().default(0),
		correct: integer('correct').notNull().default(0),
		updatedAt: timestampMs('updated_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.signalId] })]
);
