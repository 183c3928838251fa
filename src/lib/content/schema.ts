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
type Ctx = z.core.$RefinementCtx;
type Path = (string | number)[];

function report(ctx: Ctx, path: Path, message: string) {
	ctx.addIssue({ code: 'custom', path, message });
}

function checkUniqueIds(ctx: Ctx, list: { id: string }[], path: string) {
	const seen = new Set<string>();
	list.forEach((entry, i) => {
		if (seen.has(entry.id)) report(ctx, [path, i, 'id'], `duplicate id "${entry.id}"`);
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

export const vignetteNodeSchema = z.strictObject({
	text: text(5000),
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
		if (e in v.nodes) report(ctx, ['endings', e], `id "${e}" is used by a node and an ending`);
	}
	if (!(v.start in v.nodes)) {
		report(ctx, ['start'], `unknown node "${v.start}"`);
		return;
	}
	const edges = new Map<string, string[]>();
	let broken = false;
	for (const n of nodeIds) {
		const targets: string[] = [];
		v.nodes[n].choices.forEach((c, i) => {
			if (c.next in v.nodes || endingIds.has(c.next)) targets.push(c.next);
			else {
				report(ctx, ['nodes', n, 'choices', i, 'next'], `unknown node "${c.next}"`);
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
		if (!reached.has(n)) report(ctx, ['nodes', n], 'cannot be reached from start');
	}
	for (const e of endingIds) {
		if (!reached.has(e)) report(ctx, ['endings', e], 'cannot be reached from start');
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
			'no ending can be reached from this node (a dead end or a cycle without exit)'
		);
	}

	const reachedEndings = [...endingIds].filter((e) => reached.has(e) && !(e in v.nodes));
	if (reachedEndings.length < MIN_ENDINGS) {
		report(
			ctx,
			['endings'],
			`needs at least ${MIN_ENDINGS} reachable endings, has ${reachedEndings.length}`
		);
	}
	if (!dead) {
		const longest = longestPath(v.start, edges, endingIds);
		if (longest < MIN_DECISION_POINTS) {
			report(
				ctx,
				['nodes'],
				`the longest path from start has ${longest} decision points, needs at least ${MIN_DECISION_POINTS}`
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
	if (exactlyOne && n !== 1) report(ctx, path, `exactly one option must be correct, found ${n}`);
	if (!exactlyOne && n < 1) report(ctx, path, 'at least one option must be correct');
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
			report(ctx, ['phrases'], 'needs at least one phrase with a signal');
		}
		if (!item.phrases.some((p) => !p.signal)) {
			report(ctx, ['phrases'], 'needs at least one phrase without a signal (a distractor)');
		}
		const spans: { id: string; from: number; to: number }[] = [];
		item.phrases.forEach((p, i) => {
			const at = item.text.indexOf(p.text);
			if (at < 0) {
				report(ctx, ['phrases', i, 'text'], `"${p.text}" does not occur in the text`);
				return;
			}
			if (item.text.indexOf(p.text, at + 1) >= 0) {
				report(ctx, ['phrases', i, 'text'], `"${p.text}" occurs more than once in the text`);
				return;
			}
			const other = spans.find((s) => at < s.to && s.from < at + p.text.length);
			if (other) report(ctx, ['phrases', i, 'text'], `overlaps with phrase "${other.id}"`);
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
				if (seen.has(o.id)) report(ctx, [q, 'options', i, 'id'], `duplicate id "${o.id}"`);
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
				`pool has ${a.pool.length} items, needs at least 2 x draw = ${2 * a.draw}`
			);
		}
	});

/**
 * The pre-test draws from the assessment pool, which lives in another file: this rule runs once
 * both are known (the loader, and the editor before publishing). Undefined when it holds.
 */
export function pretestIssue(pretest: number | undefined, poolSize: number): string | undefined {
	if (pretest === undefined || pretest <= poolSize) return undefined;
	return `pretest draws ${pretest} items, but the assessment pool has only ${poolSize}`;
}

export type Signal = z.infer<typeof signalSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type ModuleMeta = z.infer<typeof moduleMetaSchema>;
export type StepKind = (typeof STEP_KINDS)[number];
export type StepMeta = z.infer<typeof stepMetaSchema>;
export type VignetteChoice = z.infer<typeof choiceSchema>;
export type VignetteNode = z.infer<typeof vignetteNodeSchema>;
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

export interface SchemaProblem {
	path: string;
	message: string;
}

function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	if (typeof value === 'string')
		return `text "${value.length > 30 ? value.slice(0, 30) + '…' : value}"`;
	return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
	array: 'a list',
	object: 'a mapping',
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false'
};

function sizeWord(origin: string): string {
	return origin === 'string' ? 'characters' : 'items';
}

/** One plain-English problem per zod issue; parse with `reportInput: true` for better words. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): SchemaProblem[] {
	const out: SchemaProblem[] = [];
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
		if (issue.code !== 'invalid_type' && wrongType.has(path)) continue;
		switch (issue.code) {
			case 'unrecognized_keys':
				for (const key of issue.keys) {
					const guess = [...missing].find(
						([p, k]) => p === formatPath([...issue.path, k]) && editDistance(k, key) <= 2
					);
					out.push({
						path: formatPath([...issue.path, key]),
						message: `unknown key "${key}"${guess ? ` (did you mean "${guess[1]}"?)` : ''}`
					});
				}
				continue;
			case 'invalid_type':
				if (explained.has(path)) continue;
				out.push({
					path,
					message:
						input === undefined
							? 'is required'
							: `must be ${EXPECTED[issue.expected] ?? `a ${issue.expected}`}, got ${describeType(input)}`
				});
				continue;
			case 'too_small':
				out.push({
					path,
					message:
						issue.origin === 'string' && Number(issue.minimum) === 1
							? 'must not be empty'
							: issue.origin === 'number' || issue.origin === 'int'
								? issue.message.startsWith('Too small')
									? `must be at least ${issue.minimum}`
									: issue.message
								: issue.message.startsWith('Too small')
									? `needs at least ${issue.minimum} ${sizeWord(issue.origin)}`
									: issue.message
				});
				continue;
			case 'too_big':
				out.push({
					path,
					message: !issue.message.startsWith('Too big')
						? issue.message
						: issue.origin === 'number' || issue.origin === 'int'
							? `must be at most ${issue.maximum}`
							: `is too long: at most ${issue.maximum} ${sizeWord(issue.origin)}`
				});
				continue;
			case 'invalid_value':
				out.push({
					path,
					message: `must be one of ${issue.values.map((v) => String(v)).join(', ')}${input === undefined ? '' : `, got ${describeType(input)}`}`
				});
				continue;
			case 'invalid_union':
				if ('discriminator' in issue && issue.discriminator) {
					out.push({
						path,
						message: `must be one of ${((issue as { options?: unknown[] }).options ?? []).join(', ')}`
					});
				} else out.push({ path, message: issue.message });
				continue;
			case 'invalid_key':
				out.push({
					path,
					message: `"${String(issue.path.at(-1))}" is not a valid id: ${issue.issues[0]?.message ?? 'invalid'}`
				});
				continue;
			case 'invalid_format':
				out.push({
					path,
					message: issue.format === 'url' ? 'must be an http(s) address' : issue.message
				});
				continue;
			default:
				out.push({ path, message: issue.message });
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
