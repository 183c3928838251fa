import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { organisationFor, requireRole } from '$lib/server/accounts';
import {
	AuthoringError,
	createDraftFromSnapshot,
	MAX_ARCHIVE_BYTES,
	importModuleZip,
	importedDraftContent
} from '$lib/server/authoring';
import { getCourse } from '$lib/server/content';
import { messages } from '$lib/i18n';

const t = messages.authoringZip;

export const load: PageServerLoad = (event) => {
	requireRole(event, 'trainer');
	return { maxKb: MAX_ARCHIVE_BYTES / 1024 };
};

const refuse = (errors: string[]) => fail(400, { errors });

export const actions: Actions = {
	// A new draft from an uploaded archive, in the trainer's organisation; the archive is checked
	// in full first and nothing is stored when anything is wrong.
	default: async (event) => {
		const user = requireRole(event, 'trainer');
		const org = organisationFor(user, 'trainer');
		const declared = Number(event.request.headers.get('content-length') ?? 0);
		if (declared > MAX_ARCHIVE_BYTES + 16 * 1024) {
			return refuse([t.uploadTooLarge(MAX_ARCHIVE_BYTES / 1024)]);
		}
		let formData: FormData;
		try {
			formData = await event.request.formData();
		} catch {
			// an unreadable body: cut off, or larger than the server reads
			return refuse([t.uploadTooLarge(MAX_ARCHIVE_BYTES / 1024)]);
		}
		const files = formData.getAll('archief');
		const file = files[0];
		if (files.length !== 1 || typeof file === 'string' || file.size === 0) {
			return refuse([t.noFile]);
		}
		if (file.size > MAX_ARCHIVE_BYTES) return refuse([t.uploadTooLarge(MAX_ARCHIVE_BYTES / 1024)]);
		const result = importModuleZip(
			new Uint8Array(await file.arrayBuffer()),
			new Set(getCourse().signalById.keys())
		);
		if (!result.ok) return refuse(result.errors);
		let draftId: number;
		try {
			draftId = (
				await createDraftFromSnapshot(user, org.organisationId, importedDraftContent(result.module))
			).id;
		} catch (err) {
			if (err instanceof AuthoringError) error(403, { message: messages.errors[403] });
			throw err;
		}
		redirect(303, `/auteur/concepten/${draftId}`);
	}
};
