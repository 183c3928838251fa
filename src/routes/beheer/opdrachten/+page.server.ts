import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { echo, parseForm } from '$lib/server/platform';
import { organisationFor, requireRole } from '$lib/server/accounts';
import { assignmentSchema } from '$lib/schemas/manager';
import { messages } from '$lib/i18n';
import * as manager from '$lib/server/manager';
import * as organisations from '$lib/server/organisations';

const learnerListLimit = 500;

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'manager');
	const org = organisationFor(user, 'manager');
	const learners = await organisations.listMembers(org.organisationId, 'learner');
	return {
		organisationName: org.organisationName,
		modules: await manager.reportModules(org.organisationId),
		teams: await organisations.listTeams(org.organisationId),
		learners: learners.slice(0, learnerListLimit).map((l) => ({ id: l.id, name: l.name })),
		learnersCapped: learners.length > learnerListLimit,
		assignments: (await manager.listAssignments(org.organisationId)).map((a) => ({
			...a,
			due: manager.formatDate(a.dueAt)
		}))
	};
};

const fields = ['module', 'target', 'teamId', 'dueAt'] as const;

export const actions: Actions = {
	create: async (event) => {
		const user = requireRole(event, 'manager');
		const org = organisationFor(user, 'manager');
		const formData = await event.request.formData();
		const values = echo(formData, fields);
		const parsed = parseForm(assignmentSchema, formData, fields);
		if (!parsed.ok) return fail(400, { create: { errors: parsed.errors, values } });
		const userIds = formData
			.getAll('userIds')
			.filter((v): v is string => typeof v === 'string' && /^[1-9][0-9]{0,9}$/.test(v))
			.map(Number);
		const { module, target, teamId, dueAt } = parsed.data;
		const result = await manager.createAssignment({
			organisationId: org.organisationId,
			moduleSlug: module,
			target,
			teamId: teamId === '' ? null : teamId,
			userIds,
			// The end of the chosen day in Belgium: 21:59:59 UTC is still that date in summer and
			// winter time, so the date shown is the date chosen.
			dueAt: dueAt === '' ? null : new Date(`${dueAt}T21:59:59.999Z`),
			createdBy: user.id,
			requestId: event.locals.requestId
		});
		if (!result.ok) {
			return fail(400, { create: { errors: { [result.field]: result.message }, values } });
		}
		return { done: messages.manager.assignments.created };
	},
	delete: async (event) => {
		const user = requireRole(event, 'manager');
		const org = organisationFor(user, 'manager');
		const values = (await event.request.formData()).getAll('assignmentId');
		const id = values.length === 1 && typeof values[0] === 'string' ? Number(values[0]) : NaN;
		if (!Number.isSafeInteger(id) || id <= 0) {
			return fail(400, { failed: messages.errors.badRequest });
		}
		const ok = await manager.deleteAssignment(
			org.organisationId,
			id,
			user.id,
			event.locals.requestId
		);
		return ok
			? { done: messages.manager.assignments.deleted }
			: fail(404, { failed: messages.manager.assignmentsPage.unknown });
	}
};
