// What changed between two versions of a module, in Dutch lines for the version history.
import type { ModuleSnapshot, StepSnapshot } from '../content/versions';

// Signal tags are a set: their order is not a change.
const canonical = (value: unknown) =>
	JSON.stringify(value, (key, v: unknown) =>
		key === 'signals' && Array.isArray(v) ? [...(v as string[])].sort() : v
	);
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

const META_LABELS: [key: string, label: string][] = [
	['title', 'Titel'],
	['summary', 'Samenvatting'],
	['audience', 'Doelgroep'],
	['minutes', 'Geschatte duur'],
	['passMark', 'Slaaggrens'],
	['certificate', 'Geldigheid van het attest'],
	['sources', 'Bronnen']
];

function listChanges<T extends { id: string }>(
	before: readonly T[],
	after: readonly T[],
	what: [one: string, many: string]
): string[] {
	const old = new Map(before.map((x) => [x.id, x]));
	const now = new Map(after.map((x) => [x.id, x]));
	const added = after.filter((x) => !old.has(x.id)).length;
	const removed = before.filter((x) => !now.has(x.id)).length;
	const changed = after.filter((x) => old.has(x.id) && !same(old.get(x.id), x)).length;
	const out: string[] = [];
	const n = (k: number) => `${k} ${k === 1 ? what[0] : what[1]}`;
	if (added) out.push(`${n(added)} toegevoegd`);
	if (removed) out.push(`${n(removed)} verwijderd`);
	if (changed) out.push(`${n(changed)} gewijzigd`);
	return out;
}

function stepChanges(a: StepSnapshot, b: StepSnapshot): string[] {
	const parts: string[] = [];
	if (a.meta.title !== b.meta.title) parts.push(`nieuwe titel (was "${a.meta.title}")`);
	if (a.meta.kind !== b.meta.kind) parts.push('ander soort stap');
	if (a.meta.required !== b.meta.required) parts.push('verplicht of niet gewijzigd');
	if ((a.markdown ?? a.indexPath) !== (b.markdown ?? b.indexPath)) parts.push('tekst gewijzigd');
	if (!same(a.vignette, b.vignette)) {
		const nodes = (v?: StepSnapshot['vignette']) =>
			Object.entries(v?.nodes ?? {}).map(([id, node]) => ({ id, ...node }));
		const endings = (v?: StepSnapshot['vignette']) =>
			Object.entries(v?.endings ?? {}).map(([id, e]) => ({ id, ...e }));
		const detail = [
			...listChanges(nodes(a.vignette), nodes(b.vignette), ['situatie', 'situaties']),
			...listChanges(endings(a.vignette), endings(b.vignette), ['einde', 'eindes'])
		];
		if (a.vignette?.start !== b.vignette?.start) detail.push('ander begin');
		parts.push(`casus: ${detail.join(', ') || 'gewijzigd'}`);
	}
	if (!same(a.quiz, b.quiz)) {
		const detail = listChanges(a.quiz?.items ?? [], b.quiz?.items ?? [], ['vraag', 'vragen']);
		parts.push(`oefenvragen: ${detail.join(', ') || 'gewijzigd'}`);
	}
	if (!same(a.assessment, b.assessment)) {
		const detail = listChanges(a.assessment?.pool ?? [], b.assessment?.pool ?? [], [
			'vraag',
			'vragen'
		]);
		if (a.assessment?.draw !== b.assessment?.draw)
			detail.push(`trekking ${a.assessment?.draw} → ${b.assessment?.draw} vragen`);
		parts.push(`eindtoets: ${detail.join(', ') || 'gewijzigd'}`);
	}
	return parts;
}

/** Dutch lines describing the difference; `before` undefined means a first version. */
export function describeChanges(
	before: ModuleSnapshot | undefined,
	after: ModuleSnapshot,
	basedOn?: { title: string; version: number }
): string[] {
	if (!before) {
		return [
			basedOn
				? `Eerste versie, gebaseerd op "${basedOn.title}" (versie ${basedOn.version}).`
				: 'Eerste versie.'
		];
	}
	const out: string[] = [];
	const metaA = before.meta as unknown as Record<string, unknown>;
	const metaB = after.meta as unknown as Record<string, unknown>;
	for (const [key, label] of META_LABELS) {
		if (!same(metaA[key], metaB[key])) out.push(`${label} gewijzigd.`);
	}
	if ((before.markdown ?? before.indexPath) !== (after.markdown ?? after.indexPath))
		out.push('Inleiding gewijzigd.');
	const old = new Map(before.steps.map((s) => [s.slug, s]));
	const now = new Map(after.steps.map((s) => [s.slug, s]));
	for (const s of after.steps) {
		const prev = old.get(s.slug);
		if (!prev) out.push(`Stap "${s.meta.title}" toegevoegd.`);
		else {
			const parts = stepChanges(prev, s);
			if (parts.length) out.push(`Stap "${s.meta.title}": ${parts.join('; ')}.`);
		}
	}
	for (const s of before.steps) {
		if (!now.has(s.slug)) out.push(`Stap "${s.meta.title}" verwijderd.`);
	}
	const kept = (list: StepSnapshot[], other: Map<string, StepSnapshot>) =>
		list.filter((s) => other.has(s.slug)).map((s) => s.slug);
	if (!same(kept(before.steps, now), kept(after.steps, old)))
		out.push('Volgorde van de stappen gewijzigd.');
	return out.length ? out : ['Geen inhoudelijke wijzigingen.'];
}
