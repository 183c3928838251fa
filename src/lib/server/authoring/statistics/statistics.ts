// Item statistics for trainers: which items are too easy, too hard or mislead learners. Only
// aggregates leave this module: never a learner's name or an individual answer.
import { CLASSIFY_ANSWERS, type Item, type Vignette } from '$lib/content/schema';
import { latestVersionId, loadVersion, type StepSnapshot } from '../../content/versions';
import { getCourse } from '../../content/course';
import { publishedAuthoredModules } from '../published';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { sqlValues } from '../../db';
import {
	groupedInIndexOrder,
	groupValueAmong,
	inIdList,
	inSelected,
	isTrue,
	joinedRows
} from '../../db/sql';
import { attempt, enrolment, membership, moduleVersion, response } from '../../db/schema';
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

/**
 * Whose answers count: every learner (`'all'`) or the learners with a membership in one of these
 * organisations. Answers whose learner was erased (no user any more) count only for `'all'`.
 */
export type StatisticsScope = 'all' | readonly number[];

// One pass over the covering index `response_statistics_scoped`, with no window function and no
// sort of the responses. A test is the enrolment's step for quiz and vignette answers and the attempt
// for assessment answers; the index gives the responses in test order, so GROUP BY test streams
// and packs each test into one signature: its responses as item, kind, score, max score and
// answer, joined by control characters. Identical signatures are then counted (a sort of one row
// per test, with few distinct rows), and JavaScript reads a few counted signatures instead of
// 100,000 responses: the rest of the test is the signature's total minus the response's score.
// The organisation scope is checked once per test (a test is one learner's, so its user_id is
// the same on every row), in the same pass; answers of erased enrolments stay out of a scope.
// Measured on the `npm run bench:stats` data (200,000 responses), CPU time, median of 5 in one
// run: 357 -> 164 ms for every learner, 195-218 ms scoped to one organisation; the SQLite part
// 6.7 -> 3.5 G instructions (callgrind on the sqlite3 shell).
// PostgreSQL streams the same index (its copy leaves out `answer`, read from the table) when the
// GROUP BY also names the columns the WHERE fixes and the versions are an `= any(array(...))`
// index condition, joins each test's rows in the index's order (item id last) instead of sorting
// every group again, and checks the scope with a semi-join on the tests (db/sql.ts). The figures
// do not depend on the order of a test's rows: another order only splits a signature's count.
// Backend CPU on the same data, median of 5: 330 -> 155 ms for every learner, 480 -> 200 ms
// scoped (the EXISTS in HAVING was costed per test and set off 270 ms of JIT compiling).
const FIELD = '\u001f';
const RECORD = '\u001e';
const r = response;
const fields = [r.itemId, r.kind, r.score, r.maxScore, r.answer];
/** A test's signature in the order the rows are read: the index's order (item id last). */
const streamedSignature = joinedRows(fields);
/** An attempt's signature in item order (read through any index). */
const signature = joinedRows(fields, r.itemId);
const versionsOf = (slug: string) =>
	sql`(select ${moduleVersion.id} from ${moduleVersion} where ${moduleVersion.moduleSlug} = ${slug})`;
/** Whether this user is a member of an organisation in scope: one seek in the membership index. */
const isMember = (userId: SQLWrapper, orgs: readonly number[]) =>
	sql`exists (select 1 from ${membership} where ${membership.userId} = ${userId}
	and ${inIdList(membership.organisationId, orgs)})`;

/** Step, whether the test is known (0: answers of erased enrolments), signature, how many. */
type Row = [step: string, known: number | boolean, signature: string | null, count: number];

function firstAnswers(slug: string, scope: StatisticsScope): SQL {
	// Answers of erased enrolments stay out of a scope; the learner is the same on a test's rows.
	const inScope =
		scope === 'all'
			? { select: sql``, having: sql``, outerWhere: sql`` }
			: groupValueAmong(
					r.userId,
					membership.userId,
					membership,
					inIdList(membership.organisationId, scope)
				);
	const having =
		scope === 'all' ? sql`` : sql`having ${r.enrolmentId} is not null ${inScope.having}`;
	return sql`select step, known, sig, count(*) from (
		select ${r.stepSlug} as step, ${r.enrolmentId} is not null as known, ${streamedSignature} as sig${inScope.select}
		from ${response}
		where ${inSelected(r.moduleVersionId, versionsOf(slug))}
			and ${r.attemptId} is null and ${isTrue(r.isFirst)}
		group by ${groupedInIndexOrder(
			[r.moduleVersionId, r.attemptId, r.isFirst, r.stepSlug, r.enrolmentId],
			[r.attemptId, r.isFirst]
		)}
		${having}
	) as tests ${inScope.outerWhere} group by step, known, sig`;
}

// Every answer of each enrolment's first submitted attempt per assessment step (a retake is not
// a first attempt); the test is the attempt. Its signature is a subquery per attempt that seeks
// the covering index by (version, attempt): no sort of the responses.
function firstAttempts(slug: string, scope: StatisticsScope): SQL {
	const inScope = scope === 'all' ? sql`` : sql`and ${isMember(enrolment.userId, scope)}`;
	return sql`select step, 1, sig, count(*) from (
		select first.step as step, (
			select ${signature} from ${response}
			where ${r.moduleVersionId} in ${versionsOf(slug)} and ${r.attemptId} = first.id
		) as sig
		from (
			select ${attempt.stepSlug} as step, min(${attempt.id}) as id from ${enrolment}
			join ${attempt} on ${attempt.enrolmentId} = ${enrolment.id}
			where ${enrolment.moduleSlug} = ${slug} and ${attempt.kind} = 'assessment'
				and ${attempt.submittedAt} is not null ${inScope}
			group by ${attempt.enrolmentId}, ${attempt.stepSlug}
		) first
	) as tests group by step, sig`;
}

/** The counted signatures of a module's first answers and first attempts in this scope. */
async function countedTests(slug: string, scope: StatisticsScope): Promise<Row[]> {
	const rows = [
		...(await sqlValues<Row>(firstAnswers(slug, scope))),
		...(await sqlValues<Row>(firstAttempts(slug, scope)))
	];
	// PostgreSQL's count(*) is a bigint, read as a string.
	for (const row of rows) row[3] = Number(row[3]);
	return rows;
}

/**
 * How many learners in scope answered anything in this module, counted up to `enough` (the
 * count stops there, so a module with many learners costs a few index rows).
 */
export async function learnersInScope(
	slug: string,
	scope: StatisticsScope,
	enough: number
): Promise<number> {
	const inScope =
		scope === 'all'
			? sql``
			: sql`and ${r.userId} in (select ${membership.userId} from ${membership}
				where ${inIdList(membership.organisationId, scope)})`;
	const [[count]] = await sqlValues<[number | string]>(
		sql`select count(*) from (select distinct ${r.userId} from ${response}
			where ${r.moduleVersionId} in ${versionsOf(slug)} and ${r.userId} is not null ${inScope}
			limit ${enough}) as learners`
	);
	return Number(count);
}

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

/**
 * Per-item figures and flags for one module, from first-attempt responses of all its versions,
 * counting the answers of the learners in `scope` only.
 */
export async function itemStatistics(
	moduleSlug: string,
	scope: StatisticsScope = 'all'
): Promise<ModuleStatistics | undefined> {
	const versionId = await latestVersionId(moduleSlug);
	const version = versionId === undefined ? undefined : await loadVersion(versionId);
	if (!version) return undefined;
	// Each counted signature's responses go into their items' tallies; answers are parsed once
	// per distinct text per item.
	type Entry = { tally: ItemTally; answers: Map<string, number>; max: number; kind: string };
	const byItem = new Map<string, Entry>();
	for (const [stepSlug, known, sig, count] of await countedTests(moduleSlug, scope)) {
		if (sig === null) continue; // an attempt whose answers were all removed
		const responses = sig.split(RECORD).map((record) => record.split(FIELD));
		let total = 0;
		for (const r of responses) total += Number(r[2]);
		for (const [itemId, kind, score, maxScore, answer] of responses) {
			const key = `${stepSlug}\u0000${itemId}`;
			let entry = byItem.get(key);
			if (!entry) {
				entry = { tally: emptyTally(), answers: new Map(), max: 0, kind };
				byItem.set(key, entry);
			}
			const x = Number(score);
			// Answers of an erased enrolment have no test: no rest score.
			tallyResponse(entry.tally, x, known ? total - x : null, count);
			entry.answers.set(answer, (entry.answers.get(answer) ?? 0) + count);
			if (Number(maxScore) > entry.max) entry.max = Number(maxScore);
			if (kind < entry.kind) entry.kind = kind;
		}
	}

	const items: ItemStatistics[] = [];
	for (const [key, { tally, answers, max, kind }] of byItem) {
		for (const [answer, count] of answers) tallyChoices(tally, choiceKeys(answer), count);
		const [stepSlug, itemId] = key.split('\u0000');
		const first = { stepSlug, itemId, kind: kind as 'item' | 'choice' };
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

/** A module's title for the statistics page, from its latest version; undefined when unknown. */
export async function statisticsTitle(moduleSlug: string): Promise<string | undefined> {
	const versionId = await latestVersionId(moduleSlug);
	return versionId === undefined ? undefined : (await loadVersion(versionId))?.module.meta.title;
}

/**
 * The modules a trainer sees statistics for: the shipped course in course order, then the
 * published authored modules of the trainer's organisations and the platform.
 */
export async function statisticsModules(
	orgIds: readonly number[] = []
): Promise<{ slug: string; title: string }[]> {
	return [
		...getCourse().modules.map((m) => ({ slug: m.slug, title: m.meta.title })),
		...(await publishedAuthoredModules(orgIds)).map((m) => ({ slug: m.slug, title: m.title }))
	];
}
