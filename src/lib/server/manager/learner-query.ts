// The learners table's query: filters, sort and page read from the URL, and back into links.
import { z } from 'zod';
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

// One schema per module list: every field falls back to its default on its own, so a
// hand-edited URL keeps the parts that are right.
function querySchema(moduleSlugs: readonly string[]) {
	return z.object({
		q: z
			.string()
			.transform((q) => q.trim().slice(0, 100))
			.catch(defaultQuery.q),
		team: z
			.union([
				z.literal('none'),
				z
					.string()
					.regex(/^[1-9][0-9]{0,9}$/)
					.transform(Number)
			])
			.nullable()
			.catch(defaultQuery.team),
		audience: z.enum(['leerkracht', 'hulpverlener']).nullable().catch(defaultQuery.audience),
		module: z
			.string()
			.refine((slug) => moduleSlugs.includes(slug))
			.nullable()
			.catch(defaultQuery.module),
		status: z.enum(statusKinds).nullable().catch(defaultQuery.status),
		sort: z.enum(sortKeys).catch(defaultQuery.sort),
		dir: z.enum(['asc', 'desc']).catch(defaultQuery.dir),
		page: z
			.string()
			.regex(/^[1-9][0-9]{0,5}$/)
			.transform(Number)
			.catch(defaultQuery.page),
		size: z
			.enum(pageSizes.map(String) as [string, ...string[]])
			.transform(Number)
			.catch(defaultQuery.size)
	});
}

/**
 * Reads the table's query parameters. Anything unknown, malformed or repeated falls back to the
 * default, so a hand-edited URL shows a sensible table and never an error.
 */
export async function parseLearnerQuery(
	params: URLSearchParams,
	orgId?: number
): Promise<LearnerQuery> {
	const modules = await reportModules(orgId);
	const input: Record<string, string | null> = {};
	for (const key of Object.keys(defaultQuery)) {
		const values = params.getAll(key);
		// Empty means "no filter", as the form sends it; a repeated field counts as absent.
		input[key] = values.length === 1 && values[0] !== '' ? values[0] : null;
	}
	const query: LearnerQuery = querySchema(modules.map((m) => m.slug)).parse(input);
	if (query.status && !query.module) query.module = modules[0]?.slug ?? null;
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
