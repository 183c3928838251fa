// The manager's dashboard: learners, completion of assigned modules, expiring certificates,
// overdue learners, completions per month and completion per team or audience.
import { messages } from '$lib/i18n';
import { prepared } from '../db/prepared';
import type { Audience } from '../db/schema';
import { listAssignmentTargets } from './assignments';
import { expiryWindowDays, moduleTitle, reportModules } from './status';

const day = 24 * 3600 * 1000;

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
export const selectTeams = prepared((database) =>
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
				? (teams.get(teamId) ?? messages.manager.report.noTeam)
				: messages.manager.report.noTeam
			: audience
				? messages.audiences[audience]
				: messages.manager.report.unknownAudience;
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
