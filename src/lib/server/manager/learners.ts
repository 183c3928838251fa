// The learners table of an organisation: one page of learners with their status per module.
// Every query is scoped to the organisation from the guard; nothing here reads answers.
import { and, asc, count, desc, eq, exists, isNull, sql, type SQL } from 'drizzle-orm';
import { db, first } from '../db';
import { epochMs } from '../db/prepared';
import { ignoringCase, inIdList, likeIgnoringCase } from '../db/sql';
import { certificate, enrolment, membership, team, user, type Audience } from '../db/schema';
import type { LearnerQuery, SortKey } from './learner-query';
import {
	reportModules,
	statusOf,
	type EnrolmentFacts,
	type ModuleStatus,
	type ReportModule,
	type StatusKind
} from './status';

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
function statusSql(module: string, now: number): SQL<StatusKind> {
	const ownCertificate = and(
		eq(certificate.userId, membership.userId),
		eq(certificate.moduleSlug, module),
		isNull(certificate.revokedAt)
	);
	const ownEnrolment = and(
		eq(enrolment.userId, membership.userId),
		eq(enrolment.moduleSlug, module)
	);
	const latestExpiry = db
		.select({ expiresAt: sql`max(${epochMs(certificate.expiresAt)})` })
		.from(certificate)
		.where(ownCertificate);
	const any = (table: typeof certificate | typeof enrolment, where: SQL | undefined) =>
		exists(
			db
				.select({ one: sql`1` })
				.from(table)
				.where(where)
		);
	return sql<StatusKind>`case
		when (${latestExpiry}) > ${now} then 'certified'
		when ${any(certificate, ownCertificate)} then 'expired'
		when ${any(enrolment, and(ownEnrolment, eq(enrolment.status, 'completed')))} then 'completed'
		when ${any(enrolment, ownEnrolment)} then 'in_progress'
		else 'not_started' end`;
}

// Last activity comes with the statuses; as SQL it serves only to sort on it.
const lastActivitySql = sql<
	number | null
>`(select max(${epochMs(enrolment.updatedAt)}) from ${enrolment}
	where ${enrolment.userId} = ${membership.userId})`;

const orderSql: Record<SortKey, SQL> = {
	name: ignoringCase(user.name),
	team: ignoringCase(sql`coalesce(${team.name}, '~')`),
	audience: sql`coalesce(${membership.audience}, '~')`,
	activity: sql`coalesce(${lastActivitySql}, 0)`
};

/** The table's filters; values always travel as parameters. */
function learnerFilter(orgId: number, query: LearnerQuery, now: number): SQL | undefined {
	const clauses: (SQL | undefined)[] = [
		eq(membership.organisationId, orgId),
		eq(membership.role, 'learner')
	];
	if (query.team === 'none') clauses.push(isNull(membership.teamId));
	else if (query.team !== null) clauses.push(eq(membership.teamId, query.team));
	if (query.audience) clauses.push(eq(membership.audience, query.audience));
	if (query.q) {
		const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		clauses.push(
			sql`(${likeIgnoringCase(user.name, pattern)} or ${likeIgnoringCase(user.email, pattern)})`
		);
	}
	if (query.status && query.module) {
		clauses.push(sql`(${statusSql(query.module, now)}) = ${query.status}`);
	}
	return and(...clauses);
}

/** A learner of the table before their statuses are read. */
export type BaseRow = Omit<LearnerRow, 'lastActivity' | 'statuses'>;

/** How many learners match the filters (the table's total, the export's audit trail). */
export async function countLearnersFor(
	orgId: number,
	query: LearnerQuery,
	now = Date.now()
): Promise<number> {
	return (await first(
		db
			.select({ n: count() })
			.from(membership)
			.innerJoin(user, eq(user.id, membership.userId))
			.leftJoin(team, eq(team.id, membership.teamId))
			.where(learnerFilter(orgId, query, now))
	))!.n;
}

/** The learners in the table's order; `limit` -1 returns them all (the CSV). */
export async function selectLearners(
	orgId: number,
	query: LearnerQuery,
	now: number,
	limit: number,
	offset: number
): Promise<BaseRow[]> {
	const order = orderSql[query.sort];
	return await db
		.select({
			id: user.id,
			name: user.name,
			email: user.email,
			team: team.name,
			audience: membership.audience
		})
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.leftJoin(team, eq(team.id, membership.teamId))
		.where(learnerFilter(orgId, query, now))
		.orderBy(query.dir === 'desc' ? desc(order) : asc(order), ignoringCase(user.name), user.id)
		.limit(limit)
		.offset(offset);
}

interface LearnerFacts {
	statuses: Record<string, ModuleStatus>;
	lastActivity: number | null;
}

/**
 * Each learner's status per report module and last activity. `modules` is the organisation's
 * report modules when the caller has them already (the CSV export reads them once, not per chunk).
 */
export async function statusesFor(
	orgId: number,
	userIds: number[],
	now: number,
	modules?: readonly ReportModule[]
): Promise<Map<number, LearnerFacts>> {
	const result = new Map<number, LearnerFacts>();
	if (userIds.length === 0) return result;
	const enrolments = new Map<string, EnrolmentFacts[]>();
	const certificates = new Map<string, number>();
	const activity = new Map<number, number>();
	// Two independent reads, started together: on PostgreSQL each is a round trip of its own (on a
	// connection of its own outside a transaction). The ids go as one parameter (inIdList): no
	// list of hundreds of parameters to build, send and plan (docs/operations.md).
	const [enrolmentRows, certificateRows] = await Promise.all([
		db
			.select({
				userId: enrolment.userId,
				slug: enrolment.moduleSlug,
				status: enrolment.status,
				done: enrolment.stepsDone,
				total: enrolment.stepsTotal,
				updatedAt: epochMs(enrolment.updatedAt)
			})
			.from(enrolment)
			.where(inIdList(enrolment.userId, userIds)),
		db
			.select({
				userId: certificate.userId,
				slug: certificate.moduleSlug,
				expiresAt: sql<number>`max(${epochMs(certificate.expiresAt)})`
			})
			.from(certificate)
			.where(and(inIdList(certificate.userId, userIds), isNull(certificate.revokedAt)))
			.groupBy(certificate.userId, certificate.moduleSlug)
	]);
	for (const { userId, slug, status, done, total, updatedAt } of enrolmentRows) {
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
	for (const { userId, slug, expiresAt } of certificateRows) {
		certificates.set(`${userId}:${slug}`, expiresAt);
	}
	const reported = modules ?? (await reportModules(orgId));
	for (const id of userIds) {
		const statuses: Record<string, ModuleStatus> = {};
		for (const m of reported) {
			const key = `${id}:${m.slug}`;
			statuses[m.slug] = statusOf(enrolments.get(key) ?? [], certificates.get(key), now);
		}
		result.set(id, { statuses, lastActivity: activity.get(id) ?? null });
	}
	return result;
}

export async function toRows(
	orgId: number,
	base: Omit<BaseRow, 'last_activity'>[],
	now: number,
	modules?: readonly ReportModule[]
): Promise<LearnerRow[]> {
	const facts = await statusesFor(
		orgId,
		base.map((r) => r.id),
		now,
		modules
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
export async function listLearners(
	orgId: number,
	query: LearnerQuery,
	now = Date.now()
): Promise<LearnerPage> {
	const total = await countLearnersFor(orgId, query, now);
	const pages = Math.max(1, Math.ceil(total / query.size));
	const page = Math.min(query.page, pages);
	const rows = await selectLearners(orgId, query, now, query.size, (page - 1) * query.size);
	return { rows: await toRows(orgId, rows, now), total, page, pages, query: { ...query, page } };
}
