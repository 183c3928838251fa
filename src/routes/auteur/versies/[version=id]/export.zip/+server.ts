import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import {
	AuthoringError,
	versionForAuthor,
	exportFileName,
	exportModuleZip,
	zipDownload
} from '$lib/server/authoring';

// Any module version the trainer may see (shipped, platform or of their organisation) as a zip in
// the modules/ format; another organisation's module is not found.
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'trainer');
	const id = Number(event.params.version); // the id matcher (src/params/id.ts) checked it
	let module;
	try {
		module = (await versionForAuthor(user, id)).module;
	} catch (err) {
		if (err instanceof AuthoringError) error(404, { message: messages.errors[404] });
		throw err;
	}
	return zipDownload(exportModuleZip(module), exportFileName(module));
};
