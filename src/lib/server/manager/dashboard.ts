// What a learner sees on /leren: modules in progress and completed, suggestions for their
// audience, and their signal map.
import { eq, sql } from 'drizzle-orm';
import type { ModuleMeta } from '$lib/content/schema';
import { CATEGORY_LABELS, SIGNAL_CATEGORIES } from '$lib/content/categories';
import { prepared } from '../db/prepared';
import { enrolment, signalMastery } from '../db/schema';
import { getCourse } from '../content/course';
import { latestVersionId, loadVersion, organisationIdsOf } from '../content/versions';
import { publishedAuthoredModules } from '../authoring/published';
import { resumeStep } from '../learning/enrolment';
import { masteryLevel, type MasteryLevel } from '../learning/mastery';
import type { Audience } from '../db/schema';

// /leren runs these on every view: prepared once (stack.md), not built and prepared per request.
const selectEnrolments = prepared((database) =>
	database
		.select()
		.from(enrolment)
		.where(eq(enrolment.userId, sql.placeholder('userId')))
		.prepare()
);
const selectMastery = prepared((database) =>
	database
		.select({
			signalId: signalMastery.signalId,
			seen: signalMastery.seen,
			correct: signalMastery.correct
		})
		.from(signalMastery)
		.where(eq(signalMastery.userId, sql.placeholder('userId')))
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
	const enrolments = await selectEnrolments().all({ userId });
	const bySlug = new Map(enrolments.map((e) => [e.moduleSlug, e]));
	// Only a module in progress has a step to resume (a query per module); completed ones skip it.
	const card = async (e: typeof enrolment.$inferSelect, resume: boolean): Promise<ModuleCard> => {
		const version = await loadVersion(e.moduleVersionId);
		const meta = version?.module.meta;
		return {
			slug: e.moduleSlug,
			title: meta?.title ?? e.moduleSlug,
			summary: meta?.summary ?? '',
			minutes: meta?.minutes ?? 0,
			stepsDone: e.stepsDone,
			stepsTotal: e.stepsTotal,
			resumeStep: resume ? await resumeStep(e) : null,
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
	const candidates = course.modules.filter(
		(m) => !bySlug.has(m.slug) && m.meta.refreshes.length === 0 && fitsAudience(m.meta, audience)
	);
	const published = await Promise.all(
		candidates.map(async (m) => (await latestVersionId(m.slug)) !== undefined)
	);
	const suggested = candidates
		.filter((_, i) => published[i])
		.map((m) => ({
			slug: m.slug,
			title: m.meta.title,
			summary: m.meta.summary,
			minutes: m.meta.minutes
		}));
	// Authored modules of the learner's organisations (and platform modules) after the course.
	for (const m of await publishedAuthoredModules(await organisationIdsOf(userId))) {
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

/** How well a learner recognises a signal: thresholds live in learning/mastery.ts. */
export { masteryLevel, type MasteryLevel };

export interface SignalMapCategory {
	category: string;
	label: string;
	signals: { id: string; label: string; seen: number; correct: number; level: MasteryLevel }[];
}

export async function signalMap(userId: number): Promise<SignalMapCategory[]> {
	const course = getCourse();
	const rows = await selectMastery().all({ userId });
	const byId = new Map(rows.map((r) => [r.signalId, r]));
	return SIGNAL_CATEGORIES.map((category) => ({
		category,
		label: CATEGORY_LABELS[category],
		signals: course.signals
			.filter((s) => s.category === category)
			.map((s) => {
				const r = byId.get(s.id);
				const seen = r?.seen ?? 0;
				const correct = r?.correct ?? 0;
				return { id: s.id, label: s.label, seen, correct, level: masteryLevel(seen, correct) };
			})
	}));
}
