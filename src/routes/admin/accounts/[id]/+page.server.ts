import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { parseForm } from '$lib/server/platform';
import { requireRole } from '$lib/server/accounts';
import {
	addMembershipSchema,
	changeMembershipSchema,
	membershipIdSchema
} from '$lib/schemas/account';
import { isId } from '$lib/schemas/fields';
import { messages } from '$lib/i18n';
import * as admin from '$lib/server/admin';
import * as authoring from '$lib/server/authoring';
import * as sso from '$lib/server/sso';
import { idSchema } from '$lib/schemas/account';

const m = messages.account.admin;

function targetId(event: RequestEvent): number {
	const raw = event.params.id;
	if (!isId(raw)) error(404, { message: messages.errors[404] });
	return Number(raw);
}

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'admin');
	const detail = await admin.getUserDetail(targetId(event));
	if (!detail) error(404, { message: messages.errors[404] });
	return {
		account: detail,
		self: detail.id === user.id,
		platformTrainer: await authoring.isPlatformTrainer(detail.id),
		ssoLinks: await sso.listIdentityLinks(detail.id),
		isTrainer: detail.memberships.some((ms) => ms.role === 'trainer'),
		organisations: (await admin.listOrganisations())
			.filter((o) => !o.archivedAt)
			.map((o) => ({ id: o.id, name: o.name }))
	};
};

type Result = admin.AdminResult;

function answer(result: Result, done: string) {
	if (result.ok) return { notice: done };
	const text =
		result.reason === 'self' ? m.notSelf : result.reason === 'duplicate' ? m.duplicate : m.notFound;
	return fail(result.reason === 'not_found' ? 404 : 400, { notice: text, failed: true });
}

/** Guard, target and actor for every action on this page. */
function context(event: RequestEvent) {
	const user = requireRole(event, 'admin');
	return { id: targetId(event), actor: { id: user.id, requestId: event.locals.requestId } };
}

export const actions: Actions = {
	uitschakelen: async (event) => {
		const { id, actor } = context(event);
		return answer(await admin.setUserDisabled(id, true, actor), m.saved);
	},
	inschakelen: async (event) => {
		const { id, actor } = context(event);
		return answer(await admin.setUserDisabled(id, false, actor), m.saved);
	},
	beheerderMaken: async (event) => {
		const { id, actor } = context(event);
		return answer(await admin.setUserAdmin(id, true, actor), m.saved);
	},
	beheerderIntrekken: async (event) => {
		const { id, actor } = context(event);
		return answer(await admin.setUserAdmin(id, false, actor), m.saved);
	},
	platformtrainerMaken: async (event) => {
		const { id, actor } = context(event);
		const detail = await admin.getUserDetail(id);
		if (!detail) return answer({ ok: false, reason: 'not_found' }, '');
		if (!detail.memberships.some((ms) => ms.role === 'trainer')) {
			return fail(400, {
				notice: messages.authoringLearner.platformTrainerNeedsRole,
				failed: true
			});
		}
		await authoring.setPlatformTrainer(actor.id, id, true);
		return { notice: messages.authoringLearner.platformTrainerSaved };
	},
	platformtrainerIntrekken: async (event) => {
		const { id, actor } = context(event);
		if (!(await admin.getUserDetail(id))) return answer({ ok: false, reason: 'not_found' }, '');
		await authoring.setPlatformTrainer(actor.id, id, false);
		return { notice: messages.authoringLearner.platformTrainerSaved };
	},
	sessiesBeeindigen: async (event) => {
		const { id, actor } = context(event);
		return { notice: m.sessionsEnded(await admin.endUserSessions(id, actor)) };
	},
	tweestapWissen: async (event) => {
		const { id, actor } = context(event);
		return answer(await admin.resetUserTwoFactor(id, actor), m.saved);
	},
	koppelingVerwijderen: async (event) => {
		const { id, actor } = context(event);
		const parsed = parseForm(idSchema, await event.request.formData(), ['id']);
		if (!parsed.ok) return fail(400, { notice: parsed.message, failed: true });
		if (!(await sso.removeIdentityLink(id, parsed.data.id, actor))) {
			return answer({ ok: false, reason: 'not_found' }, '');
		}
		return { notice: messages.sso.unlinked };
	},
	rolToevoegen: async (event) => {
		const { id, actor } = context(event);
		const parsed = parseForm(addMembershipSchema, await event.request.formData(), [
			'organisation',
			'role'
		]);
		if (!parsed.ok) return fail(400, { notice: parsed.message, failed: true });
		return answer(
			await admin.addUserMembership(id, parsed.data.organisation, parsed.data.role, actor),
			m.saved
		);
	},
	rolWijzigen: async (event) => {
		const { id, actor } = context(event);
		const parsed = parseForm(changeMembershipSchema, await event.request.formData(), [
			'membership',
			'role'
		]);
		if (!parsed.ok) return fail(400, { notice: parsed.message, failed: true });
		if (!(await ownsMembership(id, parsed.data.membership)))
			return answer({ ok: false, reason: 'not_found' }, '');
		return answer(
			await admin.changeMembershipRole(parsed.data.membership, parsed.data.role, actor),
			m.saved
		);
	},
	rolVerwijderen: async (event) => {
		const { id, actor } = context(event);
		const parsed = parseForm(membershipIdSchema, await event.request.formData(), ['membership']);
		if (!parsed.ok) return fail(400, { notice: parsed.message, failed: true });
		if (!(await ownsMembership(id, parsed.data.membership)))
			return answer({ ok: false, reason: 'not_found' }, '');
		return answer(await admin.removeMembership(parsed.data.membership, actor), m.saved);
	}
};

/** A membership id from the form must belong to the account in the URL. */
async function ownsMembership(userId: number, membershipId: number): Promise<boolean> {
	return !!(await admin.getUserDetail(userId))?.memberships.some((ms) => ms.id === membershipId);
}
