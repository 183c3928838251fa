// A first sign-in through an organisation's provider: the person picks leerkracht or
// hulpverlener once, then their learner account is created in that organisation.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { describeFailure, noErrors, parseForm, setSessionCookie } from '$lib/server/platform';
import { z } from 'zod';
import { audienceField } from '$lib/schemas/fields';
import * as sso from '$lib/server/sso';

const audienceSchema = z.object({ audience: audienceField });

export const load: PageServerLoad = async (event) => {
	const pending = await sso.findPendingSignIn(
		Number(event.params.provider),
		sso.readPendingCookie(event.cookies, event.url)
	);
	return { pending: pending ?? null };
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = parseForm(audienceSchema, await event.request.formData(), ['audience']);
		if (!parsed.ok) {
			return fail(400, { form: { message: parsed.message, errors: parsed.errors } });
		}
		const result = await sso.finishFirstSignIn(
			{
				providerId: Number(event.params.provider),
				token: sso.readPendingCookie(event.cookies, event.url),
				audience: parsed.data.audience
			},
			{ userAgent: event.request.headers.get('user-agent'), requestId: event.locals.requestId }
		);
		sso.clearPendingCookie(event.cookies, event.url);
		if (result.kind !== 'signedIn') {
			const message = describeFailure(
				result.kind === 'refused' ? result.failure : { code: 'sso.pendingExpired', params: {} }
			);
			return fail(400, { form: { message, errors: noErrors() } });
		}
		setSessionCookie(event.cookies, event.url, result.token, result.expiresAt);
		redirect(303, result.home);
	}
};
