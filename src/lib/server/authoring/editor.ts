// The editor's forms as draft content: strict readers for the posted fields, the structural
// operations behind the add/move/remove buttons, and the mapping from validation issue paths to
// the form fields that show them. Field names are paths into the edited object (`meta.title`,
// `vignette.nodes.2.choices.0.next`), so one name serves as form field, element id and issue key.
import {
	CLASSIFY_ANSWERS,
	ITEM_TYPES,
	STEP_KINDS,
	type ClassifyAnswer,
	type Item,
	type ItemType,
	type StepKind,
	type Vignette
} from '$lib/content/schema';
import { MAX_MARKDOWN_LENGTH } from '../content/markdown';
import type { StepSnapshot } from '../content/versions';
import type { DraftContent } from './drafts';
import type { DraftIssue } from './validate';

/** More fields than the largest sensible step (a vignette of 30 nodes) is refused. */
export const MAX_FIELDS = 4000;
/** Every field but the Markdown texts: far above the schema limits, which report in Dutch. */
export const MAX_TEXT_LENGTH = 10_000;

/** Input the editor refuses as a whole (a 400 with this Dutch message, nothing saved). */
export class EditorInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'EditorInputError';
	}
}

const refused =
	'Dit formulier kon niet verwerkt worden. Laad de pagina opnieuw en probeer nog eens.';

/** Strict access to posted fields: strings only, no duplicates unless asked, bounded sizes. */
export class FormReader {
	private readonly values = new Map<string, string[]>();
	/** Per field: a Dutch message for input that could not be read (the old value is kept). */
	readonly errors: Record<string, string> = {};

	constructor(formData: FormData) {
		let count = 0;
		for (const [key, value] of formData) {
			if (++count > MAX_FIELDS) throw new EditorInputError('Dit formulier heeft te veel velden.');
			if (typeof value !== 'string' || key.length > 300) throw new EditorInputError(refused);
			const limit = key === 'markdown' ? MAX_MARKDOWN_LENGTH : MAX_TEXT_LENGTH;
			if (value.length > limit) {
				throw new EditorInputError(
					`Een tekst is te lang: gebruik hoogstens ${limit.toLocaleString('nl-BE')} tekens per veld.`
				);
			}
			const list = this.values.get(key);
			if (list) list.push(value);
			else this.values.set(key, [value]);
		}
	}

	has(key: string): boolean {
		return this.values.has(key);
	}

	/** One value; a field sent twice is refused (only multi-selects may repeat). */
	text(key: string): string | undefined {
		const list = this.values.get(key);
		if (!list) return undefined;
		if (list.length > 1) throw new EditorInputError(refused);
		return list[0].replace(/\r\n/g, '\n');
	}

	all(key: string): string[] {
		return this.values.get(key) ?? [];
	}

	/** A whole number; unreadable input keeps `fallback` and reports a Dutch message. */
	int(key: string, fallback: number): number {
		const raw = this.text(key)?.trim();
		if (raw === undefined) return fallback;
		if (!/^-?\d{1,9}$/.test(raw)) {
			this.errors[key] = 'Geef een geheel getal.';
			return fallback;
		}
		return Number(raw);
	}

	/** A decimal number; a Flemish comma is accepted ("0,7"). */
	decimal(key: string, fallback: number): number {
		const raw = this.text(key)?.trim().replace(',', '.');
		if (raw === undefined) return fallback;
		if (!/^-?\d{1,6}(\.\d{1,6})?$/.test(raw)) {
			this.errors[key] = 'Geef een getal, bijvoorbeeld 0,7.';
			return fallback;
		}
		return Number(raw);
	}

	/** The indices N present as `${prefix}.N.…`, in order. */
	indices(prefix: string): number[] {
		const found = new Set<number>();
		const start = `${prefix}.`;
		for (const key of this.values.keys()) {
			if (!key.startsWith(start)) continue;
			const m = /^(\d{1,4})\./.exec(key.slice(start.length));
			if (m) found.add(Number(m[1]));
		}
		return [...found].sort((a, b) => a - b);
	}
}

// ---- structural operations (the add/move/remove buttons, posted as `op`)

export type Op =
	| { kind: 'add'; list: string }
	| { kind: 'remove'; list: string; index: number }
	| { kind: 'move'; list: string; index: number; by: -1 | 1 };

/** `add:options`, `remove:vignette.nodes.2.choices:1`, `move:steps:3:up`; anything else is refused. */
export function parseOp(raw: string | undefined): Op | undefined {
	if (!raw) return undefined;
	const m = /^(add|remove|move):([a-zA-Z0-9.]{1,120})(?::(\d{1,4}))?(?::(up|down))?$/.exec(raw);
	if (!m) throw new EditorInputError(refused);
	const [, kind, list, index, dir] = m;
	if (kind === 'add' && index === undefined) return { kind, list };
	if (kind === 'remove' && index !== undefined && !dir) return { kind, list, index: Number(index) };
	if (kind === 'move' && index !== undefined && dir)
		return { kind, list, index: Number(index), by: dir === 'up' ? -1 : 1 };
	throw new EditorInputError(refused);
}

function listAt(root: unknown, path: string): unknown[] | undefined {
	let at: unknown = root;
	for (const part of path.split('.')) {
		if (at === null || typeof at !== 'object') return undefined;
		at = (at as Record<string, unknown>)[part];
	}
	return Array.isArray(at) ? at : undefined;
}

/** Applies a move or remove to a list inside `root` (add needs a template: see the callers). */
export function applyListOp(root: unknown, op: Op, template?: () => unknown): void {
	const list = listAt(root, op.list);
	if (!list) throw new EditorInputError(refused);
	if (op.kind === 'add') {
		if (!template || list.length >= 200) throw new EditorInputError(refused);
		list.push(template());
	} else if (op.index >= list.length) {
		throw new EditorInputError(refused);
	} else if (op.kind === 'remove') {
		list.splice(op.index, 1);
	} else {
		const to = op.index + op.by;
		if (to < 0 || to >= list.length) return;
		[list[op.index], list[to]] = [list[to], list[op.index]];
	}
}

/** A code not used yet, e.g. `n4` or `optie-3`. */
export function freeId(prefix: string, taken: Iterable<string>): string {
	const used = new Set(taken);
	for (let i = 1; ; i++) {
		const candidate = `${prefix}${i}`;
		if (!used.has(candidate)) return candidate;
	}
}

// ---- module settings

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
		else r.errors['meta.audience'] = 'Kies een van de mogelijkheden.';
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

export function isStepKind(value: string): value is StepKind {
	return (STEP_KINDS as readonly string[]).includes(value);
}

export function isItemType(value: string): value is ItemType {
	return (ITEM_TYPES as readonly string[]).includes(value);
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
	if (op.list !== 'steps' || op.kind === 'add') throw new EditorInputError(refused);
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
	start: string;
	nodes: {
		id: string;
		text: string;
		signals: string[];
		choices: Vignette['nodes'][string]['choices'];
	}[];
	endings: { id: string; title: string; summary: string }[];
}

export function vignetteToForm(v: Vignette): VignetteForm {
	return {
		start: v.start,
		nodes: Object.entries(v.nodes).map(([id, n]) => ({
			id,
			text: n.text,
			signals: n.signals ?? [],
			choices: n.choices.map((c) => ({ ...c }))
		})),
		endings: Object.entries(v.endings).map(([id, e]) => ({ id, ...e }))
	};
}

function formToVignette(f: VignetteForm): Vignette {
	return {
		start: f.start,
		nodes: Object.fromEntries(
			f.nodes.map((n) => [
				n.id,
				{ text: n.text, ...(n.signals.length ? { signals: n.signals } : {}), choices: n.choices }
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
			r.errors[key] = 'Vul dit in.';
			return before[k];
		}
		const clash =
			wanted.some((w, j) => j !== k && w === want) ||
			before.some((b, j) => j !== k && b === want && wanted[j] === b);
		if (clash) {
			r.errors[key] = `De code "${want}" komt al voor; kies een andere.`;
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
	return { start: rename(r.text('vignette.start') ?? before.start), nodes, endings };
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
			throw new EditorInputError(refused);
		}
		next.vignette = formToVignette(form);
	} else if (op) {
		throw new EditorInputError(refused);
	}
	if (next.meta.kind === 'assessment' && next.assessment && r.has('assessment.draw')) {
		next.assessment.draw = r.int('assessment.draw', next.assessment.draw);
	}
	return next;
}

/** The step's item list (quiz items or assessment pool), if it has one. */
export function itemsOf(step: StepSnapshot): Item[] | undefined {
	return step.quiz?.items ?? step.assessment?.pool;
}

export function itemListPath(step: StepSnapshot): 'quiz.items' | 'assessment.pool' | undefined {
	return step.quiz ? 'quiz.items' : step.assessment ? 'assessment.pool' : undefined;
}

/** Item ids of the whole module, so a new one is unique across steps. */
function allItemIds(content: DraftContent): string[] {
	return content.steps.flatMap((s) => (itemsOf(s) ?? []).map((i) => i.id));
}

const option = (id: string, correct = false) => ({ id, text: '', correct });

/** A new item of this type with the minimum number of options, phrases or statements. */
export function newItem(type: ItemType, content: DraftContent): Item {
	const id = freeId('vraag-', allItemIds(content));
	const base = { id, prompt: '', feedback: '' };
	switch (type) {
		case 'single':
		case 'multi':
			return { ...base, type, options: [option('a', true), option('b')] };
		case 'mark':
			return {
				...base,
				type,
				text: '',
				phrases: [
					{ id: 'p1', text: '' },
					{ id: 'p2', text: '' }
				]
			};
		case 'classify':
			return {
				...base,
				type,
				statements: [
					{ id: 's1', text: '', answer: 'signaal' },
					{ id: 's2', text: '', answer: 'geen-signaal' }
				]
			};
		case 'judge':
			return {
				...base,
				type,
				signals: [],
				concern: { options: [option('a', true), option('b')] },
				action: { options: [option('a', true), option('b')] }
			};
	}
}

/** Add (of `type`), move or remove an item of a quiz or assessment step. */
export function changeItems(
	content: DraftContent,
	stepIndex: number,
	op: Op,
	type?: ItemType
): DraftContent {
	const next = structuredClone(content);
	const step = next.steps[stepIndex];
	const list = step && itemListPath(step);
	if (!list || op.list !== list) throw new EditorInputError(refused);
	if (op.kind === 'add' && !type) throw new EditorInputError(refused);
	applyListOp(step, op, () => newItem(type!, next));
	return next;
}

// ---- items

function readSignals(r: FormReader, key: string, old: string[] | undefined): string[] | undefined {
	if (!r.has(`${key}.sent`)) return old;
	return keepOrder(r.all(key), old) ?? undefined;
}

/**
 * The signal select lists signals by category, so a form posts them in that order. When the set
 * is the one already stored, keep the stored order: an unchanged form must not count as an edit.
 */
function keepOrder(picked: string[], old: string[] | undefined): string[] | null {
	if (!picked.length) return null;
	if (old && old.length === picked.length && old.every((id) => picked.includes(id))) return old;
	return picked;
}

function readOptional(r: FormReader, key: string, old: string | undefined): string | undefined {
	if (!r.has(key)) return old;
	const value = r.text(key)!;
	return value.trim() ? value : undefined;
}

type Opt = { id: string; text: string; correct: boolean; feedback?: string; signals?: string[] };

function readOptions(r: FormReader, at: string, old: Opt[], single: boolean): Opt[] {
	const prefix = at ? `${at}.options` : 'options';
	const correct = single ? r.text(`${prefix}.correct`) : undefined;
	return r.indices(prefix).map((i) => {
		const o = `${prefix}.${i}`;
		const prev = old[i];
		const feedback = readOptional(r, `${o}.feedback`, prev?.feedback);
		const signals = readSignals(r, `${o}.signals`, prev?.signals);
		return {
			id: r.text(`${o}.id`)?.trim() ?? prev?.id ?? '',
			text: r.text(`${o}.text`) ?? prev?.text ?? '',
			correct: single
				? correct === undefined
					? (prev?.correct ?? false)
					: correct === String(i)
				: r.has(`${o}.correct.sent`)
					? r.has(`${o}.correct`)
					: (prev?.correct ?? false),
			...(feedback ? { feedback } : {}),
			...(signals ? { signals } : {})
		};
	});
}

/** The item form applied to a copy of the item, then the add/move/remove button if any. */
export function applyItem(item: Item, r: FormReader, op?: Op): Item {
	const old = structuredClone(item);
	const signals = readSignals(r, 'signals', old.signals);
	const base = {
		id: r.text('id')?.trim() ?? old.id,
		prompt: r.text('prompt') ?? old.prompt,
		feedback: r.text('feedback') ?? old.feedback,
		...(signals ? { signals } : {})
	};
	let next: Item;
	switch (old.type) {
		case 'single':
		case 'multi':
			next = {
				...base,
				type: old.type,
				options: readOptions(r, '', old.options, old.type === 'single')
			};
			break;
		case 'mark':
			next = {
				...base,
				type: 'mark',
				text: r.text('text') ?? old.text,
				phrases: r.indices('phrases').map((i) => {
					const at = `phrases.${i}`;
					const prev = old.phrases[i];
					const signal = readOptional(r, `${at}.signal`, prev?.signal);
					const feedback = readOptional(r, `${at}.feedback`, prev?.feedback);
					return {
						id: r.text(`${at}.id`)?.trim() ?? prev?.id ?? '',
						text: r.text(`${at}.text`) ?? prev?.text ?? '',
						...(signal ? { signal } : {}),
						...(feedback ? { feedback } : {})
					};
				})
			};
			break;
		case 'classify':
			next = {
				...base,
				type: 'classify',
				statements: r.indices('statements').map((i) => {
					const at = `statements.${i}`;
					const prev = old.statements[i];
					const answer = r.text(`${at}.answer`) ?? prev?.answer ?? 'signaal';
					if (!(CLASSIFY_ANSWERS as readonly string[]).includes(answer))
						throw new EditorInputError(refused);
					const feedback = readOptional(r, `${at}.feedback`, prev?.feedback);
					const statementSignals = readSignals(r, `${at}.signals`, prev?.signals);
					return {
						id: r.text(`${at}.id`)?.trim() ?? prev?.id ?? '',
						text: r.text(`${at}.text`) ?? prev?.text ?? '',
						answer: answer as ClassifyAnswer,
						...(statementSignals ? { signals: statementSignals } : {}),
						...(feedback ? { feedback } : {})
					};
				})
			};
			break;
		case 'judge':
			next = {
				...base,
				type: 'judge',
				signals: signals ?? [],
				concern: { options: readOptions(r, 'concern', old.concern.options, true) },
				action: { options: readOptions(r, 'action', old.action.options, true) }
			};
			break;
	}
	if (op) {
		const last = op.list.split('.').at(-1);
		const list = listAt(next, op.list) ?? [];
		const ids = (list as { id?: string }[]).map((x) => x.id ?? '');
		applyListOp(next, op, () =>
			last === 'options'
				? option(freeId('optie-', ids))
				: last === 'phrases'
					? { id: freeId('p', ids), text: '' }
					: last === 'statements'
						? { id: freeId('s', ids), text: '', answer: 'signaal' }
						: undefined
		);
	}
	return next;
}

// ---- issues as form fields

/**
 * The issues of one part of the draft, keyed by form field: `prefix` is stripped (`steps.2.`),
 * node and ending codes become their list positions, and signal list entries point at the
 * signal select. Several messages for one field are joined.
 */
export function issuesFor(
	issues: readonly DraftIssue[],
	prefix: string,
	vignette?: Vignette
): { key: string; message: string }[] {
	const nodeIndex = new Map(Object.keys(vignette?.nodes ?? {}).map((id, i) => [id, i]));
	const endingIndex = new Map(Object.keys(vignette?.endings ?? {}).map((id, i) => [id, i]));
	const out: { key: string; message: string }[] = [];
	for (const issue of issues) {
		if (prefix && !issue.path.startsWith(prefix)) continue;
		let key = issue.path.slice(prefix.length);
		key = key
			.replace(/^vignette\.nodes\.([^.]+)/, (m, id: string) =>
				nodeIndex.has(id) ? `vignette.nodes.${nodeIndex.get(id)}` : m
			)
			.replace(/^vignette\.endings\.([^.]+)/, (m, id: string) =>
				endingIndex.has(id) ? `vignette.endings.${endingIndex.get(id)}` : m
			)
			.replace(/\.signals\.\d+$/, '.signals')
			.replace(/^signals\.\d+$/, 'signals')
			.replace(/^meta\.certificate$/, 'meta.certificate.validityMonths');
		const same = out.find((o) => o.key === key);
		if (same) {
			if (!same.message.includes(issue.message)) same.message += ` ${issue.message}`;
		} else out.push({ key: key || 'form', message: issue.message });
	}
	return out;
}

const LEAF_LABELS: Record<string, string> = {
	slug: 'Webnaam',
	id: 'Code',
	title: 'Titel',
	summary: 'Samenvatting',
	audience: 'Doelgroep',
	minutes: 'Geschatte duur',
	pretest: 'Voortoets',
	passMark: 'Slaaggrens',
	validityMonths: 'Geldigheid van het attest',
	publisher: 'Uitgever',
	year: 'Jaar',
	url: 'Webadres',
	markdown: 'Tekst',
	kind: 'Soort stap',
	required: 'Verplicht',
	start: 'Begint bij',
	text: 'Tekst',
	signals: 'Signalen',
	signal: 'Signaal',
	choices: 'Keuzes',
	label: 'Tekst van de keuze',
	feedback: 'Feedback',
	score: 'Score',
	next: 'Gaat naar',
	nodes: 'Situaties',
	endings: 'Eindes',
	prompt: 'Vraag',
	options: 'Antwoorden',
	correct: 'Juist',
	phrases: 'Stukjes tekst',
	statements: 'Uitspraken',
	answer: 'Juiste categorie',
	draw: 'Aantal getrokken vragen',
	pool: 'Vragenbank',
	items: 'Vragen',
	sources: 'Bronnen',
	steps: 'Stappen',
	form: 'Formulier'
};

const LIST_LABELS: Record<string, string> = {
	sources: 'Bron',
	choices: 'keuze',
	options: 'antwoord',
	phrases: 'stukje',
	statements: 'uitspraak',
	items: 'vraag',
	pool: 'vraag',
	steps: 'Stap'
};

/** A readable Dutch name for a field key, for the error summary. */
export function fieldLabel(key: string, vignette?: VignetteForm): string {
	const parts = key.split('.').filter((p) => p !== 'meta' && p !== 'certificate');
	const words: string[] = [];
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i];
		const index =
			parts[i + 1] !== undefined && /^\d+$/.test(parts[i + 1]) ? Number(parts[i + 1]) : undefined;
		if (part === 'vignette' || part === 'quiz' || part === 'assessment') continue;
		if ((part === 'nodes' || part === 'endings') && index !== undefined) {
			const code = (part === 'nodes' ? vignette?.nodes : vignette?.endings)?.[index]?.id;
			words.push(`${part === 'nodes' ? 'Situatie' : 'Einde'} ${code ?? index + 1}`);
			i++;
		} else if (LIST_LABELS[part] && index !== undefined) {
			words.push(`${LIST_LABELS[part]} ${index + 1}`);
			i++;
		} else if (part === 'concern' || part === 'action') {
			words.push(part === 'concern' ? 'Bezorgdheid' : 'Volgende stap');
		} else words.push(LEAF_LABELS[part] ?? part);
	}
	const text = words.join(', ').toLowerCase();
	return text.charAt(0).toUpperCase() + text.slice(1);
}
