import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import * as learning from '$lib/server/learning';
import * as authoring from '$lib/server/authoring';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'trainer');
	const modules = await authoring.statisticsModules(authoring.authorOrganisations(user));
	const wanted = event.url.searchParams.get('module');
	if (wanted !== null && wanted !== '' && !modules.some((m) => m.slug === wanted)) {
		error(400, { message: messages.authoring.unknownModule });
	}
	const selected = wanted || null;
	const shown = selected ? [selected] : modules.map((m) => m.slug);
	// Only the learners this trainer may see (scoped in SQL), and no figures for fewer than five.
	const scope = authoring.statisticsScope(user);
	const statistics = (
		await Promise.all(shown.map(async (slug) => await authoring.trainerStatistics(slug, scope)))
	).filter((s): s is authoring.TrainerStatistics => s !== undefined);
	const gains = Object.fromEntries(
		await Promise.all(
			statistics.map(async (s) => [
				s.slug,
				{
					hasPretest: await learning.hasPretest(s.slug),
					group: s.gain,
					tooFew: s.tooFew || s.gainTooFew
				}
			])
		)
	);
	return {
		modules,
		selected,
		statistics: statistics.map(({ slug, title, items, tooFew }) => ({
			slug,
			title,
			items,
			tooFew
		})),
		gains
	};
};
