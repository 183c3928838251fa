// Whose answers a trainer's statistics count, and the minimum group size (issue 16, finding 8).
// A trainer sees the answers of the learners of their own organisations only, for shipped,
// platform and organisation modules alike; a platform admin who is also a trainer sees every
// learner. With fewer than five learners in scope there are no figures at all: a small group
// could point at one person.
import { inArray } from 'drizzle-orm';
import { db } from '../../db';
import { membership } from '../../db/schema';
import { moduleGain } from '../../learning/pretest';
import type { GroupGain } from '../../learning/learning-gain';
import { authorOrganisations, type Author } from '../access';
import {
	itemStatistics,
	learnersInScope,
	statisticsTitle,
	type ModuleStatistics,
	type StatisticsScope
} from './statistics';

export const MINIMUM_STATISTICS_GROUP = 5;

/** The trainer's scope: every learner for a platform admin, else their own organisations. */
export function statisticsScope(viewer: Author & { roles: readonly string[] }): StatisticsScope {
	return viewer.roles.includes('admin') ? 'all' : authorOrganisations(viewer);
}

export interface TrainerStatistics extends ModuleStatistics {
	/** Fewer learners in scope than the minimum group: no items at all. */
	tooFew: boolean;
	/** The mean learning gain over learners in scope; null when fewer than the minimum group. */
	gain: GroupGain | null;
	/** There are learners with both tests, but fewer than the minimum group. */
	gainTooFew: boolean;
}

async function membersOf(orgIds: readonly number[]): Promise<Set<number>> {
	if (orgIds.length === 0) return new Set();
	return new Set(
		(
			await db
				.selectDistinct({ userId: membership.userId })
				.from(membership)
				.where(inArray(membership.organisationId, [...orgIds]))
		).map((m) => m.userId)
	);
}

/** A module's item statistics and learning gain as this trainer may see them. */
export async function trainerStatistics(
	slug: string,
	scope: StatisticsScope
): Promise<TrainerStatistics | undefined> {
	const tooFew =
		(await learnersInScope(slug, scope, MINIMUM_STATISTICS_GROUP)) < MINIMUM_STATISTICS_GROUP;
	if (tooFew) {
		const title = await statisticsTitle(slug);
		if (title === undefined) return undefined;
		return { slug, title, items: [], tooFew, gain: null, gainTooFew: false };
	}
	const stats = await itemStatistics(slug, scope);
	if (!stats) return undefined;
	const gain = await moduleGain(slug, scope === 'all' ? undefined : await membersOf(scope));
	const gainTooFew = gain !== null && gain.learners < MINIMUM_STATISTICS_GROUP;
	return { ...stats, tooFew, gain: gainTooFew ? null : gain, gainTooFew };
}
