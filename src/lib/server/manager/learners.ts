// The learners table of an organisation: one page of learners with their status per module.
// Every query is scoped to the organisation from the guard; nothing here reads answers.
import { db } from '../db';
import type { Audience } from '../db/schema';
import type { LearnerQuery, SortKey } from './learner-query';
import { reportModules, statusOf, type EnrolmentFacts, type ModuleStatus } from './status';

export interface LearnerRow {
	id: number;
	name: string;
	email: string;
	team: string | null;
	audience: Audience | null;
	lastActivity: number | null;
	statuses: Record<string, ModuleStatus>;
}

export interface LearnerPage {
	rows: LearnerRow[];
	total: number;
	page: number;
	pages: number;
	query: LearnerQuery;
}

// Status of one module as SQL, for filtering all learners without loading them. It mirrors
// statusOf: certificate first, then the furthest enrolment.
const statusSql = `case
	when (select max(c.expires_at) from certificate c where c.user_id = m.user_id
		and c.module_slug = @module and c.revoked_at is null) > @now then 'certified'
	when exists (select 1 from certificate c where c.user_id = m.user_id
		and c.module_slug = @module and c.revoked_at is null) then 'expired'
	when exists (select 1 from enrolment e where e.user_id = m.user_id
		and e.module_slug = @module and e.status = 'completed') then 'completed'
	when exists (select 1 from enrolment e where e.user_id = m.user_id
		and e.module_slug = @module) then 'in_progress'
	else 'not_started' end`;

const orderSql: Record<SortKey, string> = {
	name: 'u.name collate nocase',
	team: "coalesce(t.name, '~') collate nocase",
	audience: "coalesce(m.audience, '~')",
	activity: 'coalesce(last_activity, 0)'
};

function learnerFilter(query: LearnerQuery): { where: string; params: Record<string, unknown> } {
	const clauses = ['m.organisation_id = @org', "m.role = 'learner'"];
	const params: Record<string, unknown> = {};
	if (query.team === 'none') clauses.push('m.team_id is null');
	else if (query.team !== null) {
		clauses.push('m.team_id = @team');
		params.team = query.team;
	}
	if (query.audience) {
		clauses.push('m.audience = @audience');
		params.audience = query.audience;
	}
	if (query.q) {
		clauses.push("(u.name like @q escape '\\' or u.email like @q escape '\\')");
		params.q = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	}
	if (query.status && query.module) {
		clauses.push(`(${statusSql}) = @status`);
		params.status = query.status;
		params.module = query.module;
	}
	return { where: clauses.join(' and '), params };
}

const learnerFrom = `from membership m
	join user u on u.id = m.user_id
	left join team t on t.id = m.team_id`;

interface BaseRow {
	id: number;
	name: string;
	email: string;
	team: string | null;
	audience: Audience | null;
	last_activity: number | null;
}

// The statement text is built only from fixed parts (allowlisted sort keys and clauses); values
// always travel as parameters.
/** How many learners match the filters (the table's total, the export's audit trail). */
export function countLearnersFor(orgId: number, query: LearnerQuery, now = Date.now()): number {
	const { where, params } = learnerFilter(query);
	const row = db.$client
		.prepare(`select count(*) as n ${learnerFrom} where ${where}`)
		.get({ ...params, org: orgId, now }) as { n: number };
	return row.n;
}

export function selectLearners(
	orgId: number,
	query: LearnerQuery,
	now: number,
	limit: number,
	offset: number
): Omit<BaseRow, 'last_activity'>[] {
	const { where, params } = learnerFilter(query);
	const dir = query.dir === 'desc' ? 'desc' : 'asc';
	return db.$client
		.prepare(
			`select u.id, u.name, u.email, t.name as team, m.audience${
				// Last activity comes with the statuses; it is computed here only to sort on it.
				query.sort === 'activity'
					? ', (select max(e.updated_at) from enrolment e where e.user_id = m.user_id) as last_activity'
					: ''
			}
			${learnerFrom} where ${where}
			order by ${orderSql[query.sort]} ${dir}, u.name collate nocase, u.id
			limit @limit offset @offset`
		)
		.all({ ...params, org: orgId, now, limit, offset }) as Omit<BaseRow, 'last_activity'>[];
}

interface LearnerFacts {
	statuses: Record<string, ModuleStatus>;
	lastActivity: number | null;
}

export function statusesFor(
	orgId: number,
	userIds: number[],
	now: number
): Map<number, LearnerFacts> {
	const result = new Map<number, LearnerFacts>();
	if (userIds.length === 0) return result;
	const sqlite = db.$client;
	const enrolments = new Map<string, EnrolmentFacts[]>();
	const certificates = new Map<string, number>();
	const activity = new Map<number, number>();
	// Chunks keep the parameter count under SQLite's limit for the CSV of a large organisation.
	for (let i = 0; i < userIds.length; i += 900) {
		const chunk = userIds.slice(i, i + 900);
		const marks = chunk.map(() => '?').join(',');
		const enrolmentRows = sqlite
			.prepare(
				`select user_id, module_slug, status, steps_done, steps_total, updated_at
				from enrolment where user_id in (${marks})`
			)
			.raw()
			.all(...chunk) as [number, string, string, number, number, number][];
		for (const [userId, slug, status, done, total, updatedAt] of enrolmentRows) {
			const key = `${userId}:${slug}`;
			if (updatedAt > (activity.get(userId) ?? 0)) activity.set(userId, updatedAt);
			const list = enrolments.get(key) ?? [];
			list.push({
				completed: status === 'completed',
				stepsDone: done,
				stepsTotal: total,
				updatedAt
			});
			enrolments.set(key, list);
		}
		const certificateRows = sqlite
			.prepare(
				`select user_id, module_slug, max(expires_at) from certificate
				where user_id in (${marks}) and revoked_at is null group by user_id, module_slug`
			)
			.raw()
			.all(...chunk) as [number, string, number][];
		for (const [userId, slug, expiresAt] of certificateRows) {
			certificates.set(`${userId}:${slug}`, expiresAt);
		}
	}
	const modules = reportModules(orgId);
	for (const id of userIds) {
		const statuses: Record<string, ModuleStatus> = {};
		for (const m of modules) {
			const key = `${id}:${m.slug}`;
			statuses[m.slug] = statusOf(enrolments.get(key) ?? [], certificates.get(key), now);
		}
		result.set(id, { statuses, lastActivity: activity.get(id) ?? null });
	}
	return result;
}

export function toRows(
	orgId: number,
	base: Omit<BaseRow, 'last_activity'>[],
	now: number
): LearnerRow[] {
	const facts = statusesFor(
		orgId,
		base.map((r) => r.id),
		now
	);
	return base.map((r) => ({
		id: r.id,
		name: r.name,
		email: r.email,
		team: r.team,
		audience: r.audience,
		lastActivity: facts.get(r.id)?.lastActivity ?? null,
		statuses: facts.get(r.id)?.statuses ?? {}
	}));
}

/** One page of the learners table of an organisation. */
export function listLearners(orgId: number, query: LearnerQuery, now = Date.now()): LearnerPage {
	const total = countLearnersFor(orgId, query, now);
	const pages = Math.max(1, Math.ceil(total / query.size));
	const page = Math.min(query.page, pages);
	const rows = selectLearners(orgId, query, now, query.size, (page - 1) * query.size);
	return { rows: toRows(orgId, rows, now), total, page, pages, query: { ...query, page } };
}
