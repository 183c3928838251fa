import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formatDateTime } from '$lib/format';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import { z } from 'zod';
import * as authoring from '$lib/server/authoring';
import { parseForm } from '$lib/server/platform';
import { idField } from '$lib/schemas/fields';

const t = messages.authoringEditor;

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'trainer');
	const overview = await authoring.authoringOverview(user);
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

// A plain form: the version to duplicate and, when the trainer has more than one organisation,
// where the copy goes. Ids use the same pattern as the route matcher (src/params/id.ts).
const duplicateSchema = z.object({ versionId: idField, organisationId: idField.optional() });

export const actions: Actions = {
	duplicate: async (event) => {
		const user = requireRole(event, 'trainer');
		const parsed = parseForm(duplicateSchema, await event.request.formData(), [
			'versionId',
			'organisationId'
		]);
		const trainerOrgs = authoring.authorOrganisations(user);
		if (!parsed.ok) return fail(400, { failed: t.duplicateFailed });
		const { versionId } = parsed.data;
		const organisationId =
			parsed.data.organisationId ?? (trainerOrgs.length === 1 ? trainerOrgs[0] : null);
		if (organisationId === null || !trainerOrgs.includes(organisationId)) {
			return fail(400, { failed: t.duplicateFailed });
		}
		let draftId: number;
		try {
			draftId = (await authoring.duplicateAsDraft(user, organisationId, versionId)).id;
		} catch (e) {
			if (e instanceof authoring.AuthoringError) return fail(404, { failed: t.duplicateFailed });
			throw e;
		}
		redirect(303, `/auteur/concepten/${draftId}`);
	}
};
