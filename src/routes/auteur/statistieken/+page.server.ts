import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';
import { itemStatistics, statisticsModules, type ModuleStatistics } from '$lib/server/authoring';
import { messages } from '$lib/i18n';
import * as learning from '$lib/server/learning';
import * as authoring from '$lib/server/authoring';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'trainer');
	const modules = statisticsModules(authoring.authorOrganisations(user));
	const wanted = event.url.searchParams.get('module');
	if (wanted !== null && wanted !== '' && !modules.some((m) => m.slug === wanted)) {
		error(400, { message: messages.authoring.unknownModule });
	}
	const selected = wanted || null;
	const shown = selected ? [selected] : modules.map((m) => m.slug);
	const statistics = shown
		.map((slug) => itemStatistics(slug))
		.filter((s): s is ModuleStatistics => s !== undefined);
	const gains = Object.fromEntries(
		statistics.map((s) => [
			s.slug,
			{ hasPretest: learning.hasPretest(s.slug), group: learning.moduleGain(s.slug) }
		])
	);
	return { modules, selected, statistics, gains };
};
