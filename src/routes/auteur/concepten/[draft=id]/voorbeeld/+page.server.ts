import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as preview from '$lib/server/preview';
import { requireRole } from '$lib/server/guards';
import { messages } from '$lib/i18n';

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'trainer');
	try {
		const content = preview.draftForPreview(user, event.params.draft);
		return { draftId: event.params.draft, ...preview.previewModule(content) };
	} catch (e) {
		if (e instanceof preview.PreviewError) error(404, { message: messages.errors[404] });
		throw e;
	}
};
