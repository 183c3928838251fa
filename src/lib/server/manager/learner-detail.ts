// One learner of the organisation as a manager sees them: modules with status and dates, and
// certificates. Never answers, item scores or vignette choices.
import { db } from '../db';
import { prepared } from '../db/prepared';
import type { Audience } from '../db/schema';
import { statusesFor } from './learners';
import { moduleTitle, reportModules, type ModuleStatus } from './status';

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
