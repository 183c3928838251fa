import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as authoring from '$lib/server/authoring';
import * as editor from '$lib/server/authoring/editor';
import * as editing from '$lib/server/authoring/editor-actions';
import { requireRole } from '$lib/server/guards';
import { messages } from '$lib/i18n';

const t = messages.authoringEditor;

function itemAt(content: authoring.DraftContent, params: { step: string; item: string }) {
	const stepIndex = Number(params.step) - 1;
	const step = content.steps[stepIndex];
	const list = step && editor.itemListPath(step);
	const items = step && editor.itemsOf(step);
	const index = Number(params.item) - 1;
	if (!list || !items?.[index]) error(404, { message: t.notFound });
	return { stepIndex, step, list, index, item: items[index] };
}

function itemIssues(
	prefix: string,
	issues: readonly authoring.DraftIssue[],
	fieldErrors: Record<string, string> = {}
) {
	const own = editor.issuesFor(issues, prefix);
	const errors = Object.entries(fieldErrors).map(([key, message]) => ({ key, message }));
	return [...errors, ...own.filter((i) => !fieldErrors[i.key])].map((i) => ({
		...i,
		label: editor.fieldLabel(i.key)
	}));
}

export const load: PageServerLoad = (event) => {
	const user = requireRole(event, 'trainer');
	const draft = editing.draftOr404(user, Number(event.params.draft));
	const content = authoring.draftContent(draft);
	const { stepIndex, step, list, index, item } = itemAt(content, event.params);
	return {
		id: draft.id,
		revision: draft.revision,
		moduleTitle: content.meta.title,
		stepIndex,
		stepTitle: step.meta.title,
		index,
		item,
		signals: editing.signalGroups(),
		issues: itemIssues(`steps.${stepIndex}.${list}.${index}.`, editing.issuesOf(draft))
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireRole(event, 'trainer');
		const formData = await event.request.formData();
		let prefix = '';
		const outcome = editing.saveFromForm(
			user,
			Number(event.params.draft),
			formData,
			(content, r, op) => {
				const { stepIndex, list, index, item } = itemAt(content, event.params);
				prefix = `steps.${stepIndex}.${list}.${index}.`;
				const next = structuredClone(content);
				const items = editor.itemsOf(next.steps[stepIndex])!;
				items[index] = editor.applyItem(item, r, op);
				return next;
			}
		);
		if (!outcome.ok)
			return fail(outcome.status, { message: outcome.message, conflict: outcome.conflict });
		return {
			saved: {
				revision: outcome.revision,
				savedAt: outcome.savedAt,
				issues: itemIssues(prefix, outcome.issues, outcome.fieldErrors)
			}
		};
	}
};
