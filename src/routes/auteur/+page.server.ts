import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formatDateTime } from '$lib/format';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import * as authoring from '$lib/server/authoring';

const t = messages.authoringEditor;

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'trainer');
	const overview = authoring.authoringOverview(user);
	return {
		name: user.name,
		drafts: overview.drafts.map((d) => ({
			id: d.id,
			title: d.title,
			state: d.state,
			organisationName: d.scope === 'platform' ? t.platform : d.organisationName,
			changed: t.changedBy(formatDateTime(d.updatedAt), d.updatedByName),
			latestVersion: d.latestVersion
		})),
		shipped: overview.shipped.filter((m) => m.versionId !== null),
		others: overview.others,
		organisations: user.memberships
			.filter((m) => m.role === 'trainer')
			.map((m) => ({ id: m.organisationId, name: m.organisationName })),
		deleted: event.url.searchParams.has('weggegooid')
	};
};

const positiveId = (value: FormDataEntryValue | null) =>
	typeof value === 'string' && /^[1-9][0-9]{0,9}$/.test(value) ? Number(value) : null;

export const actions: Actions = {
	duplicate: async (event) => {
		const user = requireRole(event, 'trainer');
		const formData = await event.request.formData();
		const trainerOrgs = authoring.authorOrganisations(user);
		const versionId =
			formData.getAll('versionId').length === 1 ? positiveId(formData.get('versionId')) : null;
		const chosen = formData.getAll('organisationId');
		const organisationId =
			chosen.length === 0 && trainerOrgs.length === 1
				? trainerOrgs[0]
				: chosen.length === 1
					? positiveId(chosen[0])
					: null;
		if (versionId === null || organisationId === null || !trainerOrgs.includes(organisationId)) {
			return fail(400, { failed: t.duplicateFailed });
		}
		let draftId: number;
		try {
			draftId = authoring.duplicateAsDraft(user, organisationId, versionId).id;
		} catch (e) {
			if (e instanceof authoring.AuthoringError) return fail(404, { failed: t.duplicateFailed });
			throw e;
		}
		redirect(303, `/auteur/concepten/${draftId}`);
	}
};
