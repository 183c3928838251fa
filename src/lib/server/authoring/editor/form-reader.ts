// The editor's one form parser: strict readers for the posted path-named fields (`meta.title`,
// `vignette.nodes.2.choices.0.next`) and the structural list operations behind the
// add/move/remove buttons. The fixed fields every editor form sends (revision, op) are read with
// parseForm and a zod schema, like every other form; numbers in path-named fields use zod too.
import { z } from 'zod';
import { MAX_MARKDOWN_LENGTH } from '../../content/markdown';
import { DomainError, failure, type Failure } from '../../platform/failure';

/** More fields than the largest sensible step (a vignette of 30 nodes) is refused. */
export const MAX_FIELDS = 4000;
/** Every field but the Markdown texts: far above the schema limits, which report per field. */
export const MAX_TEXT_LENGTH = 10_000;

/** `add:options`, `remove:vignette.nodes.2.choices:1`, `move:steps:3:up`. */
const OP_PATTERN = /^(add|remove|move):([a-zA-Z0-9.]{1,120})(?::(\d{1,4}))?(?::(up|down))?$/;

/** The fields beside the path-named ones: the revision the page was loaded with, and a button. */
export const editorFormSchema = z.object({
	revision: z
		.string()
		.transform(Number)
		.refine((n) => Number.isSafeInteger(n)),
	op: z.string().optional()
});
export const EDITOR_FORM_FIELDS = ['revision', 'op'] as const;

const wholeNumber = z
	.string()
	.trim()
	.regex(/^-?\d{1,9}$/)
	.transform(Number);
/** A Flemish comma is accepted ("0,7"). */
const decimalNumber = z
	.string()
	.trim()
	.transform((s) => s.replace(',', '.'))
	.pipe(z.string().regex(/^-?\d{1,6}(\.\d{1,6})?$/))
	.transform(Number);

/** Input the editor refuses as a whole (a 400 with the failure's message, nothing saved). */
export class EditorInputError extends DomainError {
	constructor(f: Failure = failure('authoring.formRefused')) {
		super(f);
		this.name = 'EditorInputError';
	}
}

/** Strict access to posted fields: strings only, no duplicates unless asked, bounded sizes. */
export class FormReader {
	private readonly values = new Map<string, string[]>();
	/** Per field: the failure for input that could not be read (the old value is kept). */
	readonly errors: Record<string, Failure> = {};

	constructor(formData: FormData) {
		let count = 0;
		for (const [key, value] of formData) {
			if (++count > MAX_FIELDS) throw new EditorInputError(failure('authoring.tooManyFields'));
			if (typeof value !== 'string' || key.length > 300) throw new EditorInputError();
			const limit = key === 'markdown' ? MAX_MARKDOWN_LENGTH : MAX_TEXT_LENGTH;
			if (value.length > limit) {
				throw new EditorInputError(failure('authoring.fieldTooLong', { max: limit }));
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
		if (list.length > 1) throw new EditorInputError();
		return list[0].replace(/\r\n/g, '\n');
	}

	all(key: string): string[] {
		return this.values.get(key) ?? [];
	}

	/** A whole number; unreadable input keeps `fallback` and reports a failure for the field. */
	int(key: string, fallback: number): number {
		const raw = this.text(key);
		if (raw === undefined) return fallback;
		const parsed = wholeNumber.safeParse(raw);
		if (!parsed.success) this.errors[key] = failure('authoring.wholeNumber');
		return parsed.success ? parsed.data : fallback;
	}

	/** A decimal number; a Flemish comma is accepted ("0,7"). */
	decimal(key: string, fallback: number): number {
		const raw = this.text(key);
		if (raw === undefined) return fallback;
		const parsed = decimalNumber.safeParse(raw);
		if (!parsed.success) this.errors[key] = failure('authoring.decimal');
		return parsed.success ? parsed.data : fallback;
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
	const m = OP_PATTERN.exec(raw);
	if (!m) throw new EditorInputError();
	const [, kind, list, index, dir] = m;
	if (kind === 'add' && index === undefined) return { kind, list };
	if (kind === 'remove' && index !== undefined && !dir) return { kind, list, index: Number(index) };
	if (kind === 'move' && index !== undefined && dir)
		return { kind, list, index: Number(index), by: dir === 'up' ? -1 : 1 };
	throw new EditorInputError();
}

export function listAt(root: unknown, path: string): unknown[] | undefined {
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
	if (!list) throw new EditorInputError();
	if (op.kind === 'add') {
		if (!template || list.length >= 200) throw new EditorInputError();
		list.push(template());
	} else if (op.index >= list.length) {
		throw new EditorInputError();
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
