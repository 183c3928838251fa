import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import {
	AuthoringError,
	draftContent,
	getDraft,
	exportFileName,
	exportModuleZip,
	zipDownload
} from '$lib/server/authoring';

// A draft the trainer may edit, as a zip in the modules/ format. A draft may be unfinished: the
// archive then holds what was saved, and importing it says what is still wrong.
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'trainer');
	const id = /^[1-9][0-9]{0,9}$/.test(event.params.draft) ? Number(event.params.draft) : NaN;
	let module;
	try {
		module = draftContent(await getDraft(user, id));
	} catch (err) {
		if (err instanceof AuthoringError) error(404, { message: messages.errors[404] });
		throw err;
	}
	return zipDownload(exportModuleZip(module), exportFileName(module));
};
