// One learner of the organisation as a manager sees them: modules with status and dates, and
// certificates. Never answers, item scores or vignette choices.
import { and, desc, eq, sql } from 'drizzle-orm';
import { epochMs, epochMsOrNull, prepared } from '../db/prepared';
import { certificate, enrolment, membership, team, user, type Audience } from '../db/schema';
import { statusesFor } from './learners';
import { modulesSeenBy, reportModules, type ModuleStatus } from './status';
import { extraAttemptModules, type ExtraAttemptModule } from './extra-attempts';

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
	/** Modules for which the manager may give an extra final-assessment attempt (extra-attempts.ts). */
	extraAttemptModules: ExtraAttemptModule[];
	certificates: {
		id: number;
		title: string;
		issuedAt: number;
		expiresAt: number;
		state: 'valid' | 'expired' | 'revoked';
	}[];
}

const selectMember = prepared((database) =>
	database
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
		.where(
			and(
				eq(membership.organisationId, sql.placeholder('orgId')),
				eq(membership.role, 'learner'),
				eq(membership.userId, sql.placeholder('userId'))
			)
		)
		.prepare()
);
const selectEnrolmentDates = prepared((database) =>
	database
		.select({
			slug: enrolment.moduleSlug,
			startedAt: sql<number | null>`min(${epochMsOrNull(enrolment.startedAt)})`,
			completedAt: sql<number | null>`min(${epochMsOrNull(enrolment.completedAt)})`,
			lastActivity: sql<number | null>`max(${epochMs(enrolment.updatedAt)})`
		})
		.from(enrolment)
		.where(eq(enrolment.userId, sql.placeholder('userId')))
		.groupBy(enrolment.moduleSlug)
		.prepare()
);
const selectCertificates = prepared((database) =>
	database
		.select({
			id: certificate.id,
			slug: certificate.moduleSlug,
			issuedAt: epochMs(certificate.issuedAt),
			expiresAt: epochMs(certificate.expiresAt),
			revokedAt: epochMsOrNull(certificate.revokedAt)
		})
		.from(certificate)
		.where(eq(certificate.userId, sql.placeholder('userId')))
		.orderBy(desc(certificate.issuedAt))
		.prepare()
);

/** A learner of this organisation, or undefined (another organisation's id gets a 404). */
export async function getLearnerDetail(
	orgId: number,
	userId: number,
	now = Date.now()
): Promise<LearnerDetail | undefined> {
	const member = await selectMember().get({ orgId, userId });
	if (!member) return undefined;
	const statuses = (await statusesFor(orgId, [userId], now)).get(userId)?.statuses ?? {};
	const dates = new Map((await selectEnrolmentDates().all({ userId })).map((d) => [d.slug, d]));
	// Only modules this organisation may see (never another organisation's titles), read once for
	// the certificates and the extra-attempt list.
	const seen = await modulesSeenBy(orgId);
	const certificates = (await selectCertificates().all({ userId }))
		.filter((c) => seen.has(c.slug))
		.map((c) => ({
			id: c.id,
			title: seen.get(c.slug)!,
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
		modules: (await reportModules(orgId)).map((m) => ({
			slug: m.slug,
			title: m.title,
			status: statuses[m.slug] ?? { kind: 'not_started' },
			startedAt: dates.get(m.slug)?.startedAt ?? null,
			completedAt: dates.get(m.slug)?.completedAt ?? null,
			lastActivity: dates.get(m.slug)?.lastActivity ?? null
		})),
		certificates,
		extraAttemptModules: await extraAttemptModules(orgId, userId, seen)
	};
}
