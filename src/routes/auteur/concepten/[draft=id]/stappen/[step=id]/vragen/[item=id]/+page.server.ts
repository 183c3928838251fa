import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import * as authoring from '$lib/server/authoring';
import { describeFailure, type Failure } from '$lib/server/platform';

const t = messages.authoringEditor;

function itemAt(content: authoring.DraftContent, params: { step: string; item: string }) {
	const stepIndex = Number(params.step) - 1;
	const step = content.steps[stepIndex];
	const list = step && authoring.itemListPath(step);
	const items = step && authoring.itemsOf(step);
	const index = Number(params.item) - 1;
	if (!list || !items?.[index]) error(404, { message: t.notFound });
	return { stepIndex, step, list, index, item: items[index] };
}

function itemIssues(
	prefix: string,
	issues: readonly authoring.DraftIssue[],
	fieldErrors: Record<string, Failure> = {}
) {
	const own = authoring.issuesFor(issues, prefix);
	const errors = Object.entries(fieldErrors).map(([key, f]) => ({
		key,
		message: describeFailure(f)
	}));
	return [...errors, ...own.filter((i) => !fieldErrors[i.key])].map((i) => ({
		...i,
		label: authoring.fieldLabel(i.key)
	}));
}

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'trainer');
	const draft = await authoring.draftOr404(user, Number(event.params.draft));
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
		signals: authoring.signalGroups(),
		issues: itemIssues(`steps.${stepIndex}.${list}.${index}.`, await authoring.issuesOf(draft))
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireRole(event, 'trainer');
		const formData = await event.request.formData();
		let prefix = '';
		const outcome = await authoring.saveFromForm(
			user,
			Number(event.params.draft),
			formData,
			(content, r, op) => {
				const { stepIndex, list, index, item } = itemAt(content, event.params);
				prefix = `steps.${stepIndex}.${list}.${index}.`;
				const next = structuredClone(content);
				const items = authoring.itemsOf(next.steps[stepIndex])!;
				items[index] = authoring.applyItem(item, r, op);
				return next;
			}
		);
		if (!outcome.ok)
			return fail(outcome.status, {
				message: describeFailure(outcome.failure),
				conflict: outcome.conflict
			});
		return {
			saved: {
				revision: outcome.revision,
				savedAt: outcome.savedAt,
				issues: itemIssues(prefix, outcome.issues, outcome.fieldErrors)
			}
		};
	}
};
