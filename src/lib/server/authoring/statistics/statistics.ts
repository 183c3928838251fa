// Item statistics for trainers: which items are too easy, too hard or mislead learners. Only
// aggregates leave this module: never a learner's name or an individual answer.
import { CLASSIFY_ANSWERS, type Item, type Vignette } from '$lib/content/schema';
import { latestVersionId, loadVersion, type StepSnapshot } from '../../content/versions';
import { getCourse } from '../../content/course';
import { publishedAuthoredModules } from '../published';
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DB } from '../../db';
import { prepared } from '../../db/prepared';
import { attempt, enrolment, moduleVersion, response } from '../../db/schema';
import {
	emptyTally,
	tallyChoices,
	tallyFigures,
	tallyResponse,
	type ItemFigures,
	type ItemTally
} from './item-stats';

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

// Two constant statements, prepared once through Drizzle. SQLite does the per-response work: a
// window sum over each test gives a response its test total (the rest of the test is that total
// minus the response's own score), and GROUP BY counts identical (item, score, rest, answer)
// responses, so JavaScript reads a few counted rows instead of 100,000 (CPU 424 -> 327 ms for
// `npm run bench:stats` in one run). A test is the enrolment's step for quiz and vignette
// answers, the attempt for assessment answers. Both read the covering index
// `response_statistics`; the window's partition (version, step, enrolment) is that index's order.
const versionsOf = (database: DB) =>
	database
		.select({ id: moduleVersion.id })
		.from(moduleVersion)
		.where(eq(moduleVersion.moduleSlug, sql.placeholder('slug')));

/** The counted responses, from a subquery that has `rest` beside the response's columns. */
function counted(database: DB, rows: ReturnType<typeof firstAnswers>) {
	return database
		.select({
			stepSlug: rows.stepSlug,
			itemId: rows.itemId,
			kind: sql<'item' | 'choice'>`min(${rows.kind})`,
			score: rows.score,
			maxScore: sql<number>`max(${rows.maxScore})`,
			answer: rows.answer,
			rest: rows.rest,
			count: sql<number>`count(*)`
		})
		.from(rows)
		.groupBy(rows.stepSlug, rows.itemId, rows.score, sql`${rows.rest}`, sql`${rows.answer}`)
		.prepare();
}

const responseColumns = {
	stepSlug: response.stepSlug,
	itemId: response.itemId,
	kind: response.kind,
	score: response.score,
	maxScore: response.maxScore,
	// The stored JSON text, parsed once per distinct answer below.
	answer: sql<string>`${response.answer}`.as('answer')
};

// First answers outside assessments; the test is the enrolment's step.
function firstAnswers(database: DB) {
	return database
		.select({
			...responseColumns,
			rest: sql<number | null>`case when ${response.enrolmentId} is null then null else
				sum(${response.score}) over (partition by ${response.moduleVersionId}, ${response.stepSlug},
					${response.enrolmentId})
				- ${response.score} end`.as('rest')
		})
		.from(response)
		.where(
			and(
				inArray(response.moduleVersionId, versionsOf(database)),
				isNull(response.attemptId),
				eq(response.isFirst, true)
			)
		)
		.as('rows');
}
const selectFirstAnswers = prepared((database) => counted(database, firstAnswers(database)));

// Every answer of each enrolment's first submitted attempt per assessment step (a retake is
// not a first attempt); the test is the attempt.
const selectFirstAttemptAnswers = prepared((database) => {
	const first = database
		.select({ id: sql<number>`min(${attempt.id})`.as('first_id') })
		.from(enrolment)
		.innerJoin(attempt, eq(attempt.enrolmentId, enrolment.id))
		.where(
			and(
				eq(enrolment.moduleSlug, sql.placeholder('slug')),
				eq(attempt.kind, 'assessment'),
				isNotNull(attempt.submittedAt)
			)
		)
		.groupBy(attempt.enrolmentId, attempt.stepSlug)
		.as('first');
	const rows = database
		.select({
			...responseColumns,
			rest: sql<number | null>`sum(${response.score}) over (partition by ${response.attemptId})
				- ${response.score}`.as('rest')
		})
		.from(first)
		.innerJoin(response, eq(response.attemptId, first.id))
		.as('rows');
	return counted(database, rows as unknown as ReturnType<typeof firstAnswers>);
});

/** stepSlug, itemId, kind, score, maxScore, answer (JSON), rest of the test, how many. */
type Row = [string, string, 'item' | 'choice', number, number, string, number | null, number];

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
				for (const value of CLASSIFY_ANSWERS) {
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
	// `values()` gives each row as an array in the order of the selected columns above.
	const rows = [
		...(selectFirstAnswers().values({ slug: moduleSlug }) as Row[]),
		...(selectFirstAttemptAnswers().values({ slug: moduleSlug }) as Row[])
	];
	// Each counted row goes into its item's tally; answers are parsed once per distinct text.
	type Entry = { tally: ItemTally; answers: Map<string, number>; max: number; first: Row };
	const byItem = new Map<string, Entry>();
	for (const r of rows) {
		const key = `${r[0]}\u0000${r[1]}`;
		let entry = byItem.get(key);
		if (!entry) {
			entry = { tally: emptyTally(), answers: new Map(), max: 0, first: r };
			byItem.set(key, entry);
		}
		tallyResponse(entry.tally, r[3], r[6], r[7]);
		entry.answers.set(r[5], (entry.answers.get(r[5]) ?? 0) + r[7]);
		if (r[4] > entry.max) entry.max = r[4];
	}

	const items: ItemStatistics[] = [];
	for (const { tally, answers, max, first: row } of byItem.values()) {
		for (const [answer, count] of answers) tallyChoices(tally, choiceKeys(answer), count);
		const first = { stepSlug: row[0], itemId: row[1], kind: row[2] };
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
		const figures = tallyFigures(tally, max);
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

/**
 * The modules a trainer sees statistics for: the shipped course in course order, then the
 * published authored modules of the trainer's organisations and the platform.
 */
export function statisticsModules(
	orgIds: readonly number[] = []
): { slug: string; title: string }[] {
	return [
		...getCourse().modules.map((m) => ({ slug: m.slug, title: m.meta.title })),
		...publishedAuthoredModules(orgIds).map((m) => ({ slug: m.slug, title: m.title }))
	];
}
