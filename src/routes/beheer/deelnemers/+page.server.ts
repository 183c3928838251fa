import type { PageServerLoad } from './$types';
import { organisationFor, requireRole } from '$lib/server/accounts';
import * as manager from '$lib/server/manager';
import * as organisations from '$lib/server/organisations';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'manager');
	const org = organisationFor(user, 'manager');
	const query = await manager.parseLearnerQuery(event.url.searchParams, org.organisationId);
	const result = await manager.listLearners(org.organisationId, query);
	const modules = await manager.reportModules(org.organisationId);
	return {
		organisationName: org.organisationName,
		modules,
		teams: await organisations.listTeams(org.organisationId),
		query: result.query,
		total: result.total,
		page: result.page,
		pages: result.pages,
		// Only what the table shows: labels, not raw enrolment data.
		rows: result.rows.map((r) => ({
			id: r.id,
			name: r.name,
			team: r.team,
			audience: r.audience,
			lastActivity: manager.formatDate(r.lastActivity),
			statuses: modules.map((m) => ({
				kind: r.statuses[m.slug]?.kind ?? 'not_started',
				label: manager.statusLabel(r.statuses[m.slug] ?? { kind: 'not_started' })
			}))
		})),
		links: {
			prev: result.page > 1 ? manager.queryString(result.query, { page: result.page - 1 }) : null,
			next:
				result.page < result.pages
					? manager.queryString(result.query, { page: result.page + 1 })
					: null,
			sort: Object.fromEntries(
				manager.sortKeys.map((key) => [
					key,
					manager.queryString(result.query, {
						sort: key,
						dir: result.query.sort === key && result.query.dir === 'asc' ? 'desc' : 'asc',
						page: 1
					})
				])
			) as Record<manager.SortKey, string>,
			export: manager.queryString({ ...result.query, page: 1 })
		}
	};
};
