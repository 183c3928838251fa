// What changed between two versions of a module, as structured values for the version history.
// No Dutch here: the history page renders each value with the catalogue (messages.authoring.changes).
import type { ModuleSnapshot, StepSnapshot } from '../content/versions';

// Signal tags are a set: their order is not a change.
const canonical = (value: unknown) =>
	JSON.stringify(value, (key, v: unknown) =>
		key === 'signals' && Array.isArray(v) ? [...(v as string[])].sort() : v
	);
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export const META_FIELDS = [
	'title',
	'summary',
	'audience',
	'minutes',
	'passMark',
	'certificate',
	'sources'
] as const;
export type MetaField = (typeof META_FIELDS)[number];

/** How many entries of a list were added, removed and changed (matched by id). */
export interface ListCount {
	added: number;
	removed: number;
	changed: number;
}

/** One change inside a step that stayed. */
export type StepChange =
	| { kind: 'title'; was: string }
	| { kind: 'stepKind' }
	| { kind: 'required' }
	| { kind: 'text' }
	| { kind: 'vignette'; nodes: ListCount; endings: ListCount; start: boolean }
	| { kind: 'quiz'; items: ListCount }
	| { kind: 'assessment'; pool: ListCount; draw?: { from?: number; to?: number } };

/** One line of a version's change list. */
export type Change =
	| { kind: 'first'; basedOn?: { title: string; version: number } }
	| { kind: 'meta'; field: MetaField }
	| { kind: 'introduction' }
	| { kind: 'stepAdded'; title: string }
	| { kind: 'stepChanged'; title: string; parts: StepChange[] }
	| { kind: 'stepRemoved'; title: string }
	| { kind: 'order' }
	| { kind: 'none' };

function countChanges<T extends { id: string }>(before: readonly T[], after: readonly T[]) {
	const old = new Map(before.map((x) => [x.id, x]));
	const now = new Map(after.map((x) => [x.id, x]));
	return {
		added: after.filter((x) => !old.has(x.id)).length,
		removed: before.filter((x) => !now.has(x.id)).length,
		changed: after.filter((x) => old.has(x.id) && !same(old.get(x.id), x)).length
	};
}

function stepChanges(a: StepSnapshot, b: StepSnapshot): StepChange[] {
	const parts: StepChange[] = [];
	if (a.meta.title !== b.meta.title) parts.push({ kind: 'title', was: a.meta.title });
	if (a.meta.kind !== b.meta.kind) parts.push({ kind: 'stepKind' });
	if (a.meta.required !== b.meta.required) parts.push({ kind: 'required' });
	if ((a.markdown ?? a.indexPath) !== (b.markdown ?? b.indexPath)) parts.push({ kind: 'text' });
	if (!same(a.vignette, b.vignette)) {
		const nodes = (v?: StepSnapshot['vignette']) =>
			Object.entries(v?.nodes ?? {}).map(([id, node]) => ({ id, ...node }));
		const endings = (v?: StepSnapshot['vignette']) =>
			Object.entries(v?.endings ?? {}).map(([id, e]) => ({ id, ...e }));
		parts.push({
			kind: 'vignette',
			nodes: countChanges(nodes(a.vignette), nodes(b.vignette)),
			endings: countChanges(endings(a.vignette), endings(b.vignette)),
			start: a.vignette?.start !== b.vignette?.start
		});
	}
	if (!same(a.quiz, b.quiz)) {
		parts.push({ kind: 'quiz', items: countChanges(a.quiz?.items ?? [], b.quiz?.items ?? []) });
	}
	if (!same(a.assessment, b.assessment)) {
		const from = a.assessment?.draw;
		const to = b.assessment?.draw;
		parts.push({
			kind: 'assessment',
			pool: countChanges(a.assessment?.pool ?? [], b.assessment?.pool ?? []),
			...(from !== to ? { draw: { from, to } } : {})
		});
	}
	return parts;
}

/** The difference as change values; `before` undefined means a first version. */
export function describeChanges(
	before: ModuleSnapshot | undefined,
	after: ModuleSnapshot,
	basedOn?: { title: string; version: number }
): Change[] {
	if (!before) return [basedOn ? { kind: 'first', basedOn } : { kind: 'first' }];
	const out: Change[] = [];
	const metaA = before.meta as unknown as Record<string, unknown>;
	const metaB = after.meta as unknown as Record<string, unknown>;
	for (const field of META_FIELDS) {
		if (!same(metaA[field], metaB[field])) out.push({ kind: 'meta', field });
	}
	if ((before.markdown ?? before.indexPath) !== (after.markdown ?? after.indexPath))
		out.push({ kind: 'introduction' });
	const old = new Map(before.steps.map((s) => [s.slug, s]));
	const now = new Map(after.steps.map((s) => [s.slug, s]));
	for (const s of after.steps) {
		const prev = old.get(s.slug);
		if (!prev) out.push({ kind: 'stepAdded', title: s.meta.title });
		else {
			const parts = stepChanges(prev, s);
			if (parts.length) out.push({ kind: 'stepChanged', title: s.meta.title, parts });
		}
	}
	for (const s of before.steps) {
		if (!now.has(s.slug)) out.push({ kind: 'stepRemoved', title: s.meta.title });
	}
	const kept = (list: StepSnapshot[], other: Map<string, StepSnapshot>) =>
		list.filter((s) => other.has(s.slug)).map((s) => s.slug);
	if (!same(kept(before.steps, now), kept(after.steps, old))) out.push({ kind: 'order' });
	return out.length ? out : [{ kind: 'none' }];
}
