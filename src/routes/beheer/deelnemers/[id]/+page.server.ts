import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { listAssignmentsForLearner } from '$lib/server/manager';
import { organisationFor, requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import * as manager from '$lib/server/manager';
import * as organisations from '$lib/server/organisations';
import { parseForm } from '$lib/server/platform';
import { extraAttemptSchema } from '$lib/schemas/manager';

function learnerId(raw: string): number {
	if (!/^[1-9][0-9]{0,9}$/.test(raw)) error(404, { message: messages.errors.notFound });
	return Number(raw);
}

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'manager');
	const org = organisationFor(user, 'manager');
	const detail = await manager.getLearnerDetail(org.organisationId, learnerId(event.params.id));
	// Another organisation's learner looks exactly like one that does not exist.
	if (!detail) error(404, { message: messages.errors.notFound });
	const teamList = await organisations.listTeams(org.organisationId);
	return {
		organisationName: org.organisationName,
		teams: teamList,
		learner: {
			id: detail.id,
			name: detail.name,
			email: detail.email,
			team: detail.team,
			audience: detail.audience,
			modules: detail.modules.map((m) => ({
				slug: m.slug,
				title: m.title,
				status: manager.statusLabel(m.status),
				startedAt: manager.formatDate(m.startedAt),
				completedAt: manager.formatDate(m.completedAt),
				lastActivity: manager.formatDate(m.lastActivity)
			})),
			extraAttemptModules: detail.extraAttemptModules,
			certificates: detail.certificates.map((c) => ({
				id: c.id,
				title: c.title,
				issuedAt: manager.formatDate(c.issuedAt),
				expiresAt: manager.formatDate(c.expiresAt),
				state: c.state
			})),
			assignments: (await listAssignmentsForLearner(detail.id, org.organisationId)).map((a) => ({
				title: a.title,
				dueAt: manager.formatDate(a.dueAt?.getTime())
			}))
		}
	};
};

export const actions: Actions = {
	move: async (event) => {
		const user = requireRole(event, 'manager');
		const org = organisationFor(user, 'manager');
		const id = learnerId(event.params.id);
		const formData = await event.request.formData();
		const values = formData.getAll('teamId');
		const raw = values.length === 1 && typeof values[0] === 'string' ? values[0] : null;
		if (raw === null || (raw !== '' && !/^[1-9][0-9]{0,9}$/.test(raw))) {
			return fail(400, { move: { ok: false, message: messages.errors.badRequest } });
		}
		const result = await organisations.moveLearner(
			org.organisationId,
			id,
			raw === '' ? null : Number(raw),
			user.id,
			event.locals.requestId
		);
		if (!result.ok) return fail(400, { move: { ok: false, message: result.message } });
		return { move: { ok: true, message: messages.manager.teams.moved } };
	},
	extraAttempt: async (event) => {
		const user = requireRole(event, 'manager');
		const org = organisationFor(user, 'manager');
		const id = learnerId(event.params.id);
		const parsed = parseForm(extraAttemptSchema, await event.request.formData(), ['module']);
		if (!parsed.ok) {
			return fail(400, { extraAttempt: { ok: false, message: messages.errors.badRequest } });
		}
		const result = await manager.giveExtraAttempt(
			org.organisationId,
			id,
			parsed.data.module,
			user.id,
			event.locals.requestId
		);
		if (!result.ok) return fail(400, { extraAttempt: result });
		return { extraAttempt: result };
	}
};
