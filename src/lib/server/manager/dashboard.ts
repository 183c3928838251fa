// What a learner sees on /leren: modules in progress and completed, suggestions for their
// audience, and their signal map.
import { and, eq, gt, sql } from 'drizzle-orm';
import type { ModuleMeta } from '$lib/content/schema';
import type { SignalEntry } from '$lib/content/signal-map';
import { prepared } from '../db/prepared';
import { joinedRows, splitJoinedRows } from '../db/sql';
import { enrolment, signalMastery, stepProgress, type Enrolment } from '../db/schema';
import { getCourse } from '../content/course';
import { loadVersion, versionsSeenBy } from '../content/versions';
import { newestVisibleAuthored } from '../authoring/published';
import { resumeStepFrom } from '../learning/enrolment';
import type { Audience } from '../db/schema';

// /leren runs these on every view: prepared once (stack.md), not built and prepared per request.
// Each enrolment with the slugs of the steps done in it joined into one text (for a module in
// progress only: only that has a step to resume). One row per enrolment: a row per done step
// repeated the enrolment's twelve columns, and mapping them (three dates each) cost more than
// reading them, as on the step page (learning/enrolment.ts).
const selectEnrolments = prepared((database) =>
	database
		.select({
			enrolment,
			doneSteps: sql<string | null>`(${database
				.select({ joined: joinedRows([stepProgress.stepSlug]) })
				.from(stepProgress)
				.where(
					and(
						eq(stepProgress.enrolmentId, enrolment.id),
						eq(stepProgress.status, 'done'),
						eq(enrolment.status, 'in_progress')
					)
				)})`
		})
		.from(enrolment)
		.where(eq(enrolment.userId, sql.placeholder('userId')))
		// The order of SQLite's index on user and version: the completed cards keep their order, and
		// PostgreSQL gives the same.
		.orderBy(enrolment.moduleVersionId, enrolment.id)
		.prepare()
);
// The learner's signal records as one text, `id:seen:correct` joined by commas (the form the page
// decodes, $lib/content/signal-map.ts): one value instead of 35 rows of three, half the time on
// SQLite. Signal ids are [a-z0-9-], so neither separator occurs inside one.
const selectSignalCounts = prepared((database) =>
	database
		.select({
			counts: joinedRows(
				[signalMastery.signalId, signalMastery.seen, signalMastery.correct],
				undefined,
				{ field: ':', row: ',' }
			)
		})
		.from(signalMastery)
		.where(and(eq(signalMastery.userId, sql.placeholder('userId')), gt(signalMastery.seen, 0)))
		.prepare()
);

export interface ModuleCard {
	slug: string;
	title: string;
	summary: string;
	minutes: number;
	stepsDone: number;
	stepsTotal: number;
	resumeStep: string | null;
	completedAt: Date | null;
}

function fitsAudience(meta: ModuleMeta, audience: Audience | null): boolean {
	return meta.audience === 'both' || audience === null || meta.audience === audience;
}

export async function learnerDashboard(userId: number, audience: Audience | null) {
	const course = getCourse();
	// The two reads are independent: on PostgreSQL each is a round trip of its own.
	const [rows, versions] = await Promise.all([
		selectEnrolments().all({ userId }),
		versionsSeenBy(userId)
	]);
	const enrolments: Enrolment[] = [];
	const doneSteps = new Map<number, Set<string>>();
	for (const { enrolment: e, doneSteps: joined } of rows) {
		enrolments.push(e);
		doneSteps.set(e.id, new Set(splitJoinedRows(joined).map(([slug]) => slug)));
	}
	const bySlug = new Map(enrolments.map((e) => [e.moduleSlug, e]));
	const card = async (e: Enrolment, resume: boolean): Promise<ModuleCard> => {
		const version = await loadVersion(e.moduleVersionId);
		const meta = version?.module.meta;
		return {
			slug: e.moduleSlug,
			title: meta?.title ?? e.moduleSlug,
			summary: meta?.summary ?? '',
			minutes: meta?.minutes ?? 0,
			stepsDone: e.stepsDone,
			stepsTotal: e.stepsTotal,
			resumeStep: resume ? resumeStepFrom(e, version, doneSteps.get(e.id)!) : null,
			completedAt: e.completedAt
		};
	};
	const inProgress = await Promise.all(
		enrolments
			.filter((e) => e.status === 'in_progress')
			.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
			.map(async (e) => await card(e, true))
	);
	const completed = await Promise.all(
		enrolments.filter((e) => e.status === 'completed').map(async (e) => await card(e, false))
	);
	// A shipped module is suggested once it has a version (new enrolments get its newest).
	const versioned = new Set(versions.map((v) => v.slug));
	const suggested = course.modules
		.filter(
			(m) =>
				!bySlug.has(m.slug) &&
				m.meta.refreshes.length === 0 &&
				fitsAudience(m.meta, audience) &&
				versioned.has(m.slug)
		)
		.map((m) => ({
			slug: m.slug,
			title: m.meta.title,
			summary: m.meta.summary,
			minutes: m.meta.minutes
		}));
	// Authored modules of the learner's organisations (and platform modules) after the course,
	// from the version rows read above (publishedAuthoredModules(organisationIdsOf(userId)) reads
	// the same with two statements more).
	const authored = await newestVisibleAuthored(
		versions.filter((v) => v.source === 'authored'),
		(v) => v.visible
	);
	for (const m of authored) {
		if (bySlug.has(m.slug) || !fitsAudience(m.meta, audience)) continue;
		suggested.push({
			slug: m.slug,
			title: m.title,
			summary: m.meta.summary,
			minutes: m.meta.minutes
		});
	}
	return { inProgress, completed, suggested };
}

/** What /leren needs for the learner's signal map (built by `signalMapOf` in the page). */
export interface LearnerSignalMap {
	/** The learner's records as `id:seen:correct`, comma-separated (`signalMapOf` reads them). */
	counts: string;
	/** The course's signal list (the route sends it only when the page's own list differs). */
	signals: readonly SignalEntry[];
}

export async function signalMap(userId: number): Promise<LearnerSignalMap> {
	const [row] = await selectSignalCounts().all({ userId });
	return { counts: row?.counts ?? '', signals: getCourse().signals };
}
