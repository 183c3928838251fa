import type { PageServerLoad } from './$types';
import { formatDateTime } from '$lib/format';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import * as authoring from '$lib/server/authoring';
import { storedChangeLine } from './change-lines';

const t = messages.authoringEditor;

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'trainer');
	const draft = await authoring.draftOr404(user, Number(event.params.draft));
	const organisationName =
		user.memberships.find((m) => m.organisationId === draft.organisationId)?.organisationName ?? '';
	return {
		id: draft.id,
		title: authoring.draftContent(draft).meta.title || t.untitled,
		versions: (await authoring.versionHistory(user, draft.id)).map((v) => ({
			version: v.version,
			date: formatDateTime(v.createdAt),
			iso: new Date(v.createdAt).toISOString(),
			by: v.publishedByName ?? t.unknownPerson,
			scope: v.scope === 'platform' ? t.platform : organisationName,
			inProgress: v.inProgress,
			changes: v.changes.map(storedChangeLine)
		}))
	};
};
