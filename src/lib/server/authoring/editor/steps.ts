// Step forms as draft content: module settings, new steps, the step list and a step's own fields
// (Markdown, vignette nodes and endings).
import { type StepKind, type Vignette } from '$lib/content/schema';
import type { StepSnapshot } from '../../content/versions';
import type { DraftContent } from '../drafts';
import { EditorInputError, FormReader, applyListOp, freeId, type Op } from './form-reader';
import { failure } from '../../platform/failure';
import { keepOrder } from './items';

const AUDIENCES = ['leerkracht', 'hulpverlener', 'both'] as const;

/** The settings form (slug, meta, introduction) applied to a copy of the content. */
export function applySettings(
	content: DraftContent,
	r: FormReader,
	options: { slugEditable: boolean }
): DraftContent {
	const next = structuredClone(content);
	if (options.slugEditable && r.has('slug')) next.slug = r.text('slug')!.trim();
	const meta = next.meta;
	meta.title = r.text('meta.title') ?? meta.title;
	meta.summary = r.text('meta.summary') ?? meta.summary;
	const audience = r.text('meta.audience');
	if (audience !== undefined) {
		if ((AUDIENCES as readonly string[]).includes(audience))
			meta.audience = audience as (typeof AUDIENCES)[number];
		else r.errors['meta.audience'] = failure('authoring.oneOf');
	}
	meta.minutes = r.int('meta.minutes', meta.minutes);
	if (r.has('meta.pretest')) {
		// Empty means no pre-test; otherwise the number of items drawn from the assessment pool.
		const raw = r.text('meta.pretest')?.trim();
		if (!raw) delete meta.pretest;
		else meta.pretest = r.int('meta.pretest', meta.pretest ?? 0);
	}
	if (r.has('meta.passMark')) {
		// Shown and typed as a percentage (70), stored as a share (0.7).
		const percent = r.decimal('meta.passMark', meta.passMark * 100);
		meta.passMark = Math.round(percent * 100) / 10_000;
	}
	meta.certificate = {
		validityMonths: r.int('meta.certificate.validityMonths', meta.certificate?.validityMonths ?? 24)
	};
	if (r.has('meta.sources.count') || r.indices('meta.sources').length) {
		meta.sources = r.indices('meta.sources').map((i) => {
			const at = `meta.sources.${i}`;
			const old = content.meta.sources?.[i];
			const url = r.text(`${at}.url`)?.trim();
			return {
				title: r.text(`${at}.title`) ?? '',
				publisher: r.text(`${at}.publisher`) ?? '',
				year: r.int(`${at}.year`, old?.year ?? new Date().getFullYear()),
				...(url ? { url } : {})
			};
		});
	}
	if (r.has('markdown')) next.markdown = r.text('markdown');
	return next;
}

export const newSource = () => ({
	title: '',
	publisher: '',
	year: new Date().getFullYear()
});

// ---- steps

/** A new, empty step of this kind; validation tells the author what is still missing. */
export function newStep(kind: StepKind, content: DraftContent): StepSnapshot {
	const slug = freeId(
		`stap-`,
		content.steps.map((s) => s.slug)
	);
	const base: StepSnapshot = {
		slug,
		order: content.steps.length + 1,
		meta: { kind, title: '', required: true },
		markdown: ''
	};
	if (kind === 'vignette') base.vignette = newVignette();
	if (kind === 'quiz') base.quiz = { items: [] };
	if (kind === 'assessment') base.assessment = { draw: 1, pool: [] };
	return base;
}

function newVignette(): Vignette {
	const choice = (next: string) => ({ label: '', feedback: '', score: 0, next });
	return {
		start: 'n1',
		nodes: {
			n1: { text: '', choices: [choice('n2'), choice('n2')] },
			n2: { text: '', choices: [choice('n3'), choice('n3')] },
			n3: { text: '', choices: [choice('e1'), choice('e2')] }
		},
		endings: { e1: { title: '', summary: '' }, e2: { title: '', summary: '' } }
	};
}

/** Adds a step; a new lesson, case or quiz goes before the final assessment. */
export function addStep(content: DraftContent, kind: StepKind): DraftContent {
	const next = structuredClone(content);
	const step = newStep(kind, next);
	const last = next.steps.length - 1;
	const beforeAssessment = kind !== 'assessment' && next.steps[last]?.meta.kind === 'assessment';
	next.steps.splice(beforeAssessment ? last : next.steps.length, 0, step);
	return renumber(next);
}

/** Move or remove a step (list `steps`). */
export function changeSteps(content: DraftContent, op: Op): DraftContent {
	if (op.list !== 'steps' || op.kind === 'add') throw new EditorInputError();
	const next = structuredClone(content);
	applyListOp(next, op);
	return renumber(next);
}

function renumber(content: DraftContent): DraftContent {
	content.steps.forEach((s, i) => (s.order = i + 1));
	return content;
}

/** The vignette as the form shows it: nodes and endings in a list, each with its code. */
export interface VignetteForm {
	/** Not edited in the form yet, but kept (issue 20): the case header and each node's messages. */
	header?: Vignette['header'];
	start: string;
	nodes: {
		id: string;
		text: string;
		messages?: Vignette['nodes'][string]['messages'];
		signals: string[];
		choices: Vignette['nodes'][string]['choices'];
	}[];
	endings: { id: string; title: string; summary: string }[];
}

export function vignetteToForm(v: Vignette): VignetteForm {
	return {
		...(v.header ? { header: v.header } : {}),
		start: v.start,
		nodes: Object.entries(v.nodes).map(([id, n]) => ({
			id,
			text: n.text,
			...(n.messages ? { messages: n.messages } : {}),
			signals: n.signals ?? [],
			choices: n.choices.map((c) => ({ ...c }))
		})),
		endings: Object.entries(v.endings).map(([id, e]) => ({ id, ...e }))
	};
}

function formToVignette(f: VignetteForm): Vignette {
	return {
		...(f.header ? { header: f.header } : {}),
		start: f.start,
		nodes: Object.fromEntries(
			f.nodes.map((n) => [
				n.id,
				{
					text: n.text,
					...(n.messages ? { messages: n.messages } : {}),
					...(n.signals.length ? { signals: n.signals } : {}),
					choices: n.choices
				}
			])
		),
		endings: Object.fromEntries(
			f.endings.map((e) => [e.id, { title: e.title, summary: e.summary }])
		)
	};
}

/**
 * Reads the codes of a list of nodes or endings. An empty code, or one that another entry has or
 * asks for, keeps the old one (with a message): they are stored by code, and a duplicate would
 * silently merge two of them.
 */
function readIds(
	r: FormReader,
	prefix: string,
	indices: number[],
	olds: (string | undefined)[],
	fresh: string
): string[] {
	const before = indices.map((i) => olds[i] ?? fresh);
	const wanted = indices.map((i, k) => r.text(`${prefix}.${i}.id`)?.trim() ?? before[k]);
	const ids = wanted.map((want, k) => {
		const key = `${prefix}.${indices[k]}.id`;
		if (want === before[k]) return want;
		if (want === '') {
			r.errors[key] = failure('authoring.required');
			return before[k];
		}
		const clash =
			wanted.some((w, j) => j !== k && w === want) ||
			before.some((b, j) => j !== k && b === want && wanted[j] === b);
		if (clash) {
			r.errors[key] = failure('authoring.codeTaken', { code: want });
			return before[k];
		}
		return want;
	});
	// A kept old code can still meet a new one: the later entry then gets a fresh code.
	const seen = new Set<string>();
	return ids.map((id) => {
		const unique = seen.has(id) ? freeId(`${fresh}-`, [...seen, ...ids]) : id;
		seen.add(unique);
		return unique;
	});
}

function readVignette(old: Vignette, r: FormReader): VignetteForm {
	const before = vignetteToForm(old);
	const renamed = new Map<string, string>();
	const nodeIndices = r.indices('vignette.nodes');
	const endingIndices = r.indices('vignette.endings');
	const allOld = [...before.nodes.map((n) => n.id), ...before.endings.map((e) => e.id)];
	const nodeIds = readIds(
		r,
		'vignette.nodes',
		nodeIndices,
		before.nodes.map((n) => n.id),
		freeId('n', allOld)
	);
	const endingIds = readIds(
		r,
		'vignette.endings',
		endingIndices,
		before.endings.map((e) => e.id),
		freeId('e', allOld)
	);
	const nodes = nodeIndices.map((i, k) => {
		const at = `vignette.nodes.${i}`;
		const was = before.nodes[i];
		const id = nodeIds[k];
		if (was && id !== was.id) renamed.set(was.id, id);
		return {
			id,
			text: r.text(`${at}.text`) ?? was?.text ?? '',
			...(was?.messages ? { messages: was.messages } : {}),
			signals: r.has(`${at}.signals.sent`)
				? (keepOrder(r.all(`${at}.signals`), was?.signals) ?? [])
				: (was?.signals ?? []),
			choices: r.indices(`${at}.choices`).map((j) => {
				const c = `${at}.choices.${j}`;
				const prev = was?.choices[j];
				return {
					label: r.text(`${c}.label`) ?? prev?.label ?? '',
					feedback: r.text(`${c}.feedback`) ?? prev?.feedback ?? '',
					score: r.int(`${c}.score`, prev?.score ?? 0),
					next: r.text(`${c}.next`) ?? prev?.next ?? ''
				};
			})
		};
	});
	const endings = endingIndices.map((i, k) => {
		const at = `vignette.endings.${i}`;
		const was = before.endings[i];
		const id = endingIds[k];
		if (was && id !== was.id) renamed.set(was.id, id);
		return {
			id,
			title: r.text(`${at}.title`) ?? was?.title ?? '',
			summary: r.text(`${at}.summary`) ?? was?.summary ?? ''
		};
	});
	const rename = (id: string) => renamed.get(id) ?? id;
	for (const n of nodes) for (const c of n.choices) c.next = rename(c.next);
	return {
		...(before.header ? { header: before.header } : {}),
		start: rename(r.text('vignette.start') ?? before.start),
		nodes,
		endings
	};
}

/** The step form (title, slug, text, and the case or the assessment's draw) and its buttons. */
export function applyStep(step: StepSnapshot, r: FormReader, op?: Op): StepSnapshot {
	const next = structuredClone(step);
	if (r.has('slug')) next.slug = r.text('slug')!.trim();
	next.meta.title = r.text('meta.title') ?? next.meta.title;
	if (r.has('meta.required.sent')) next.meta.required = r.has('meta.required');
	if (r.has('markdown')) next.markdown = r.text('markdown');
	if (next.meta.kind === 'vignette' && next.vignette) {
		const form = r.has('vignette.start')
			? readVignette(next.vignette, r)
			: vignetteToForm(next.vignette);
		if (op && op.list.startsWith('vignette.')) {
			const list = op.list.slice('vignette.'.length);
			const ids = [...form.nodes.map((n) => n.id), ...form.endings.map((e) => e.id)];
			applyListOp(form, { ...op, list }, () =>
				list === 'nodes'
					? {
							id: freeId('n', ids),
							text: '',
							signals: [],
							choices: [
								{ label: '', feedback: '', score: 0, next: '' },
								{ label: '', feedback: '', score: 0, next: '' }
							]
						}
					: list === 'endings'
						? { id: freeId('e', ids), title: '', summary: '' }
						: { label: '', feedback: '', score: 0, next: '' }
			);
			if (op.kind === 'remove' && list === 'nodes' && !form.nodes.some((n) => n.id === form.start))
				form.start = form.nodes[0]?.id ?? '';
		} else if (op) {
			throw new EditorInputError();
		}
		next.vignette = formToVignette(form);
	} else if (op) {
		throw new EditorInputError();
	}
	if (next.meta.kind === 'assessment' && next.assessment && r.has('assessment.draw')) {
		next.assessment.draw = r.int('assessment.draw', next.assessment.draw);
	}
	return next;
}
