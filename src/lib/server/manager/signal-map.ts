// The team signal map: per team and signal category, the share of signals recognised in first
// answers; only for teams where enough learners contributed that no one can be singled out.
import { and, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared';
import { membership, signalMastery } from '../db/schema';
import { getCourse } from '../content/course';
import { CATEGORY_LABELS, SIGNAL_CATEGORIES, type SignalCategory } from '$lib/content/categories';
import { selectTeams } from './overview';
import { minimumGroupSize } from './status';

export interface TeamSignalMap {
	categories: { id: SignalCategory; label: string }[];
	teams: {
		id: number;
		name: string;
		learners: number;
		/** Null when fewer than `minimumGroupSize` learners contributed: "te weinig deelnemers". */
		rates: Record<string, number | null> | null;
	}[];
}

const contributes = and(
	eq(membership.organisationId, sql.placeholder('orgId')),
	eq(membership.role, 'learner'),
	isNotNull(membership.teamId),
	gt(signalMastery.seen, 0)
);
const selectTeamMastery = prepared(
	(database) =>
		database
			.select({
				teamId: sql<number>`${membership.teamId}`,
				signalId: signalMastery.signalId,
				seen: sql<number>`sum(${signalMastery.seen})`.mapWith(Number),
				correct: sql<number>`sum(${signalMastery.correct})`.mapWith(Number)
			})
			.from(membership)
			.innerJoin(signalMastery, eq(signalMastery.userId, membership.userId))
			.where(contributes)
			.groupBy(membership.teamId, signalMastery.signalId)
			.prepare(),
	{ report: true }
);
const selectTeamContributors = prepared(
	(database) =>
		database
			.select({
				teamId: sql<number>`${membership.teamId}`,
				learners: sql<number>`count(distinct ${membership.userId})`.mapWith(Number)
			})
			.from(membership)
			.innerJoin(signalMastery, eq(signalMastery.userId, membership.userId))
			.where(contributes)
			.groupBy(membership.teamId)
			.prepare(),
	{ report: true }
);

/**
 * Per team and signal category: the share of signals recognised in first answers. Only teams
 * where at least five learners contributed show figures, so no one can be singled out.
 */
export async function getTeamSignalMap(orgId: number): Promise<TeamSignalMap> {
	const course = getCourse();
	const contributors = new Map(
		(await selectTeamContributors().all({ orgId })).map((r) => [r.teamId, r.learners])
	);
	const totals = new Map<number, Map<SignalCategory, { seen: number; correct: number }>>();
	for (const { teamId, signalId, seen, correct } of await selectTeamMastery().all({ orgId })) {
		const category = course.signalById.get(signalId)?.category;
		if (!category) continue;
		const perTeam = totals.get(teamId) ?? new Map();
		const sum = perTeam.get(category) ?? { seen: 0, correct: 0 };
		sum.seen += seen;
		sum.correct += correct;
		perTeam.set(category, sum);
		totals.set(teamId, perTeam);
	}
	const teams = (await selectTeams().all({ orgId })).map((t) => {
		const learners = contributors.get(t.id) ?? 0;
		if (learners < minimumGroupSize) return { id: t.id, name: t.name, learners, rates: null };
		const rates: Record<string, number | null> = {};
		for (const category of SIGNAL_CATEGORIES) {
			const sum = totals.get(t.id)?.get(category);
			rates[category] = sum && sum.seen > 0 ? Math.round((sum.correct / sum.seen) * 100) : null;
		}
		return { id: t.id, name: t.name, learners, rates };
	});
	return {
		categories: SIGNAL_CATEGORIES.map((id) => ({ id, label: CATEGORY_LABELS[id] })),
		teams
	};
}
