// The module file format (docs/content-format.md) as zod schemas, with the rules that need only
// one file (vignette graph, correct answers, mark phrases, pool size). Shared with the browser
// and the authoring editor, so no node imports; rules across files live in the server loader.
import { z } from 'zod';
import { CLASSIFY_ANSWERS, SIGNAL_CATEGORIES } from './categories';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const FOLDER_PATTERN = /^\d\d-[a-z0-9-]+$/;

const id = z.string().max(80).regex(ID_PATTERN, {
	message: 'must be lowercase letters and digits, separated by single dashes (kebab-case)'
});
const text = (max: number) => z.string().trim().min(1).max(max);
const signalIds = z.array(id).max(20);

export const signalSchema = z.strictObject({
	id,
	label: text(80),
	category: z.enum(SIGNAL_CATEGORIES),
	description: text(400)
});
export const signalsFileSchema = z.array(signalSchema).min(1);

export const sourceSchema = z.strictObject({
	title: text(300),
	publisher: text(200),
	year: z.int().min(1900).max(2100),
	url: z
		.url({ protocol: /^https?$/ })
		.max(500)
		.optional()
});

export const moduleMetaSchema = z.strictObject({
	title: text(120),
	summary: text(500),
	audience: z.enum(['leerkracht', 'hulpverlener', 'both']),
	minutes: z.int().min(1).max(600),
	passMark: z.number().min(0, { message: 'must be between 0 and 1' }).max(1, {
		message: 'must be between 0 and 1'
	}),
	certificate: z.strictObject({ validityMonths: z.int().min(1).max(120) }),
	refresher: z
		.strictObject({
			module: id,
			opensDaysBefore: z.int().min(0).max(365),
			graceDays: z.int().min(0).max(730)
		})
		.optional(),
	refreshes: z.array(id).max(50).default([]),
	/** Items drawn from the assessment pool for an ungraded pre-test before the first step. */
	pretest: z.int().min(1).max(50).optional(),
	sources: z.array(sourceSchema).min(1).max(50),
	/**
	 * Shipped modules: what changed in these files since the previous version and why, as Dutch
	 * lines. Stored with the new module version (module_version.changes) when the files change.
	 */
	changes: z.array(text(400)).min(1).max(30).optional()
});

export const STEP_KINDS = ['lesson', 'vignette', 'quiz', 'assessment'] as const;

/** The categories of a classify statement; each is defined once, in a lesson (`defines`). */
export { CLASSIFY_ANSWERS };

/** A person's first name as it appears in a case ("Robbe", "Anne-Sophie", "Zoë"). */
export const PERSON_NAME_PATTERN = /^\p{Lu}[\p{L}'’-]*$/u;

export const stepMetaSchema = z.strictObject({
	kind: z.enum(STEP_KINDS),
	title: text(120),
	required: z.boolean().default(true),
	/** The classify categories this step defines (the course defines each exactly once). */
	defines: z.array(z.enum(CLASSIFY_ANSWERS)).min(1).max(CLASSIFY_ANSWERS.length).optional(),
	/** The people in this step's case: first name -> role (jongere, dader, ouder, collega, ...). */
	cast: z
		.record(
			z.string().regex(PERSON_NAME_PATTERN, { message: 'must be a first name with a capital' }),
			id
		)
		.optional()
});

// A problem found by a refinement: collected through ctx so the editor gets them as zod issues.
// Each carries its catalogue code and values in `params` (src/lib/i18n/nl/codes.ts says it in
// Dutch); the English message is for developers (`npm run modules:check`).
type Ctx = z.core.$RefinementCtx;
type Path = (string | number)[];

/** The values a content code's message takes. */
export type ContentParams = Record<string, string | number>;

/** Catalogue codes of content problems; `content.other` keeps an unexpected English message. */
export type ContentCode =
	| 'content.duplicateId'
	| 'content.nodeAndEnding'
	| 'content.unknownNode'
	| 'content.unreachable'
	| 'content.deadEnd'
	| 'content.endings'
	| 'content.decisionPoints'
	| 'content.exactlyOne'
	| 'content.atLeastOneCorrect'
	| 'content.phraseWithSignal'
	| 'content.phraseDistractor'
	| 'content.phraseMissing'
	| 'content.phraseTwice'
	| 'content.phraseOverlap'
	| 'content.poolSize'
	| 'content.pretestTooLarge'
	| 'content.unknownKey'
	| 'content.required'
	| 'content.wrongType'
	| 'content.notEmpty'
	| 'content.min'
	| 'content.max'
	| 'content.between01'
	| 'content.tooFew'
	| 'content.tooLong'
	| 'content.oneOf'
	| 'content.kebab'
	| 'content.invalidId'
	| 'content.url'
	| 'content.other';

function report(
	ctx: Ctx,
	path: Path,
	message: string,
	code: ContentCode,
	params: ContentParams = {}
) {
	ctx.addIssue({ code: 'custom', path, message, params: { ...params, code } });
}

function checkUniqueIds(ctx: Ctx, list: { id: string }[], path: string) {
	const seen = new Set<string>();
	list.forEach((entry, i) => {
		if (seen.has(entry.id))
			report(ctx, [path, i, 'id'], `duplicate id "${entry.id}"`, 'content.duplicateId', {
				id: entry.id
			});
		seen.add(entry.id);
	});
}

// ---- vignette

export const choiceSchema = z.strictObject({
	label: text(300),
	feedback: text(1500),
	score: z.int().min(0).max(3),
	next: id
});

/** One message of a short exchange shown as a phone conversation (narrative, never an answer). */
export const messageSchema = z.strictObject({
	sender: text(60),
	time: text(20),
	text: text(500)
});

/** Who the case is about and who tells it, shown above the case. */
export const caseHeaderSchema = z.strictObject({
	name: text(60),
	age: z.int().min(0).max(120).optional(),
	setting: text(200).optional(),
	narrator: text(200).optional()
});

export const vignetteNodeSchema = z.strictObject({
	text: text(5000),
	messages: z.array(messageSchema).min(1).max(20).optional(),
	signals: signalIds.optional(),
	choices: z.array(choiceSchema).min(2, { message: 'needs at least 2 choices' }).max(6)
});

export const endingSchema = z.strictObject({
	title: text(120),
	summary: text(1500)
});

export const MIN_DECISION_POINTS = 3;
export const MIN_ENDINGS = 2;

export const vignetteSchema = z
	.strictObject({
		header: caseHeaderSchema.optional(),
		start: id,
		nodes: z.record(id, vignetteNodeSchema),
		endings: z.record(id, endingSchema)
	})
	.superRefine((v, ctx) => checkVignette(v, ctx));

function checkVignette(
	v: { start: string; nodes: Record<string, VignetteNode>; endings: Record<string, unknown> },
	ctx: Ctx
) {
	const nodeIds = Object.keys(v.nodes);
	const endingIds = new Set(Object.keys(v.endings));
	for (const e of endingIds) {
		if (e in v.nodes)
			report(
				ctx,
				['endings', e],
				`id "${e}" is used by a node and an ending`,
				'content.nodeAndEnding',
				{
					id: e
				}
			);
	}
	if (!(v.start in v.nodes)) {
		report(ctx, ['start'], `unknown node "${v.start}"`, 'content.unknownNode', { id: v.start });
		return;
	}
	const edges = new Map<string, string[]>();
	let broken = false;
	for (const n of nodeIds) {
		const targets: string[] = [];
		v.nodes[n].choices.forEach((c, i) => {
			if (c.next in v.nodes || endingIds.has(c.next)) targets.push(c.next);
			else {
				report(
					ctx,
					['nodes', n, 'choices', i, 'next'],
					`unknown node "${c.next}"`,
					'content.unknownNode',
					{
						id: c.next
					}
				);
				broken = true;
			}
		});
		edges.set(n, targets);
	}
	// the graph checks below would only repeat the consequences of a broken link
	if (broken) return;

	const reached = new Set<string>([v.start]);
	const queue = [v.start];
	while (queue.length > 0) {
		for (const t of edges.get(queue.shift()!) ?? []) {
			if (!reached.has(t)) {
				reached.add(t);
				if (t in v.nodes) queue.push(t);
			}
		}
	}
	for (const n of nodeIds) {
		if (!reached.has(n))
			report(ctx, ['nodes', n], 'cannot be reached from start', 'content.unreachable');
	}
	for (const e of endingIds) {
		if (!reached.has(e))
			report(ctx, ['endings', e], 'cannot be reached from start', 'content.unreachable');
	}

	// Nodes that can reach an ending, by walking the edges backwards from every ending.
	const exits = new Set<string>(endingIds);
	for (let grew = true; grew;) {
		grew = false;
		for (const n of nodeIds) {
			if (!exits.has(n) && edges.get(n)!.some((t) => exits.has(t))) {
				exits.add(n);
				grew = true;
			}
		}
	}
	let dead = false;
	for (const n of nodeIds) {
		if (!reached.has(n) || exits.has(n)) continue;
		dead = true;
		report(
			ctx,
			['nodes', n],
			'no ending can be reached from this node (a dead end or a cycle without exit)',
			'content.deadEnd'
		);
	}

	const reachedEndings = [...endingIds].filter((e) => reached.has(e) && !(e in v.nodes));
	if (reachedEndings.length < MIN_ENDINGS) {
		report(
			ctx,
			['endings'],
			`needs at least ${MIN_ENDINGS} reachable endings, has ${reachedEndings.length}`,
			'content.endings',
			{ min: MIN_ENDINGS, has: reachedEndings.length }
		);
	}
	if (!dead) {
		const longest = longestPath(v.start, edges, endingIds);
		if (longest < MIN_DECISION_POINTS) {
			report(
				ctx,
				['nodes'],
				`the longest path from start has ${longest} decision points, needs at least ${MIN_DECISION_POINTS}`,
				'content.decisionPoints',
				{ has: longest, min: MIN_DECISION_POINTS }
			);
		}
	}
}

// Decision points (nodes) on the longest simple path from start to an ending. Vignettes are small,
// but cycles make this exponential in theory, so the search is capped.
function longestPath(start: string, edges: Map<string, string[]>, endings: Set<string>): number {
	let best = 0;
	let budget = 100_000;
	const onPath = new Set<string>();
	const walk = (n: string) => {
		if (budget-- <= 0) return;
		onPath.add(n);
		for (const t of edges.get(n) ?? []) {
			if (endings.has(t)) best = Math.max(best, onPath.size);
			else if (!onPath.has(t)) walk(t);
		}
		onPath.delete(n);
	};
	walk(start);
	return best;
}

// ---- quiz items

const option = z.strictObject({
	id,
	text: text(500),
	correct: z.boolean().default(false),
	feedback: text(1500).optional(),
	signals: signalIds.optional()
});
const options = z.array(option).min(2, { message: 'needs at least 2 options' }).max(10);

const itemBase = {
	id,
	prompt: text(2000),
	feedback: text(2000),
	signals: signalIds.optional()
};

function checkCorrect(
	ctx: Ctx,
	opts: { id: string; correct: boolean }[],
	path: Path,
	exactlyOne: boolean
) {
	const n = opts.filter((o) => o.correct).length;
	if (exactlyOne && n !== 1)
		report(ctx, path, `exactly one option must be correct, found ${n}`, 'content.exactlyOne', {
			found: n
		});
	if (!exactlyOne && n < 1)
		report(ctx, path, 'at least one option must be correct', 'content.atLeastOneCorrect');
}

export const singleItemSchema = z
	.strictObject({ ...itemBase, type: z.literal('single'), options })
	.superRefine((item, ctx) => {
		checkUniqueIds(ctx, item.options, 'options');
		checkCorrect(ctx, item.options, ['options'], true);
	});

export const multiItemSchema = z
	.strictObject({ ...itemBase, type: z.literal('multi'), options })
	.superRefine((item, ctx) => {
		checkUniqueIds(ctx, item.options, 'options');
		checkCorrect(ctx, item.options, ['options'], false);
	});

export const markItemSchema = z
	.strictObject({
		...itemBase,
		type: z.literal('mark'),
		text: text(5000),
		phrases: z
			.array(
				z.strictObject({
					id,
					text: text(300),
					signal: id.optional(),
					feedback: text(1500).optional()
				})
			)
			.min(2, { message: 'needs at least 2 phrases' })
			.max(30)
	})
	.superRefine((item, ctx) => {
		checkUniqueIds(ctx, item.phrases, 'phrases');
		if (!item.phrases.some((p) => p.signal)) {
			report(
				ctx,
				['phrases'],
				'needs at least one phrase with a signal',
				'content.phraseWithSignal'
			);
		}
		if (!item.phrases.some((p) => !p.signal)) {
			report(
				ctx,
				['phrases'],
				'needs at least one phrase without a signal (a distractor)',
				'content.phraseDistractor'
			);
		}
		const spans: { id: string; from: number; to: number }[] = [];
		item.phrases.forEach((p, i) => {
			const at = item.text.indexOf(p.text);
			if (at < 0) {
				report(
					ctx,
					['phrases', i, 'text'],
					`"${p.text}" does not occur in the text`,
					'content.phraseMissing',
					{ text: p.text }
				);
				return;
			}
			if (item.text.indexOf(p.text, at + 1) >= 0) {
				report(
					ctx,
					['phrases', i, 'text'],
					`"${p.text}" occurs more than once in the text`,
					'content.phraseTwice',
					{ text: p.text }
				);
				return;
			}
			const other = spans.find((s) => at < s.to && s.from < at + p.text.length);
			if (other)
				report(
					ctx,
					['phrases', i, 'text'],
					`overlaps with phrase "${other.id}"`,
					'content.phraseOverlap',
					{ id: other.id }
				);
			spans.push({ id: p.id, from: at, to: at + p.text.length });
		});
	});

export const classifyItemSchema = z
	.strictObject({
		...itemBase,
		type: z.literal('classify'),
		statements: z
			.array(
				z.strictObject({
					id,
					text: text(500),
					answer: z.enum(CLASSIFY_ANSWERS),
					signals: signalIds.optional(),
					feedback: text(1500).optional()
				})
			)
			.min(2, { message: 'needs at least 2 statements' })
			.max(20)
	})
	.superRefine((item, ctx) => checkUniqueIds(ctx, item.statements, 'statements'));

const judgeQuestion = z.strictObject({ options });

export const judgeItemSchema = z
	.strictObject({
		...itemBase,
		type: z.literal('judge'),
		signals: signalIds.min(2, { message: 'needs at least 2 signals' }),
		concern: judgeQuestion,
		action: judgeQuestion
	})
	.superRefine((item, ctx) => {
		for (const q of ['concern', 'action'] as const) {
			const opts = item[q].options;
			const seen = new Set<string>();
			opts.forEach((o, i) => {
				if (seen.has(o.id))
					report(ctx, [q, 'options', i, 'id'], `duplicate id "${o.id}"`, 'content.duplicateId', {
						id: o.id
					});
				seen.add(o.id);
			});
			checkCorrect(ctx, opts, [q, 'options'], true);
		}
	});

export const ITEM_TYPES = ['single', 'multi', 'mark', 'classify', 'judge'] as const;

export const itemSchema = z.discriminatedUnion('type', [
	singleItemSchema,
	multiItemSchema,
	markItemSchema,
	classifyItemSchema,
	judgeItemSchema
]);

const items = z.array(itemSchema).min(1).max(200);

export const quizSchema = z
	.strictObject({ items })
	.superRefine((q, ctx) => checkUniqueIds(ctx, q.items, 'items'));

export const assessmentSchema = z
	.strictObject({ draw: z.int().min(1).max(100), pool: items })
	.superRefine((a, ctx) => {
		checkUniqueIds(ctx, a.pool, 'pool');
		if (a.pool.length < 2 * a.draw) {
			report(
				ctx,
				['pool'],
				`pool has ${a.pool.length} items, needs at least 2 x draw = ${2 * a.draw}`,
				'content.poolSize',
				{ has: a.pool.length, need: 2 * a.draw }
			);
		}
	});

/**
 * The pre-test draws from the assessment pool, which lives in another file: this rule runs once
 * both are known (the loader, and the editor before publishing). Undefined when it holds.
 */
export function pretestIssue(
	pretest: number | undefined,
	poolSize: number
): ContentProblem | undefined {
	if (pretest === undefined || pretest <= poolSize) return undefined;
	return {
		code: 'content.pretestTooLarge',
		params: { pretest, pool: poolSize },
		message: `pretest draws ${pretest} items, but the assessment pool has only ${poolSize}`
	};
}

export type Signal = z.infer<typeof signalSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type ModuleMeta = z.infer<typeof moduleMetaSchema>;
export type StepKind = (typeof STEP_KINDS)[number];
export type StepMeta = z.infer<typeof stepMetaSchema>;
export type VignetteChoice = z.infer<typeof choiceSchema>;
export type VignetteNode = z.infer<typeof vignetteNodeSchema>;
export type VignetteMessage = z.infer<typeof messageSchema>;
export type CaseHeader = z.infer<typeof caseHeaderSchema>;
export type VignetteEnding = z.infer<typeof endingSchema>;
export type Vignette = z.infer<typeof vignetteSchema>;
export type SingleItem = z.infer<typeof singleItemSchema>;
export type MultiItem = z.infer<typeof multiItemSchema>;
export type MarkItem = z.infer<typeof markItemSchema>;
export type ClassifyItem = z.infer<typeof classifyItemSchema>;
export type JudgeItem = z.infer<typeof judgeItemSchema>;
export type Item = z.infer<typeof itemSchema>;
export type ItemType = Item['type'];
export type ClassifyAnswer = (typeof CLASSIFY_ANSWERS)[number];
export type Quiz = z.infer<typeof quizSchema>;
export type Assessment = z.infer<typeof assessmentSchema>;

/** All signal ids an item refers to, wherever they sit in it. */
export function itemSignalIds(item: Item): { path: Path; id: string }[] {
	const out: { path: Path; id: string }[] = [];
	const add = (ids: string[] | undefined, path: Path) =>
		ids?.forEach((s, i) => out.push({ path: [...path, i], id: s }));
	add(item.signals, ['signals']);
	if (item.type === 'single' || item.type === 'multi') {
		item.options.forEach((o, i) => add(o.signals, ['options', i, 'signals']));
	} else if (item.type === 'mark') {
		item.phrases.forEach((p, i) => {
			if (p.signal) out.push({ path: ['phrases', i, 'signal'], id: p.signal });
		});
	} else if (item.type === 'classify') {
		item.statements.forEach((s, i) => add(s.signals, ['statements', i, 'signals']));
	}
	return out;
}

// ---- error formatting

/** `nodes.n4.choices[1].next` from `['nodes', 'n4', 'choices', 1, 'next']`. */
export function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
		.join('');
}

/** A content problem: its catalogue code and values, and an English sentence for developers. */
export interface ContentProblem {
	code: ContentCode;
	params: ContentParams;
	message: string;
}

export interface SchemaProblem extends ContentProblem {
	path: string;
}

/** What a wrong value is, for `content.wrongType`: a kind and, for text and scalars, the value. */
function describeType(value: unknown): { got: string; value: string } {
	if (value === null) return { got: 'null', value: '' };
	if (Array.isArray(value)) return { got: 'a list', value: '' };
	if (typeof value === 'object') return { got: 'a mapping', value: '' };
	if (typeof value === 'string')
		return { got: 'text', value: value.length > 30 ? value.slice(0, 30) + '…' : value };
	return { got: typeof value, value: String(value) };
}

function englishType({ got, value }: { got: string; value: string }): string {
	if (got === 'text') return `text "${value}"`;
	return value ? `${got} ${value}` : got;
}

const EXPECTED: Record<string, string> = {
	array: 'a list',
	object: 'a mapping',
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false'
};

/** Lists whose minimum has its own word ("needs at least 2 choices"). */
const NAMED_LISTS = new Set(['choices', 'options', 'phrases', 'statements', 'signals']);

/** A fraction between 0 and 1 (its size checks say so rather than "at least 0"). */
const FRACTIONS = new Set(['passMark']);

function sizeWord(origin: string, key: PropertyKey | undefined): string {
	if (origin === 'string') return 'characters';
	return typeof key === 'string' && NAMED_LISTS.has(key) ? key : 'items';
}

/**
 * One problem per zod issue of the content schemas: the one place zod's own issue codes
 * (too_small, invalid_type, ...) become catalogue codes. Refinements carry theirs in `params`.
 * Parse with `reportInput: true` for better words.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): SchemaProblem[] {
	const out: SchemaProblem[] = [];
	const push = (path: string, code: ContentCode, message: string, params: ContentParams = {}) =>
		out.push({ path, code, params, message });
	// A typo shows up as an unknown key plus a missing one beside it: report it once, with a hint.
	const missing = new Map<string, string>();
	for (const issue of issues) {
		const key = issue.path.at(-1);
		if (issue.code === 'invalid_type' && issue.input === undefined && typeof key === 'string') {
			missing.set(formatPath(issue.path), key);
		}
	}
	const explained = new Set<string>();
	for (const issue of issues) {
		if (issue.code !== 'unrecognized_keys') continue;
		for (const key of issue.keys) {
			const guess = [...missing].find(
				([p, k]) => p === formatPath([...issue.path, k]) && editDistance(k, key) <= 2
			);
			if (guess) explained.add(guess[0]);
		}
	}
	// a value of the wrong type also fails its size checks; the type is the one worth saying
	const wrongType = new Set(
		issues.filter((i) => i.code === 'invalid_type').map((i) => formatPath(i.path))
	);
	for (const issue of issues) {
		const path = formatPath(issue.path);
		const input = (issue as { input?: unknown }).input;
		const key = issue.path.at(-1);
		if (issue.code !== 'invalid_type' && wrongType.has(path)) continue;
		switch (issue.code) {
			case 'unrecognized_keys':
				for (const unknown of issue.keys) {
					const guess =
						[...missing].find(
							([p, k]) => p === formatPath([...issue.path, k]) && editDistance(k, unknown) <= 2
						)?.[1] ?? '';
					push(
						formatPath([...issue.path, unknown]),
						'content.unknownKey',
						`unknown key "${unknown}"${guess ? ` (did you mean "${guess}"?)` : ''}`,
						{ key: unknown, guess }
					);
				}
				continue;
			case 'invalid_type': {
				if (explained.has(path)) continue;
				if (input === undefined) {
					push(path, 'content.required', 'is required');
					continue;
				}
				const expected = EXPECTED[issue.expected] ?? `a ${issue.expected}`;
				const got = describeType(input);
				push(path, 'content.wrongType', `must be ${expected}, got ${englishType(got)}`, {
					expected,
					...got
				});
				continue;
			}
			case 'too_small': {
				const min = Number(issue.minimum);
				if (typeof key === 'string' && FRACTIONS.has(key))
					push(path, 'content.between01', 'must be between 0 and 1');
				else if (issue.origin === 'string' && min === 1)
					push(path, 'content.notEmpty', 'must not be empty');
				else if (issue.origin === 'number' || issue.origin === 'int')
					push(path, 'content.min', `must be at least ${min}`, { min });
				else {
					const what = sizeWord(issue.origin, key);
					push(path, 'content.tooFew', `needs at least ${min} ${what}`, { min, what });
				}
				continue;
			}
			case 'too_big': {
				const max = Number(issue.maximum);
				if (typeof key === 'string' && FRACTIONS.has(key))
					push(path, 'content.between01', 'must be between 0 and 1');
				else if (issue.origin === 'number' || issue.origin === 'int')
					push(path, 'content.max', `must be at most ${max}`, { max });
				else {
					const what = issue.origin === 'string' ? 'characters' : 'items';
					push(path, 'content.tooLong', `is too long: at most ${max} ${what}`, { max, what });
				}
				continue;
			}
			case 'invalid_value': {
				const values = issue.values.map((v) => String(v)).join(', ');
				push(
					path,
					'content.oneOf',
					`must be one of ${values}${input === undefined ? '' : `, got ${englishType(describeType(input))}`}`,
					{ values }
				);
				continue;
			}
			case 'invalid_union':
				if ('discriminator' in issue && issue.discriminator) {
					const values = ((issue as { options?: unknown[] }).options ?? []).join(', ');
					push(path, 'content.oneOf', `must be one of ${values}`, { values });
				} else push(path, 'content.other', issue.message, { message: issue.message });
				continue;
			case 'invalid_key': {
				const id = String(issue.path.at(-1));
				push(
					path,
					'content.invalidId',
					`"${id}" is not a valid id: ${issue.issues[0]?.message ?? 'invalid'}`,
					{ id }
				);
				continue;
			}
			case 'invalid_format':
				if (issue.format === 'url') push(path, 'content.url', 'must be an http(s) address');
				else if (issue.format === 'regex' && issue.pattern === String(ID_PATTERN))
					push(path, 'content.kebab', issue.message);
				else push(path, 'content.other', issue.message, { message: issue.message });
				continue;
			case 'custom': {
				const { code, ...params } = (issue.params ?? {}) as ContentParams & { code?: ContentCode };
				if (code) push(path, code, issue.message, params);
				else push(path, 'content.other', issue.message, { message: issue.message });
				continue;
			}
			default:
				push(path, 'content.other', issue.message, { message: issue.message });
		}
	}
	return out;
}

function editDistance(a: string, b: string): number {
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		prev = row;
	}
	return prev[b.length];
}
