// Item statistics for trainers: which items are too easy, too hard or mislead learners. Only
// aggregates leave this module: never a learner's name or an individual answer.
import type { Item, Vignette } from '$lib/content/schema';
import { latestVersionId, loadVersion, type StepSnapshot } from './catalogue';
import { getCourse } from './course';
import { prepared } from './db/prepared';
import { itemFigures, type ItemFigures, type ItemObservation } from './item-stats';

export interface ItemStatistics extends ItemFigures {
	stepSlug: string;
	stepTitle: string;
	itemId: string;
	kind: 'item' | 'choice';
	/** The item's prompt or the vignette node's text, shortened. */
	label: string;
	maxScore: number;
	/** Choice counts with readable labels instead of ids. */
	choices: { label: string; count: number }[];
}

export interface ModuleStatistics {
	slug: string;
	title: string;
	items: ItemStatistics[];
}

interface Row {
	stepSlug: string;
	itemId: string;
	kind: 'item' | 'choice';
	score: number;
	maxScore: number;
	answer: string;
	enrolmentId: number | null;
	attemptId: number | null;
}

// First answers outside assessments, plus every answer of each enrolment's first submitted
// attempt per assessment step (a retake is not a first attempt). Constant SQL, prepared once.
const selectFirstResponses = prepared((database) =>
	database.$client.prepare<{ slug: string }, Row>(`
		SELECT r.step_slug AS stepSlug, r.item_id AS itemId, r.kind AS kind, r.score AS score,
			r.max_score AS maxScore, r.answer AS answer, r.enrolment_id AS enrolmentId,
			r.attempt_id AS attemptId
		FROM response r
		JOIN module_version mv ON mv.id = r.module_version_id
		WHERE mv.module_slug = :slug AND (
			(r.attempt_id IS NULL AND r.is_first = 1)
			OR r.attempt_id IN (
				SELECT min(a.id) FROM attempt a
				JOIN enrolment e ON e.id = a.enrolment_id
				WHERE e.module_slug = :slug AND a.kind = 'assessment' AND a.submitted_at IS NOT NULL
				GROUP BY a.enrolment_id, a.step_slug
			)
		)`)
);

const LABEL_LENGTH = 90;

export function shorten(text: string, length = LABEL_LENGTH): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length <= length ? flat : flat.slice(0, length - 1).trimEnd() + '…';
}

interface Answer {
	selected?: unknown;
	classified?: unknown;
	choice?: unknown;
}

/** The keys counted for one answer: option/phrase ids, `statement=value`, or `#choice`. */
function choiceKeys(raw: string): string[] {
	let answer: Answer;
	try {
		answer = JSON.parse(raw) as Answer;
	} catch {
		return [];
	}
	if (!answer || typeof answer !== 'object') return [];
	const keys: string[] = [];
	if (Array.isArray(answer.selected)) {
		for (const s of answer.selected) if (typeof s === 'string') keys.push(s);
	}
	if (answer.classified && typeof answer.classified === 'object') {
		for (const [id, value] of Object.entries(answer.classified))
			keys.push(`${id}=${String(value)}`);
	}
	if (typeof answer.choice === 'number') keys.push(`#${answer.choice}`);
	return keys;
}

function itemsOf(step: StepSnapshot): Item[] {
	return step.quiz?.items ?? step.assessment?.pool ?? [];
}

function itemLabels(item: Item): Map<string, string> {
	const labels = new Map<string, string>();
	switch (item.type) {
		case 'single':
		case 'multi':
			for (const o of item.options) labels.set(o.id, o.text);
			break;
		case 'mark':
			for (const p of item.phrases) labels.set(p.id, p.text);
			break;
		case 'classify':
			for (const s of item.statements) {
				for (const value of ['signaal', 'geen-signaal', 'context']) {
					labels.set(`${s.id}=${value}`, `${s.text} → ${value}`);
				}
			}
			break;
		case 'judge':
			for (const o of [...item.concern.options, ...item.action.options]) labels.set(o.id, o.text);
			break;
	}
	return labels;
}

function nodeLabels(vignette: Vignette, nodeId: string): Map<string, string> {
	const node = vignette.nodes[nodeId];
	return new Map((node?.choices ?? []).map((c, i) => [`#${i}`, c.label]));
}

/** Per-item figures and flags for one module, from first-attempt responses of all its versions. */
export function itemStatistics(moduleSlug: string): ModuleStatistics | undefined {
	const versionId = latestVersionId(moduleSlug);
	const version = versionId === undefined ? undefined : loadVersion(versionId);
	if (!version) return undefined;
	const rows = selectFirstResponses().all({ slug: moduleSlug });

	// The "test" each response belongs to: its assessment attempt, or the learner's quiz or
	// vignette step. Its total minus the response's own score is the rest of the test.
	const groupOf = (r: Row) =>
		r.attemptId !== null
			? `a${r.attemptId}`
			: r.enrolmentId !== null
				? `e${r.enrolmentId}:${r.stepSlug}`
				: null;
	const totals = new Map<string, number>();
	for (const r of rows) {
		const g = groupOf(r);
		if (g !== null) totals.set(g, (totals.get(g) ?? 0) + r.score);
	}

	const byItem = new Map<string, { rows: ItemObservation[]; max: number; first: Row }>();
	for (const r of rows) {
		const key = `${r.stepSlug}\u0000${r.itemId}`;
		let entry = byItem.get(key);
		if (!entry) byItem.set(key, (entry = { rows: [], max: 0, first: r }));
		const g = groupOf(r);
		entry.rows.push({
			score: r.score,
			rest: g === null ? null : totals.get(g)! - r.score,
			choices: choiceKeys(r.answer)
		});
		entry.max = Math.max(entry.max, r.maxScore);
	}

	const items: ItemStatistics[] = [];
	for (const { rows: observations, max, first } of byItem.values()) {
		const step = version.stepBySlug.get(first.stepSlug);
		let label = first.itemId;
		let labels = new Map<string, string>();
		if (step && first.kind === 'choice' && step.vignette) {
			label = step.vignette.nodes[first.itemId]?.text ?? label;
			labels = nodeLabels(step.vignette, first.itemId);
		} else if (step) {
			const item = itemsOf(step).find((i) => i.id === first.itemId);
			if (item) {
				label = item.prompt;
				labels = itemLabels(item);
			}
		}
		const figures = itemFigures(observations, max);
		items.push({
			...figures,
			stepSlug: first.stepSlug,
			stepTitle: step?.meta.title ?? first.stepSlug,
			itemId: first.itemId,
			kind: first.kind,
			label: shorten(label),
			maxScore: max,
			choices: figures.choiceCounts.map((c) => ({
				label: shorten(labels.get(c.choice) ?? c.choice, 60),
				count: c.count
			}))
		});
	}
	const order = new Map(version.module.steps.map((s) => [s.slug, s.order]));
	items.sort(
		(a, b) =>
			(order.get(a.stepSlug) ?? 0) - (order.get(b.stepSlug) ?? 0) ||
			a.itemId.localeCompare(b.itemId)
	);
	return { slug: moduleSlug, title: version.module.meta.title, items };
}

/** The modules a trainer sees statistics for: the shipped course, in course order. */
export function statisticsModules(): { slug: string; title: string }[] {
	return getCourse().modules.map((m) => ({ slug: m.slug, title: m.meta.title }));
}
