import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import * as authoring from '$lib/server/authoring';
import { describeFailure, parseForm, type Failure } from '$lib/server/platform';
import { ITEM_TYPES } from '$lib/content/schema';
import { z } from 'zod';
import { layoutCaseMap } from '$lib/components/authoring/case-map';

const t = messages.authoringEditor;

/** The type of a new question, beside the path-named fields the editor's FormReader reads. */
const newItemSchema = z.object({ newItemType: z.enum(ITEM_TYPES) });

function stepAt(content: authoring.DraftContent, param: string) {
	const index = Number(param) - 1;
	const step = content.steps[index];
	if (!step) error(404, { message: t.notFound });
	return { index, step };
}

/** This step's issues keyed by form field; item issues become one line per item. */
function stepIssues(
	step: authoring.DraftContent['steps'][number],
	index: number,
	issues: readonly authoring.DraftIssue[],
	fieldErrors: Record<string, Failure> = {}
) {
	const list = authoring.itemListPath(step);
	const form = step.vignette ? authoring.vignetteToForm(step.vignette) : undefined;
	const mapped = authoring.issuesFor(issues, `steps.${index}.`, step.vignette);
	const own = mapped.filter((i) => !list || !i.key.startsWith(`${list}.`));
	const items = (authoring.itemsOf(step) ?? []).flatMap((_, k) => {
		const n = mapped.filter((i) => i.key.startsWith(`${list}.${k}.`)).length;
		return n ? [{ key: `${list}.${k}`, message: t.stepProblems(n) }] : [];
	});
	const errors = Object.entries(fieldErrors).map(([key, f]) => ({
		key,
		message: describeFailure(f)
	}));
	return [...errors, ...own.filter((i) => !fieldErrors[i.key]), ...items].map((i) => ({
		...i,
		label: authoring.fieldLabel(i.key, form)
	}));
}

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'trainer');
	const draft = await authoring.draftOr404(user, Number(event.params.draft));
	const content = authoring.draftContent(draft);
	const { index, step } = stepAt(content, event.params.step);
	const items = authoring.itemsOf(step);
	const confirm = Number(event.url.searchParams.get('verwijder'));
	return {
		id: draft.id,
		revision: draft.revision,
		moduleTitle: content.meta.title,
		index,
		stepCount: content.steps.length,
		slug: step.slug,
		meta: step.meta,
		markdown: step.markdown ?? '',
		preview: authoring.preview(step.markdown),
		vignette: step.vignette ? authoring.vignetteToForm(step.vignette) : null,
		caseMap: step.vignette ? layoutCaseMap(authoring.vignetteToForm(step.vignette)) : null,
		draw: step.assessment?.draw ?? null,
		itemList: authoring.itemListPath(step) ?? null,
		items:
			items?.map((item) => ({
				id: item.id,
				type: item.type,
				prompt: item.prompt.length > 120 ? `${item.prompt.slice(0, 117)}…` : item.prompt
			})) ?? null,
		signals: authoring.signalGroups(),
		issues: stepIssues(step, index, await authoring.issuesOf(draft)),
		confirmRemove:
			items && Number.isSafeInteger(confirm) && confirm >= 1 && confirm <= items.length
				? confirm - 1
				: null
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireRole(event, 'trainer');
		const draftId = Number(event.params.draft);
		const formData = await event.request.formData();
		let stepIndex = -1;
		const outcome = await authoring.saveFromForm(user, draftId, formData, (content, r, op) => {
			const { index, step } = stepAt(content, event.params.step);
			stepIndex = index;
			const list = authoring.itemListPath(step);
			let next = structuredClone(content);
			next.steps[index] = authoring.applyStep(
				step,
				r,
				op && list && op.list === list ? undefined : op
			);
			if (op && list && op.list === list) {
				let type: (typeof ITEM_TYPES)[number] | undefined;
				if (op.kind === 'add') {
					const parsed = parseForm(newItemSchema, formData, ['newItemType']);
					if (!parsed.ok) throw new authoring.EditorInputError();
					type = parsed.data.newItemType;
				}
				next = authoring.changeItems(next, index, op, type);
			}
			return next;
		});
		if (!outcome.ok)
			return fail(outcome.status, {
				message: describeFailure(outcome.failure),
				conflict: outcome.conflict
			});
		// After a confirmed removal the confirmation (?verwijder=N) must not stay on the page.
		if (String(formData.get('op')).startsWith('remove:')) redirect(303, event.url.pathname);
		const step = outcome.content.steps[stepIndex];
		return {
			saved: {
				revision: outcome.revision,
				savedAt: outcome.savedAt,
				issues: stepIssues(step, stepIndex, outcome.issues, outcome.fieldErrors),
				preview: authoring.preview(step.markdown)
			}
		};
	}
};
