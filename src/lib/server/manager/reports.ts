// What a manager sees of their own organisation: the dashboard, the learners table (and its CSV),
// one learner's modules and certificates, and the team signal map. Every function takes the
// organisation id from the guard (organisationFor) and every query is scoped to it. Nothing here
// reads responses or attempts: managers never see answers, item scores or vignette choices.
import { db } from '../db';
import { prepared } from '../db/prepared';
import { getCourse } from '../content/course';
import { listAssignmentTargets } from './assignments';
import { publishedAuthoredModules } from '../authoring/published';
import { latestVersionId, loadVersion } from '../content/versions';
import { CATEGORY_LABELS, SIGNAL_CATEGORIES, type SignalCategory } from '$lib/content/categories';
import type { Audience } from '../db/schema';

const day = 24 * 3600 * 1000;
export const expiryWindowDays = 60;
/** Team statistics below this many learners could point at one person: they stay hidden. */
export const minimumGroupSize = 5;

export interface ReportModule {
	slug: string;
	title: string;
}

/**
 * The modules a manager follows: every shipped module except refreshers (they renew others) and,
 * with an organisation, the authored modules its members can see (its own and platform modules).
 */
export function reportModules(orgId?: number): ReportModule[] {
	const shipped = getCourse()
		.modules.filter((m) => m.meta.refreshes.length === 0)
		.map((m) => ({ slug: m.slug, title: m.meta.title }));
	if (orgId === undefined) return shipped;
	return [
		...shipped,
		...publishedAuthoredModules([orgId]).map((m) => ({ slug: m.slug, title: m.title }))
	];
}

export function moduleTitle(slug: string): string {
	const shipped = getCourse().moduleBySlug.get(slug)?.meta.title;
	if (shipped) return shipped;
	const versionId = latestVersionId(slug);
	return (versionId === undefined ? undefined : loadVersion(versionId)?.module.meta.title) ?? slug;
}

// ---------------------------------------------------------------------------------------------
// Module status per learner

export type StatusKind = 'not_started' | 'in_progress' | 'completed' | 'certified' | 'expired';
export const statusKinds: readonly StatusKind[] = [
	'not_started',
	'in_progress',
	'completed',
	'certified',
	'expired'
];

export interface ModuleStatus {
	kind: StatusKind;
	/** Steps done, 0-100 (in progress). */
	percent?: number;
	/** Certificate expiry (certified or expired), ms since epoch. */
	expiresAt?: number;
}

interface EnrolmentFacts {
	completed: boolean;
	stepsDone: number;
	stepsTotal: number;
	updatedAt: number;
}

/**
 * One learner's status for one module. A certificate says most (valid or expired); without one,
 * the furthest enrolment counts. Pure, so the table, the detail page and the CSV agree.
 */
export function statusOf(
	enrolments: readonly EnrolmentFacts[],
	certificateExpiry: number | undefined,
	now: number
): ModuleStatus {
	if (certificateExpiry !== undefined) {
		return {
			kind: certificateExpiry > now ? 'certified' : 'expired',
			expiresAt: certificateExpiry
		};
	}
	if (enrolments.some((e) => e.completed)) return { kind: 'completed' };
	if (enrolments.length === 0) return { kind: 'not_started' };
	const best = Math.max(
		...enrolments.map((e) => (e.stepsTotal > 0 ? e.stepsDone / e.stepsTotal : 0))
	);
	return { kind: 'in_progress', percent: Math.min(99, Math.floor(best * 100)) };
}

const dateFormat = new Intl.DateTimeFormat('nl-BE', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/Brussels'
});
const shortDateFormat = new Intl.DateTimeFormat('nl-BE', {
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	timeZone: 'Europe/Brussels'
});

export function formatDate(ms: number | null | undefined, short = false): string {
	if (ms === null || ms === undefined) return '';
	return (short ? shortDateFormat : dateFormat).format(new Date(ms));
}

/** The Dutch label of a status, as the table, the detail page and the CSV show it. */
export function statusLabel(status: ModuleStatus, short = false): string {
	switch (status.kind) {
		case 'not_started':
			return 'niet gestart';
		case 'in_progress':
			return `bezig ${status.percent ?? 0} %`;
		case 'completed':
			return 'voltooid';
		case 'certified':
			return `certificaat geldig tot ${formatDate(status.expiresAt, short)}`;
		case 'expired':
			return `verlopen op ${formatDate(status.expiresAt, short)}`;
	}
}

// ---------------------------------------------------------------------------------------------
// The learners table: query parameters, listing and CSV

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
function countLearners(orgId: number, query: LearnerQuery, now: number): number {
	const { where, params } = learnerFilter(query);
	const row = db.$client
		.prepare(`select count(*) as n ${learnerFrom} where ${where}`)
		.get({ ...params, org: orgId, now }) as { n: number };
	return row.n;
}

function selectLearners(
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

function statusesFor(orgId: number, userIds: number[], now: number): Map<number, LearnerFacts> {
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

function toRows(orgId: number, base: Omit<BaseRow, 'last_activity'>[], now: number): LearnerRow[] {
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
	const total = countLearners(orgId, query, now);
	const pages = Math.max(1, Math.ceil(total / query.size));
	const page = Math.min(query.page, pages);
	const rows = selectLearners(orgId, query, now, query.size, (page - 1) * query.size);
	return { rows: toRows(orgId, rows, now), total, page, pages, query: { ...query, page } };
}

// ---------------------------------------------------------------------------------------------
// CSV for Flemish Excel: ';' separator, UTF-8 with BOM, CRLF line ends.

/**
 * One CSV cell. Text that a spreadsheet would read as a formula (= + - @, tab or carriage
 * return first) gets a leading apostrophe; quotes, separators and line breaks are quoted.
 */
export function csvCell(value: string): string {
	let text = value;
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	if (/[";\r\n,]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
	return text;
}

export function csvLine(cells: readonly string[]): string {
	return cells.map(csvCell).join(';') + '\r\n';
}

const audienceLabels: Record<Audience, string> = {
	leerkracht: 'Leerkracht',
	hulpverlener: 'Hulpverlener'
};

function csvHeader(orgId: number): string {
	return (
		'\uFEFF' +
		csvLine([
			'Naam',
			'E-mailadres',
			'Team',
			'Beroep',
			...reportModules(orgId).map((m) => m.title),
			'Laatste activiteit'
		])
	);
}

function csvRows(orgId: number, rows: LearnerRow[]): string {
	const modules = reportModules(orgId);
	let text = '';
	for (const row of rows) {
		text += csvLine([
			row.name,
			row.email,
			row.team ?? '',
			row.audience ? audienceLabels[row.audience] : '',
			...modules.map((m) => statusLabel(row.statuses[m.slug] ?? { kind: 'not_started' }, true)),
			formatDate(row.lastActivity, true)
		]);
	}
	return text;
}

export const csvChunkSize = 500;

/**
 * The learners table (all pages, same filters and order) as CSV, in chunks of 500 learners.
 * better-sqlite3 blocks the event loop while it works, so the export yields between chunks:
 * other people's requests are served in between instead of waiting for the whole file.
 */
export async function* streamLearnersCsv(
	orgId: number,
	query: LearnerQuery,
	now = Date.now()
): AsyncGenerator<string> {
	yield csvHeader(orgId);
	// One sorted query (a few milliseconds), then the statuses chunk by chunk.
	const base = selectLearners(orgId, query, now, -1, 0);
	for (let offset = 0; offset < base.length; offset += csvChunkSize) {
		await new Promise((resolve) => setImmediate(resolve));
		yield csvRows(orgId, toRows(orgId, base.slice(offset, offset + csvChunkSize), now));
	}
}

/** How many rows an export with these filters has (for the audit trail). */
export function countLearnersFor(orgId: number, query: LearnerQuery, now = Date.now()): number {
	return countLearners(orgId, query, now);
}

/** The whole CSV as one string (tests and small exports). */
export async function exportLearnersCsv(
	orgId: number,
	query: LearnerQuery,
	now = Date.now()
): Promise<{ csv: string; rows: number }> {
	let csv = '';
	for await (const chunk of streamLearnersCsv(orgId, query, now)) csv += chunk;
	return { csv, rows: countLearners(orgId, query, now) };
}

// ---------------------------------------------------------------------------------------------
// One learner

export interface LearnerDetail {
	id: number;
	name: string;
	email: string;
	team: string | null;
	audience: Audience | null;
	modules: {
		slug: string;
		title: string;
		status: ModuleStatus;
		startedAt: number | null;
		completedAt: number | null;
		lastActivity: number | null;
	}[];
	certificates: {
		id: number;
		title: string;
		issuedAt: number;
		expiresAt: number;
		state: 'valid' | 'expired' | 'revoked';
	}[];
}

const selectMember = prepared((database) =>
	database.$client.prepare(
		`select u.id, u.name, u.email, t.name as team, m.audience
		from membership m join user u on u.id = m.user_id left join team t on t.id = m.team_id
		where m.organisation_id = ? and m.role = 'learner' and m.user_id = ?`
	)
);
const selectEnrolmentDates = prepared((database) =>
	database.$client.prepare(
		`select module_slug as slug, min(started_at) as startedAt, min(completed_at) as completedAt,
			max(updated_at) as lastActivity
		from enrolment where user_id = ? group by module_slug`
	)
);
const selectCertificates = prepared((database) =>
	database.$client.prepare(
		`select id, module_slug as slug, issued_at as issuedAt, expires_at as expiresAt,
			revoked_at as revokedAt
		from certificate where user_id = ? order by issued_at desc`
	)
);

/** A learner of this organisation, or undefined (another organisation's id gets a 404). */
export function getLearnerDetail(
	orgId: number,
	userId: number,
	now = Date.now()
): LearnerDetail | undefined {
	const member = selectMember().get(orgId, userId) as
		| { id: number; name: string; email: string; team: string | null; audience: Audience | null }
		| undefined;
	if (!member) return undefined;
	const statuses = statusesFor(orgId, [userId], now).get(userId)?.statuses ?? {};
	const dates = new Map(
		(
			selectEnrolmentDates().all(userId) as {
				slug: string;
				startedAt: number | null;
				completedAt: number | null;
				lastActivity: number | null;
			}[]
		).map((d) => [d.slug, d])
	);
	const certificates = (
		selectCertificates().all(userId) as {
			id: number;
			slug: string;
			issuedAt: number;
			expiresAt: number;
			revokedAt: number | null;
		}[]
	).map((c) => ({
		id: c.id,
		title: moduleTitle(c.slug),
		issuedAt: c.issuedAt,
		expiresAt: c.expiresAt,
		state: c.revokedAt
			? ('revoked' as const)
			: c.expiresAt > now
				? ('valid' as const)
				: ('expired' as const)
	}));
	return {
		...member,
		modules: reportModules(orgId).map((m) => ({
			slug: m.slug,
			title: m.title,
			status: statuses[m.slug] ?? { kind: 'not_started' },
			startedAt: dates.get(m.slug)?.startedAt ?? null,
			completedAt: dates.get(m.slug)?.completedAt ?? null,
			lastActivity: dates.get(m.slug)?.lastActivity ?? null
		})),
		certificates
	};
}

// ---------------------------------------------------------------------------------------------
// The dashboard

export interface Dashboard {
	learners: number;
	assigned: { slug: string; title: string; targeted: number; completed: number; percent: number }[];
	expiringCertificates: number;
	overdue: number;
	completionsByMonth: { month: string; label: string; count: number }[];
	groupBy: 'team' | 'audience';
	byGroup: { slug: string; title: string; group: string; learners: number; percent: number }[];
}

const selectMembers = prepared((database) =>
	database.$client
		.prepare(
			`select user_id, team_id, audience from membership
			where organisation_id = ? and role = 'learner'`
		)
		.raw()
);
const selectCompleted = prepared((database) =>
	database.$client
		.prepare(
			`select distinct e.user_id, e.module_slug from membership m
			join enrolment e on e.user_id = m.user_id and e.status = 'completed'
			where m.organisation_id = ? and m.role = 'learner'`
		)
		.raw()
);
const selectExpiring = prepared((database) =>
	database.$client.prepare(
		`select count(*) as n from membership m
		join certificate c on c.user_id = m.user_id
		where m.organisation_id = @org and m.role = 'learner' and c.revoked_at is null
			and c.expires_at > @now and c.expires_at <= @until
			and not exists (select 1 from certificate r where r.user_id = c.user_id
				and r.module_slug = c.module_slug and r.revoked_at is null and r.expires_at > c.expires_at)`
	)
);
const selectMonthly = prepared((database) =>
	database.$client
		.prepare(
			`select strftime('%Y-%m', e.completed_at / 1000, 'unixepoch') as month, count(*) as n
			from membership m join enrolment e on e.user_id = m.user_id
			where m.organisation_id = @org and m.role = 'learner' and e.completed_at >= @from
			group by month`
		)
		.raw()
);
const selectTeams = prepared((database) =>
	database.$client.prepare('select id, name from team where organisation_id = ? order by name')
);

const monthLabel = new Intl.DateTimeFormat('nl-BE', {
	month: 'short',
	year: '2-digit',
	timeZone: 'UTC'
});

/** The twelve calendar months up to and including the one of `now`, oldest first (UTC). */
export function lastMonths(
	now: number,
	count = 12
): { key: string; start: number; label: string }[] {
	const date = new Date(now);
	const months = [];
	for (let i = count - 1; i >= 0; i--) {
		const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - i, 1);
		const d = new Date(start);
		months.push({
			key: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`,
			start,
			label: monthLabel.format(d)
		});
	}
	return months;
}

export function getDashboard(
	orgId: number,
	now = Date.now(),
	groupBy: 'team' | 'audience' = 'team'
): Dashboard {
	const members = selectMembers().all(orgId) as [number, number | null, Audience | null][];
	const completed = new Map<string, Set<number>>();
	for (const [userId, slug] of selectCompleted().all(orgId) as [number, string][]) {
		let set = completed.get(slug);
		if (!set) completed.set(slug, (set = new Set()));
		set.add(userId);
	}

	// Completion and overdue learners per assigned module, from the assignments' targets.
	const assignedMap = new Map<string, Set<number>>();
	let overdue = 0;
	for (const target of listAssignmentTargets(orgId, members)) {
		const set = assignedMap.get(target.moduleSlug) ?? new Set<number>();
		for (const id of target.userIds) set.add(id);
		assignedMap.set(target.moduleSlug, set);
		if (target.dueAt !== null && target.dueAt < now) {
			const done = completed.get(target.moduleSlug);
			for (const id of target.userIds) if (!done?.has(id)) overdue += 1;
		}
	}
	const assigned = [...assignedMap].map(([slug, users]) => {
		const done = completed.get(slug);
		let count = 0;
		for (const id of users) if (done?.has(id)) count += 1;
		return {
			slug,
			title: moduleTitle(slug),
			targeted: users.size,
			completed: count,
			percent: users.size ? Math.round((count / users.size) * 100) : 0
		};
	});

	const months = lastMonths(now);
	const monthly = new Map(
		selectMonthly().all({ org: orgId, from: months[0].start }) as [string, number][]
	);

	const teams = new Map(
		(selectTeams().all(orgId) as { id: number; name: string }[]).map((t) => [t.id, t.name])
	);
	const groupName = (teamId: number | null, audience: Audience | null) =>
		groupBy === 'team'
			? teamId !== null
				? (teams.get(teamId) ?? 'Zonder team')
				: 'Zonder team'
			: audience
				? audienceLabels[audience]
				: 'Onbekend';
	const groups = new Map<string, number[]>();
	for (const [userId, teamId, audience] of members) {
		const name = groupName(teamId, audience);
		const list = groups.get(name) ?? [];
		list.push(userId);
		groups.set(name, list);
	}
	const groupNames = [...groups.keys()].sort((a, b) => a.localeCompare(b, 'nl'));
	const chartModules = assigned.length
		? assigned.map((a) => ({ slug: a.slug, title: a.title }))
		: reportModules(orgId);
	const byGroup = chartModules.flatMap((m) =>
		groupNames.map((group) => {
			const ids = groups.get(group)!;
			const done = completed.get(m.slug);
			const count = done ? ids.filter((id) => done.has(id)).length : 0;
			return {
				slug: m.slug,
				title: m.title,
				group,
				learners: ids.length,
				percent: Math.round((count / ids.length) * 100)
			};
		})
	);

	return {
		learners: members.length,
		assigned,
		expiringCertificates: (
			selectExpiring().get({ org: orgId, now, until: now + expiryWindowDays * day }) as {
				n: number;
			}
		).n,
		overdue,
		completionsByMonth: months.map((m) => ({
			month: m.key,
			label: m.label,
			count: monthly.get(m.key) ?? 0
		})),
		groupBy,
		byGroup
	};
}

// ---------------------------------------------------------------------------------------------
// Team signal map

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

const selectTeamMastery = prepared((database) =>
	database.$client
		.prepare(
			`select m.team_id, sm.signal_id, sum(sm.seen), sum(sm.correct)
			from membership m join signal_mastery sm on sm.user_id = m.user_id
			where m.organisation_id = ? and m.role = 'learner' and m.team_id is not null and sm.seen > 0
			group by m.team_id, sm.signal_id`
		)
		.raw()
);
const selectTeamContributors = prepared((database) =>
	database.$client
		.prepare(
			`select m.team_id, count(distinct m.user_id)
			from membership m join signal_mastery sm on sm.user_id = m.user_id
			where m.organisation_id = ? and m.role = 'learner' and m.team_id is not null and sm.seen > 0
			group by m.team_id`
		)
		.raw()
);

/**
 * Per team and signal category: the share of signals recognised in first answers. Only teams
 * where at least five learners contributed show figures, so no one can be singled out.
 */
export function getTeamSignalMap(orgId: number): TeamSignalMap {
	const course = getCourse();
	const contributors = new Map(selectTeamContributors().all(orgId) as [number, number][]);
	const totals = new Map<number, Map<SignalCategory, { seen: number; correct: number }>>();
	for (const [teamId, signalId, seen, correct] of selectTeamMastery().all(orgId) as [
		number,
		string,
		number,
		number
	][]) {
		const category = course.signalById.get(signalId)?.category;
		if (!category) continue;
		const perTeam = totals.get(teamId) ?? new Map();
		const sum = perTeam.get(category) ?? { seen: 0, correct: 0 };
		sum.seen += seen;
		sum.correct += correct;
		perTeam.set(category, sum);
		totals.set(teamId, perTeam);
	}
	const teams = (selectTeams().all(orgId) as { id: number; name: string }[]).map((t) => {
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
