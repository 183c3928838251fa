import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { requireRole } from '$lib/server/accounts';
import { messages } from '$lib/i18n';
import * as authoring from '$lib/server/authoring';
import { describeFailure, parseForm, type Failure } from '$lib/server/platform';
import { STEP_KINDS } from '$lib/content/schema';
import { z } from 'zod';

const t = messages.authoringEditor;

// The fields beside the path-named draft fields (those are read by the editor's FormReader): the
// kind of a new step, and the draft's scope (organisation or platform), each sent at most once.
const newStepSchema = z.object({ newStepKind: z.enum(STEP_KINDS) });
const scopeSchema = z.object({ scope: z.enum(['organisation', 'platform']).optional() });

/** The issues this page shows: its own fields, plus one line per step that has problems. */
function settingsIssues(
	content: authoring.DraftContent,
	issues: readonly authoring.DraftIssue[],
	fieldErrors: Record<string, Failure> = {}
) {
	const own = authoring
		.issuesFor(issues, '')
		.filter((i) => !i.key.startsWith('steps.') || /^steps\.\d+\.meta\.kind$/.test(i.key))
		.map((i) => ({ ...i, key: i.key.replace(/\.meta\.kind$/, '') }));
	const steps = content.steps.flatMap((step, index) => {
		const n = issues.filter((i) => i.path.startsWith(`steps.${index}.`)).length;
		const kindIssue = own.find((i) => i.key === `steps.${index}`);
		if (!n || kindIssue) return [];
		return [{ key: `steps.${index}`, message: t.stepProblems(n) }];
	});
	const errors = Object.entries(fieldErrors).map(([key, f]) => ({
		key,
		message: describeFailure(f)
	}));
	const merged = [...errors, ...own.filter((i) => !fieldErrors[i.key]), ...steps];
	return merged.map((i) => ({
		...i,
		label: /^steps\.\d+$/.test(i.key)
			? t.stepN(
					Number(i.key.split('.')[1]) + 1,
					content.steps[Number(i.key.split('.')[1])]?.meta.title || t.untitled
				)
			: authoring.fieldLabel(i.key)
	}));
}

function stepProblems(content: authoring.DraftContent, issues: readonly authoring.DraftIssue[]) {
	return content.steps.map(
		(_, index) => issues.filter((i) => i.path.startsWith(`steps.${index}.`)).length
	);
}

export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'trainer');
	const draft = await authoring.draftOr404(user, Number(event.params.draft));
	const content = authoring.draftContent(draft);
	const issues = await authoring.issuesOf(draft);
	const history = await authoring.versionHistory(user, draft.id);
	const state = authoring.stateOf(draft);
	const confirm = Number(event.url.searchParams.get('verwijder'));
	return {
		id: draft.id,
		revision: draft.revision,
		state,
		stateLabel: authoring.stateLabel(state),
		latestVersion: history[0]?.version ?? null,
		slugEditable: !draft.publishedHash,
		scope: draft.scope,
		organisationName:
			user.memberships.find((m) => m.organisationId === draft.organisationId)?.organisationName ??
			'',
		platformTrainer: await authoring.isPlatformTrainer(user.id),
		slug: content.slug,
		meta: content.meta,
		markdown: content.markdown ?? '',
		preview: authoring.preview(content.markdown),
		steps: content.steps.map((s, i) => ({
			title: s.meta.title,
			kind: s.meta.kind,
			problems: stepProblems(content, issues)[i]
		})),
		issues: settingsIssues(content, issues),
		confirmRemove:
			Number.isSafeInteger(confirm) && confirm >= 1 && confirm <= content.steps.length
				? confirm - 1
				: null,
		confirmDelete: event.url.searchParams.has('weggooien') && !draft.publishedHash
	};
};

async function save(event: RequestEvent, user: authoring.Author, formData: FormData) {
	const draftId = Number(event.params.draft);
	const draft = await authoring.draftOr404(user, draftId);
	return await authoring.saveFromForm(user, draftId, formData, (content, r, op) => {
		let next = authoring.applySettings(content, r, { slugEditable: !draft.publishedHash });
		if (op?.list === 'meta.sources') {
			authoring.applyListOp(next, op, authoring.newSource);
		} else if (op?.list === 'steps' && op.kind === 'add') {
			const parsed = parseForm(newStepSchema, formData, ['newStepKind']);
			if (!parsed.ok) throw new authoring.EditorInputError();
			next = authoring.addStep(next, parsed.data.newStepKind);
		} else if (op?.list === 'steps') {
			next = authoring.changeSteps(next, op);
		} else if (op) {
			throw new authoring.EditorInputError();
		}
		return next;
	});
}

/** Organisation or platform: not part of the content, so it is set beside the save. */
async function saveScope(
	user: authoring.Author,
	draftId: number,
	formData: FormData
): Promise<string | null> {
	const parsed = parseForm(scopeSchema, formData, ['scope']);
	if (!parsed.ok) return t.badForm;
	const { scope } = parsed.data;
	if (!scope) return null;
	try {
		await authoring.setDraftScope(user, draftId, scope);
		return null;
	} catch (e) {
		if (e instanceof authoring.AuthoringError) return t.forbidden;
		throw e;
	}
}

function savedView(
	outcome: Extract<Awaited<ReturnType<typeof authoring.saveFromForm>>, { ok: true }>
) {
	return {
		revision: outcome.revision,
		savedAt: outcome.savedAt,
		issues: settingsIssues(outcome.content, outcome.issues, outcome.fieldErrors),
		preview: authoring.preview(outcome.content.markdown)
	};
}

export const actions: Actions = {
	save: async (event) => {
		const user = requireRole(event, 'trainer');
		const formData = await event.request.formData();
		const outcome = await save(event, user, formData);
		if (!outcome.ok)
			return fail(outcome.status, {
				message: describeFailure(outcome.failure),
				conflict: outcome.conflict
			});
		const scopeProblem = await saveScope(user, Number(event.params.draft), formData);
		if (scopeProblem) return fail(403, { message: scopeProblem, conflict: false });
		// After a confirmed removal the confirmation (?verwijder=N) must not stay on the page.
		if (String(formData.get('op')).startsWith('remove:steps')) redirect(303, event.url.pathname);
		return { saved: savedView(outcome) };
	},
	publish: async (event) => {
		const user = requireRole(event, 'trainer');
		const formData = await event.request.formData();
		const outcome = await save(event, user, formData);
		if (!outcome.ok)
			return fail(outcome.status, {
				message: describeFailure(outcome.failure),
				conflict: outcome.conflict
			});
		const scopeProblem = await saveScope(user, Number(event.params.draft), formData);
		if (scopeProblem) return fail(403, { message: scopeProblem, conflict: false });
		try {
			const result = await authoring.publishDraft(user, Number(event.params.draft));
			if (!result.ok) {
				return fail(400, { message: t.publishBlocked, conflict: false, saved: savedView(outcome) });
			}
			return { saved: savedView(outcome), published: result.version.version };
		} catch (e) {
			if (e instanceof authoring.AuthoringError)
				return fail(403, { message: t.forbidden, conflict: false });
			throw e;
		}
	},
	delete: async (event) => {
		const user = requireRole(event, 'trainer');
		try {
			await authoring.deleteDraft(user, Number(event.params.draft));
		} catch (e) {
			if (e instanceof authoring.AuthoringError)
				return fail(e.code === 'not-found' ? 404 : 409, { message: t.forbidden, conflict: false });
			throw e;
		}
		redirect(303, '/auteur?weggegooid=1');
	}
};
