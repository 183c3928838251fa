// The numbered folders of a course (`<nn>-<slug>` modules and steps) and the files allowed
// beside them.
import { FOLDER_PATTERN, type ContentParams } from '$lib/content/schema';
import type { IssueCode } from './parse';
import type { ContentTree } from './tree';

export const FOLDER_HINT =
	'folder name must be <nn>-<slug>: two digits, a dash, then lowercase a-z, 0-9, -';
/** Files the loader reads; others (images, notes) may sit beside them. */
export const DATA_FILE = /\.(ya?ml|md|json)$/i;

/** Records a problem: file, field path, English message, and the code users read. */
export type AddIssue = (
	file: string,
	at: string,
	message: string,
	code?: IssueCode,
	params?: ContentParams
) => void;

export interface NumberedFolder {
	folder: string;
	slug: string;
	order: number;
	abs: string;
}

/** Folders `<nn>-<slug>`, with unique numbers and slugs; returns the valid ones in order. */
export function listFolders(
	tree: ContentTree,
	dir: string,
	allowedFiles: string[],
	add: AddIssue
): NumberedFolder[] {
	const out: NumberedFolder[] = [];
	const slugs = new Map<string, string>();
	const orders = new Map<number, string>();
	for (const e of tree.list(dir)) {
		const abs = tree.join(dir, e.name);
		if (!e.isDirectory) {
			if (DATA_FILE.test(e.name) && !allowedFiles.includes(e.name)) {
				add(
					abs,
					'',
					`unexpected file; expected ${allowedFiles.join(' or ')} here`,
					'content.unexpectedFile'
				);
			}
			continue;
		}
		if (!FOLDER_PATTERN.test(e.name)) {
			add(abs, '', FOLDER_HINT, 'content.folderName');
			continue;
		}
		const order = Number(e.name.slice(0, 2));
		const slug = e.name.slice(3);
		if (slugs.has(slug))
			add(abs, '', `slug "${slug}" is also used by ${slugs.get(slug)}`, 'content.slugUsed', {
				slug,
				other: slugs.get(slug)!
			});
		else if (orders.has(order))
			add(
				abs,
				'',
				`number ${e.name.slice(0, 2)} is also used by ${orders.get(order)}`,
				'content.numberUsed',
				{ number: e.name.slice(0, 2), other: orders.get(order)! }
			);
		else {
			slugs.set(slug, e.name);
			orders.set(order, e.name);
			out.push({ folder: e.name, slug, order, abs });
		}
	}
	return out;
}
