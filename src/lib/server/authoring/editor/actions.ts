// What every editor page does on the server: find the draft or answer 404, save a posted form on
// top of the revision it was loaded with, and turn refusals into failures with a 4xx status (never a
// 500); the route turns them into Dutch with describeFailure.
import { error } from '@sveltejs/kit';
import { CATEGORY_LABELS, SIGNAL_CATEGORIES } from '$lib/content/categories';
import { messages } from '$lib/i18n';
import { getCourse } from '../../content/course';
import { MarkdownTooLongError, renderMarkdown } from '../../content/markdown';
import { AuthoringError, type Author } from '../access';
import {
	draftContent,
	draftIssues,
	getDraft,
	saveDraft,
	type DraftContent,
	type DraftState
} from '../drafts';
import type { DraftIssue } from '../validate';
import { failure, type Failure } from '../../platform/failure';
import { parseForm } from '../../platform/forms';
import {
	EDITOR_FORM_FIELDS,
	EditorInputError,
	FormReader,
	editorFormSchema,
	parseOp,
	type Op
} from './form-reader';

const t = messages.authoringEditor;

/** The draft for a page load; anything the author may not edit is a plain 404. */
export async function draftOr404(author: Author, draftId: number) {
	try {
		return await getDraft(author, draftId);
	} catch (e) {
		if (e instanceof AuthoringError) error(404, { message: t.notFound });
		throw e;
	}
}

/** Sanitised HTML for SafeHtml.svelte. */
export function preview(markdown: string | undefined): string {
	try {
		return renderMarkdown(markdown ?? '');
	} catch (e) {
		if (e instanceof MarkdownTooLongError) return '';
		throw e;
	}
}

/** HH:MM in Belgian time, for "Bewaard om 14:05". */
export function clock(date = new Date()): string {
	return new Intl.DateTimeFormat('nl-BE', {
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Europe/Brussels'
	}).format(date);
}

/** The platform's signals grouped by category, for the signal selects. */
export function signalGroups() {
	const signals = getCourse().signals;
	return SIGNAL_CATEGORIES.map((category) => ({
		label: CATEGORY_LABELS[category],
		signals: signals
			.filter((s) => s.category === category)
			.map((s) => ({ id: s.id, label: s.label }))
	})).filter((g) => g.signals.length > 0);
}

export function stateLabel(state: DraftState): string {
	return t.states[state];
}

export type SaveOutcome =
	| {
			ok: true;
			revision: number;
			issues: DraftIssue[];
			fieldErrors: Record<string, Failure>;
			content: DraftContent;
			savedAt: string;
	  }
	| { ok: false; status: 400 | 403 | 404 | 409 | 413; failure: Failure; conflict: boolean };

/**
 * Reads the form strictly, applies it (and its add/move/remove button) to the stored content and
 * saves it if the author still has the revision the page was loaded with.
 */
export async function saveFromForm(
	author: Author,
	draftId: number,
	formData: FormData,
	apply: (content: DraftContent, r: FormReader, op: Op | undefined) => DraftContent
): Promise<SaveOutcome> {
	try {
		const r = new FormReader(formData);
		const fixed = parseForm(editorFormSchema, formData, EDITOR_FORM_FIELDS);
		if (!fixed.ok) throw new EditorInputError();
		const { revision } = fixed.data;
		const op = parseOp(fixed.data.op);
		const draft = await getDraft(author, draftId);
		const content = apply(draftContent(draft), r, op);
		const saved = await saveDraft(author, draftId, content, revision);
		const stored = draftContent(await getDraft(author, draftId));
		if (stored.slug !== content.slug) r.errors.slug = failure('authoring.slugKept');
		return {
			ok: true,
			revision: saved.revision,
			issues: saved.issues,
			fieldErrors: r.errors,
			content: stored,
			savedAt: clock()
		};
	} catch (e) {
		if (e instanceof EditorInputError)
			return { ok: false, status: 400, failure: e.failure, conflict: false };
		if (e instanceof AuthoringError) {
			switch (e.code) {
				case 'conflict':
					return { ok: false, status: 409, failure: failure('authoring.conflict'), conflict: true };
				case 'too-large':
					return {
						ok: false,
						status: 413,
						failure: failure('authoring.draftTooLarge'),
						conflict: false
					};
				case 'forbidden':
					return {
						ok: false,
						status: 403,
						failure: failure('authoring.forbidden'),
						conflict: false
					};
				case 'not-found':
					return {
						ok: false,
						status: 404,
						failure: failure('authoring.notFound'),
						conflict: false
					};
			}
		}
		throw e;
	}
}

/** Issues of the stored draft (for page loads). */
export async function issuesOf(draft: Parameters<typeof draftIssues>[0]): Promise<DraftIssue[]> {
	return await draftIssues(draft);
}
