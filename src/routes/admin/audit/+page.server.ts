import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import * as admin from '$lib/server/admin';

/** A yyyy-mm-dd date (Belgian day boundaries are close enough to UTC for a filter). */
function day(value: string | null, endOfDay: boolean): Date | null | undefined {
	if (!value) return undefined;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
	const date = new Date(`${value}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`);
	return Number.isNaN(date.getTime()) ? null : date;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const params = event.url.searchParams;
	const actor = (params.get('wie') ?? '').trim().slice(0, 254);
	const action = (params.get('actie') ?? '').trim().slice(0, 80);
	const fromText = params.get('van') ?? '';
	const toText = params.get('tot') ?? '';
	const from = day(fromText, false);
	const to = day(toText, true);
	const invalid = from === null || to === null;
	return {
		filter: { actor, action, from: fromText.slice(0, 10), to: toText.slice(0, 10) },
		error: invalid ? messages.account.admin.badDate : null,
		events: invalid
			? []
			: (
					await admin.searchAudit({
						actor: actor || undefined,
						action: action || undefined,
						from,
						to
					})
				).map((e) => ({
					id: e.id,
					at: e.at,
					actor: e.actorEmail ?? (e.actorUserId === null ? '' : `#${e.actorUserId}`),
					action: e.action,
					target: e.targetType ? `${e.targetType} ${e.targetId ?? ''}`.trim() : ''
				}))
	};
};
