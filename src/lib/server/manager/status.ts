// Module status per learner, the modules a manager follows and how dates and statuses read.
// Pure where it can be, so the table, the detail page and the CSV agree.
import { messages } from '$lib/i18n';
import { getCourse } from '../content/course';
import { publishedAuthoredModules } from '../authoring/published';
import { latestVersionId, loadVersion } from '../content/versions';

const text = messages.manager.report;

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
export async function reportModules(orgId?: number): Promise<ReportModule[]> {
	const shipped = getCourse()
		.modules.filter((m) => m.meta.refreshes.length === 0)
		.map((m) => ({ slug: m.slug, title: m.meta.title }));
	if (orgId === undefined) return shipped;
	return [
		...shipped,
		...(await publishedAuthoredModules([orgId])).map((m) => ({ slug: m.slug, title: m.title }))
	];
}

/**
 * The modules an organisation sees, slug to title: every shipped module (refreshers included) and
 * the authored modules of the organisation or the platform; never another organisation's.
 */
export async function modulesSeenBy(organisationId: number): Promise<Map<string, string>> {
	const titles = new Map(getCourse().modules.map((m) => [m.slug, m.meta.title]));
	for (const m of await publishedAuthoredModules([organisationId])) titles.set(m.slug, m.title);
	return titles;
}

export async function moduleTitle(slug: string): Promise<string> {
	const shipped = getCourse().moduleBySlug.get(slug)?.meta.title;
	if (shipped) return shipped;
	const versionId = await latestVersionId(slug);
	return (
		(versionId === undefined ? undefined : (await loadVersion(versionId))?.module.meta.title) ??
		slug
	);
}

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

export interface EnrolmentFacts {
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
			return text.status.notStarted;
		case 'in_progress':
			return text.status.inProgress(status.percent ?? 0);
		case 'completed':
			return text.status.completed;
		case 'certified':
			return text.status.certified(formatDate(status.expiresAt, short));
		case 'expired':
			return text.status.expired(formatDate(status.expiresAt, short));
	}
}
