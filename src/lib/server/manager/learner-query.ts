// The learners table's query: filters, sort and page read from the URL, and back into links.
import type { Audience } from '../db/schema';
import { reportModules, statusKinds, type StatusKind } from './status';

export const sortKeys = ['name', 'team', 'audience', 'activity'] as const;
export type SortKey = (typeof sortKeys)[number];
export const pageSizes = [25, 50, 100] as const;

export interface LearnerQuery {
	q: string;
	/** A team id, 'none' for learners without a team, or null for every team. */
	team: number | 'none' | null;
	audience: Audience | null;
	/** The module the status filter looks at. */
	module: string | null;
	status: StatusKind | null;
	sort: SortKey;
	dir: 'asc' | 'desc';
	page: number;
	size: number;
}

export const defaultQuery: LearnerQuery = {
	q: '',
	team: null,
	audience: null,
	module: null,
	status: null,
	sort: 'name',
	dir: 'asc',
	page: 1,
	size: 50
};

function one(params: URLSearchParams, name: string): string | null {
	const values = params.getAll(name);
	return values.length === 1 ? values[0] : null;
}

/**
 * Reads the table's query parameters. Anything unknown, malformed or repeated falls back to the
 * default, so a hand-edited URL shows a sensible table and never an error.
 */
export function parseLearnerQuery(params: URLSearchParams, orgId?: number): LearnerQuery {
	const modules = reportModules(orgId);
	const query: LearnerQuery = { ...defaultQuery };
	const q = one(params, 'q');
	if (q) query.q = q.trim().slice(0, 100);
	const team = one(params, 'team');
	if (team === 'none') query.team = 'none';
	else if (team && /^[1-9][0-9]{0,9}$/.test(team)) query.team = Number(team);
	const audience = one(params, 'audience');
	if (audience === 'leerkracht' || audience === 'hulpverlener') query.audience = audience;
	const module = one(params, 'module');
	if (module && modules.some((m) => m.slug === module)) query.module = module;
	const status = one(params, 'status');
	if (status && (statusKinds as readonly string[]).includes(status)) {
		query.status = status as StatusKind;
	}
	if (query.status && !query.module) query.module = modules[0]?.slug ?? null;
	const sort = one(params, 'sort');
	if (sort && (sortKeys as readonly string[]).includes(sort)) query.sort = sort as SortKey;
	const dir = one(params, 'dir');
	if (dir === 'asc' || dir === 'desc') query.dir = dir;
	const page = one(params, 'page');
	if (page && /^[1-9][0-9]{0,5}$/.test(page)) query.page = Number(page);
	const size = one(params, 'size');
	if (size && (pageSizes as readonly number[]).includes(Number(size))) query.size = Number(size);
	return query;
}

/** The query as URL parameters, leaving out defaults; for links that keep the filters. */
export function queryString(query: LearnerQuery, change: Partial<LearnerQuery> = {}): string {
	const merged = { ...query, ...change };
	const params = new URLSearchParams();
	for (const key of Object.keys(defaultQuery) as (keyof LearnerQuery)[]) {
		const value = merged[key];
		if (value !== null && value !== '' && value !== defaultQuery[key]) {
			params.set(key, String(value));
		}
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}
