import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import * as authoring from '$lib/server/authoring';

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'trainer');
	try {
		const content = await authoring.draftForPreview(user, event.params.draft);
		return { draftId: event.params.draft, ...authoring.previewModule(content) };
	} catch (e) {
		if (e instanceof authoring.PreviewError) error(404, { message: messages.errors[404] });
		throw e;
	}
};
