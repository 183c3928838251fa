import type { PageServerLoad } from './$types';
import * as reports from '$lib/server/reports';
import * as organisations from '$lib/server/organisations';
import { organisationFor, requireRole } from '$lib/server/guards';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'manager');
	const org = organisationFor(user, 'manager');
	const query = reports.parseLearnerQuery(event.url.searchParams, org.organisationId);
	const result = reports.listLearners(org.organisationId, query);
	const modules = reports.reportModules(org.organisationId);
	return {
		organisationName: org.organisationName,
		modules,
		teams: organisations.listTeams(org.organisationId),
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
			lastActivity: reports.formatDate(r.lastActivity),
			statuses: modules.map((m) => ({
				kind: r.statuses[m.slug]?.kind ?? 'not_started',
				label: reports.statusLabel(r.statuses[m.slug] ?? { kind: 'not_started' })
			}))
		})),
		links: {
			prev: result.page > 1 ? reports.queryString(result.query, { page: result.page - 1 }) : null,
			next:
				result.page < result.pages
					? reports.queryString(result.query, { page: result.page + 1 })
					: null,
			sort: Object.fromEntries(
				reports.sortKeys.map((key) => [
					key,
					reports.queryString(result.query, {
						sort: key,
						dir: result.query.sort === key && result.query.dir === 'asc' ? 'desc' : 'asc',
						page: 1
					})
				])
			) as Record<reports.SortKey, string>,
			export: reports.queryString({ ...result.query, page: 1 })
		}
	};
};
