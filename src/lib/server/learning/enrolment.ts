// A learner's enrolment in a module version: finding and starting it, the version and step
// progress the learner sees, and where "verder gaan" leads.
import { and, desc, eq, max, sql } from 'drizzle-orm';
import { db, insideTransaction, type DB } from '../db';
import { epochParam, prepared } from '../db/prepared';
import { forUpdate, joinedRows, splitJoinedRows } from '../db/sql';
import { enrolment, stepProgress, type Enrolment, type StepProgress } from '../db/schema';
import {
	loadVersion,
	newestVisibleVersionId,
	type LoadedVersion,
	type StepSnapshot
} from '../content/versions';
import { refresherStatus } from '../certificates/refresher';
import { failure } from '../platform/failure';
import { notFound, ProgressError } from './errors';

/** The learner's enrolments in one module (parameters `userId` and `slug`). */
const learnerInModule = () =>
	and(
		eq(enrolment.userId, sql.placeholder('userId')),
		eq(enrolment.moduleSlug, sql.placeholder('slug'))
	);

function enrolmentQuery(database: DB) {
	return (
		database
			.select()
			.from(enrolment)
			.where(learnerInModule())
			// No .limit(1): get() reads only the first row anyway, and Drizzle binds a limit as a
			// parameter, which made SQLite spend ~30 µs more per call (see docs/operations.md).
			.orderBy(desc(enrolment.id))
	);
}
const selectEnrolment = prepared((database) => enrolmentQuery(database).prepare());
// Every write for a learner's module reads the enrolment first (startModule, moduleContext):
// inside a transaction that read locks it, so one learner's writes on several servers take
// turns (one counted first answer, no deadlock between their batches).
const selectEnrolmentLocked = prepared((database) => forUpdate(enrolmentQuery(database)).prepare());

// Outside a transaction (every step page): the newest enrolment, with its steps' progress
// joined into one text (slug, status, vignette node and scores per step; see `parseSteps`).
// One row instead of one per step: each step row repeated the enrolment's eleven columns, and
// mapping them (dates included) cost the lesson step more than the statement itself.
const selectEnrolmentWithSteps = prepared((database) =>
	database
		.select({
			enrolment,
			steps: sql<string | null>`(${database
				.select({
					joined: joinedRows([
						stepProgress.stepSlug,
						stepProgress.status,
						sql`coalesce(${stepProgress.currentNode}, '')`,
						stepProgress.score,
						stepProgress.maxScore
					])
				})
				.from(stepProgress)
				.where(eq(stepProgress.enrolmentId, enrolment.id))})`
		})
		.from(enrolment)
		// `id = (select max(id) …)`: a scalar subquery; `IN (…)` made SQLite build a list for it.
		.where(
			eq(
				enrolment.id,
				database
					.select({ id: max(enrolment.id) })
					.from(enrolment)
					.where(learnerInModule())
			)
		)
		.prepare()
);

/** What the learning code reads of a step's progress. */
export type StepState = Pick<
	StepProgress,
	'stepSlug' | 'status' | 'currentNode' | 'score' | 'maxScore'
>;

const selectSteps = prepared((database) =>
	database
		.select({
			stepSlug: stepProgress.stepSlug,
			status: stepProgress.status,
			currentNode: stepProgress.currentNode,
			score: stepProgress.score,
			maxScore: stepProgress.maxScore
		})
		.from(stepProgress)
		.where(eq(stepProgress.enrolmentId, sql.placeholder('enrolmentId')))
		.prepare()
);

/**
 * The steps `joinedRows` joined: fields split by U+001F, rows by U+001E. Step slugs and case
 * node ids match ID_PATTERN (`[a-z0-9-]`), so neither separator occurs inside a field.
 */
function parseSteps(joined: string | null): StepState[] {
	return splitJoinedRows(joined).map(([stepSlug, status, node, score, maxScore]) => ({
		stepSlug,
		status: status as StepState['status'],
		currentNode: node || null,
		score: Number(score),
		maxScore: Number(maxScore)
	}));
}

// An answer from the form (learning/quiz.ts): the learner's newest enrolment of the module
// locked and its position moved in one statement, as an UPDATE takes the row's lock. Returns the
// row's id and version, which the answer checks against the enrolment it was graded for.
const moveLockedEnrolment = prepared((database) =>
	database
		.update(enrolment)
		.set({
			currentStep: sql`${sql.placeholder('currentStep')}`,
			updatedAt: epochParam('updatedAt')
		})
		.where(
			eq(
				enrolment.id,
				sql`(${database
					.select({ id: max(enrolment.id) })
					.from(enrolment)
					.where(learnerInModule())})`
			)
		)
		.returning({ id: enrolment.id, moduleVersionId: enrolment.moduleVersionId })
		.prepare()
);

/**
 * Inside a write: locks the learner's newest enrolment of `slug` and sets its position to
 * `stepSlug` (not its count of finished steps: `refreshEnrolment` does that); undefined when
 * the learner has none.
 */
export async function lockEnrolmentAtStep(
	userId: number,
	slug: string,
	stepSlug: string,
	now: number
): Promise<Pick<Enrolment, 'id' | 'moduleVersionId'> | undefined> {
	return await moveLockedEnrolment().get({ userId, slug, currentStep: stepSlug, updatedAt: now });
}

export async function findEnrolment(userId: number, slug: string): Promise<Enrolment | undefined> {
	const statement = insideTransaction() ? selectEnrolmentLocked : selectEnrolment;
	return await statement().get({ userId, slug });
}

export interface ModuleContext {
	version: LoadedVersion;
	enrolment: Enrolment | undefined;
	steps: Map<string, StepState>;
}

/** The version a learner sees: the one they are enrolled in, or the newest for a new start. */
export async function moduleContext(userId: number, slug: string): Promise<ModuleContext> {
	let found: Enrolment | undefined;
	let progress: StepState[];
	if (insideTransaction()) {
		// A write: the enrolment is read on its own, locked (findEnrolment), then its steps.
		found = await findEnrolment(userId, slug);
		progress = found ? await selectSteps().all({ enrolmentId: found.id }) : [];
	} else {
		const [row] = await selectEnrolmentWithSteps().all({ userId, slug });
		found = row?.enrolment;
		progress = parseSteps(row?.steps ?? null);
	}
	const versionId = found?.moduleVersionId ?? (await newestVisibleVersionId(slug, userId));
	const version = versionId === undefined ? undefined : await loadVersion(versionId);
	if (!version) throw notFound();
	const steps = new Map(progress.map((s) => [s.stepSlug, s]));
	return { version, enrolment: found, steps };
}

/**
 * For a write: the learner's module as `moduleContext` reads it, enrolling first when there is no
 * enrolment yet (`startModule`). A learner who is enrolled, as for nearly every write, costs one
 * locked read of the enrolment, not two (startModule's, then moduleContext's).
 */
export async function startedModuleContext(
	userId: number,
	slug: string,
	now = Date.now()
): Promise<ModuleContext & { enrolment: Enrolment }> {
	const ctx = await moduleContext(userId, slug);
	if (ctx.enrolment) return { ...ctx, enrolment: ctx.enrolment };
	const e = await startModule(userId, slug, now);
	const started = await moduleContext(userId, slug);
	return { ...started, enrolment: started.enrolment ?? e };
}

export function stepOf(ctx: ModuleContext, stepSlug: string): StepSnapshot {
	const step = ctx.version.stepBySlug.get(stepSlug);
	if (!step) throw notFound();
	return step;
}

/** Required steps (everything but the assessment unless marked optional) still to do. */
export function missingForAssessment(ctx: ModuleContext): StepSnapshot[] {
	return ctx.version.module.steps.filter(
		(s) =>
			s.meta.kind !== 'assessment' && s.meta.required && ctx.steps.get(s.slug)?.status !== 'done'
	);
}

/**
 * Where "verder gaan" leads: the step last worked on while it is unfinished (a vignette half
 * way), else the first unfinished step after it, else the first unfinished step at all.
 */
export async function resumeStep(e: Enrolment): Promise<string | null> {
	const version = await loadVersion(e.moduleVersionId);
	if (!version) return e.currentStep;
	const done = new Set(
		(await selectSteps().all({ enrolmentId: e.id }))
			.filter((s) => s.status === 'done')
			.map((s) => s.stepSlug)
	);
	return resumeStepFrom(e, version, done);
}

/** `resumeStep` from the enrolment's done steps already read (the /leren cards read them joined). */
export function resumeStepFrom(
	e: Pick<Enrolment, 'currentStep'>,
	version: LoadedVersion | undefined,
	done: ReadonlySet<string>
): string | null {
	if (!version) return e.currentStep;
	const steps = version.module.steps.map((s) => s.slug);
	const from = Math.max(0, e.currentStep ? steps.indexOf(e.currentStep) : 0);
	const next =
		steps.slice(from).find((slug) => !done.has(slug)) ?? steps.find((slug) => !done.has(slug));
	return next ?? e.currentStep ?? steps[0] ?? null;
}

/** The refresher opens only when a certificate it renews is in its window. */
export async function refresherLocked(
	version: LoadedVersion,
	userId: number,
	now: number
): Promise<boolean> {
	return (
		version.module.meta.refreshes.length > 0 && !(await refresherStatus(userId, new Date(now))).open
	);
}

/** Starts (or returns) the learner's enrolment in the module's newest version. Idempotent. */
export async function startModule(
	userId: number,
	slug: string,
	now = Date.now()
): Promise<Enrolment> {
	const existing = await findEnrolment(userId, slug);
	if (existing) return existing;
	const versionId = await newestVisibleVersionId(slug, userId);
	const version = versionId === undefined ? undefined : await loadVersion(versionId);
	if (!version) throw notFound();
	if (await refresherLocked(version, userId, now))
		throw new ProgressError(403, failure('learning.refresherLocked'));
	const first = version.module.steps[0]?.slug ?? null;
	await db
		.insert(enrolment)
		.values({
			userId,
			moduleVersionId: version.row.id,
			moduleSlug: slug,
			currentStep: first,
			stepsTotal: version.module.steps.length,
			startedAt: new Date(now),
			updatedAt: new Date(now)
		})
		.onConflictDoNothing();
	return (await findEnrolment(userId, slug))!;
}
