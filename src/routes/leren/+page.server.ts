import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';
import * as manager from '$lib/server/manager';
import * as certificates from '$lib/server/certificates';
import { signalsForPage } from '$lib/content/shipped-signals';

// No client JavaScript on the dashboard, as on a lesson step: it is headings, cards and links, so
// the browser downloads none of the Svelte and SvelteKit runtimes, and the server sends no
// hydration data (the page's own CPU per request fell by about a tenth, docs/operations.md). A
// client-side navigation from another page still renders it in the browser from this load's data
// (the signal list from the page's code).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'learner');
	const audience = user.memberships.find((m) => m.role === 'learner')?.audience ?? null;
	const now = new Date();
	// Independent reads, started together: on PostgreSQL each is a round trip of its own.
	const [held, overview, assignments, signalMap] = await Promise.all([
		certificates.learnerCertificates(user.id, now),
		manager.learnerDashboard(user.id, audience),
		manager.listAssignmentsForLearner(user.id),
		manager.signalMap(user.id)
	]);
	const refresher = held.refresher;
	const completed = new Set(overview.completed.map((m) => m.slug));
	const assigned = assignments.filter((a) => !completed.has(a.moduleSlug));
	// A module the organisation assigned is shown once, under the assignments with its due date,
	// not a second time among the suggestions.
	const assignedSlugs = new Set(assigned.map((a) => a.moduleSlug));
	// Only what the page shows: the cards' fields per list, not every module's whole card.
	return {
		name: user.name,
		inProgress: overview.inProgress.map((m) => ({
			slug: m.slug,
			title: m.title,
			stepsDone: m.stepsDone,
			stepsTotal: m.stepsTotal,
			resumeStep: m.resumeStep
		})),
		completed: overview.completed.map((m) => ({
			slug: m.slug,
			title: m.title,
			completedAt: m.completedAt
		})),
		suggested: overview.suggested.filter((m) => !assignedSlugs.has(m.slug)),
		assigned: assigned.map((a) => ({
			slug: a.moduleSlug,
			title: a.title,
			dueAt: a.dueAt,
			overdue: !!a.dueAt && a.dueAt.getTime() < now.getTime()
		})),
		refresher: {
			open: refresher.open,
			deadline: refresher.deadline,
			modules: refresher.modules.map((m) => m.title)
		},
		certificates: held.certificates
			.filter((c) => c.status !== 'renewed')
			.map((c) => ({
				id: c.id,
				moduleTitle: c.moduleTitle,
				status: c.status,
				expiresAt: c.expiresAt
			})),
		// The learner's counts; the signal list comes from the page's code (shipped-signals.ts).
		signalMap: { counts: signalMap.counts, signals: signalsForPage(signalMap.signals) }
	};
};
