import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	invalidateOwnSession,
	invalidateUserSessions,
	listUserSessions,
	requireUser
} from '$lib/server/accounts';
import { recordAudit, noErrors, parseForm, describeUserAgent } from '$lib/server/platform';
import { changePasswordSchema, sessionIdSchema } from '$lib/schemas/account';
import { messages } from '$lib/i18n';
import * as accounts from '$lib/server/accounts';
import * as sso from '$lib/server/sso';

const m = messages.account;

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const current = event.locals.session?.id;
	return {
		profile: {
			name: user.name,
			email: user.email,
			memberships: user.memberships.map((ms) => ({
				organisationName: ms.organisationName,
				role: ms.role,
				audience: ms.audience
			})),
			isAdmin: user.isAdmin
		},
		twoFactor: await accounts.getStatus(user.id),
		hasPassword: await accounts.hasPassword(user.id),
		ssoLinks: (await sso.listIdentityLinks(user.id)).map((link) => ({
			id: link.id,
			provider: link.provider,
			organisation: link.organisation
		})),
		sessions: (await listUserSessions(user.id)).map((s) => ({
			id: s.id,
			createdAt: s.createdAt,
			lastSeenAt: s.lastSeenAt,
			browser: describeUserAgent(s.userAgent, m.unknownBrowser),
			current: s.id === current
		}))
	};
};

export const actions: Actions = {
	wachtwoord: async (event) => {
		const user = requireUser(event);
		const formData = await event.request.formData();
		const fields = ['current', 'password', 'confirm'] as const;
		const parsed = parseForm(changePasswordSchema, formData, fields);
		if (!parsed.ok) {
			return fail(400, { password: { message: parsed.message, errors: parsed.errors } });
		}
		const result = await accounts.changePassword({
			userId: user.id,
			session: event.locals.session!,
			current: parsed.data.current,
			password: parsed.data.password,
			requestId: event.locals.requestId
		});
		if (!result.ok) {
			return fail(400, {
				password: { message: result.message, errors: { [result.field]: result.message } }
			});
		}
		return { password: { message: '', errors: noErrors() }, notice: m.passwordChanged };
	},
	sessie: async (event) => {
		const user = requireUser(event);
		const parsed = parseForm(sessionIdSchema, await event.request.formData(), ['id']);
		if (!parsed.ok) return fail(400, { notice: messages.errors.badRequest });
		// Only the user's own sessions: someone else's id changes nothing.
		if (await invalidateOwnSession(user.id, parsed.data.id)) {
			await recordAudit({
				action: 'auth.session_ended',
				actorUserId: user.id,
				requestId: event.locals.requestId
			});
		}
		return { notice: m.sessionEnded };
	},
	andereSessies: async (event) => {
		const user = requireUser(event);
		await invalidateUserSessions(user.id, event.locals.session!.id);
		await recordAudit({
			action: 'auth.sessions_ended',
			actorUserId: user.id,
			requestId: event.locals.requestId
		});
		return { notice: m.sessionsEndedOthers };
	}
};
