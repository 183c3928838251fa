// Loads the course from a modules/ folder and checks it: every file against the schema, then the
// rules across files (signal ids, item ids, step kinds, the assessment, pre-test, refresher links).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
	FOLDER_PATTERN,
	assessmentSchema,
	describeIssues,
	formatPath,
	itemSignalIds,
	moduleMetaSchema,
	pretestIssue,
	quizSchema,
	signalsFileSchema,
	stepMetaSchema,
	vignetteSchema,
	type Assessment,
	type ContentParams,
	type Item,
	type ModuleMeta,
	type Quiz,
	type Signal,
	type StepMeta,
	type Vignette
} from '$lib/content/schema';
import { CONTACTS_FILE, checkCourseRules } from './rules';
import {
	ParseError,
	decodeContent,
	parseFrontMatter,
	parseYaml,
	readContentFile,
	type IssueCode
} from './parse';

export interface CourseStep {
	slug: string;
	folder: string;
	order: number;
	meta: StepMeta;
	/** Path of its index.md from the project root, as `import.meta.glob` keys it. */
	indexPath: string;
	vignette?: Vignette;
	quiz?: Quiz;
	assessment?: Assessment;
}

export interface CourseModule {
	slug: string;
	folder: string;
	order: number;
	meta: ModuleMeta;
	indexPath: string;
	/** sha256 (hex) over all the module's files: a new hash is a new version. */
	contentHash: string;
	steps: CourseStep[];
	stepBySlug: Map<string, CourseStep>;
}

export interface Course {
	signals: Signal[];
	signalById: Map<string, Signal>;
	modules: CourseModule[];
	moduleBySlug: Map<string, CourseModule>;
}

export interface ContentIssue {
	/** Relative to process.cwd(), with forward slashes. */
	file: string;
	/** Field path inside the file (`nodes.n4.choices[1].next`), or '' for the whole file. */
	path: string;
	/** English, for developers (`npm run modules:check`). */
	message: string;
	/** What users read: a catalogue code (src/lib/i18n/nl/codes.ts) and its values. */
	code: IssueCode;
	params: ContentParams;
}

export interface ContentCounts {
	modules: number;
	steps: number;
	vignettes: number;
	items: number;
	signals: number;
}

export interface CourseValidation {
	course: Course | null;
	issues: ContentIssue[];
	counts: ContentCounts;
}

export function formatIssue(issue: ContentIssue): string {
	return issue.path
		? `${issue.file}: ${issue.path}: ${issue.message}`
		: `${issue.file}: ${issue.message}`;
}

export class ContentError extends Error {
	constructor(readonly issues: ContentIssue[]) {
		super(
			`invalid course content (${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}):\n` +
				issues.map(formatIssue).join('\n')
		);
		this.name = 'ContentError';
	}
}

/**
 * Where the loader reads from: the modules/ folder on disk, or the files of an uploaded archive
 * held in memory. Paths are the tree's own (absolute on disk, archive-relative in memory).
 */
export interface ContentTree {
	root: string;
	join(dir: string, name: string): string;
	/** The path as issues name it. */
	display(p: string): string;
	exists(p: string): boolean;
	isDirectory(p: string): boolean;
	/** A folder's entries without hidden ones, sorted by name. */
	list(dir: string): { name: string; isDirectory: boolean; isFile: boolean }[];
	/** A file's text; throws ParseError when it is too large or not plain UTF-8. */
	read(file: string): string;
	/** sha256 (hex) over a folder's files, with their relative paths. */
	hash(dir: string): string;
}

export interface ValidateOptions {
	/**
	 * The signal ids tags are checked against. Without it they come from the tree's signals.yaml,
	 * which is then required; with it a signals.yaml in the tree is only checked for its shape.
	 */
	signalIds?: Set<string>;
	/** Check refresher links between modules (off for a single imported module). */
	refresherLinks?: boolean;
	/**
	 * The editorial rules of the shipped course (rules.ts: help line, feedback, contacts.yaml,
	 * definitions, names, sources); on for `npm run modules:check` and the course tests.
	 */
	courseRules?: boolean;
}

/** Loads and checks the course; throws ContentError listing every problem. */
export function loadCourse(dir: string): Course {
	const { course, issues } = validateCourse(dir);
	if (!course) throw new ContentError(issues);
	return course;
}

const FOLDER_HINT =
	'folder name must be <nn>-<slug>: two digits, a dash, then lowercase a-z, 0-9, -';
const DATA_FILE = /\.(ya?ml|md|json)$/i;

function toPosix(p: string): string {
	return p.split(path.sep).join('/');
}

function byName(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function hashFiles(entries: { rel: string; bytes: Uint8Array }[]): string {
	entries.sort((a, b) => byName(a.rel, b.rel));
	const hash = createHash('sha256');
	for (const { rel, bytes } of entries) {
		hash.update(`${rel}\0${bytes.length}\0`);
		hash.update(bytes);
	}
	return hash.digest('hex');
}

/** The modules/ folder on disk; issues name files relative to process.cwd(). */
export function fileTree(dir: string): ContentTree {
	return {
		root: path.resolve(dir),
		join: (d, name) => path.join(d, name),
		display: (abs) => toPosix(path.relative(process.cwd(), abs)) || '.',
		exists: (p) => existsSync(p),
		isDirectory: (p) => existsSync(p) && statSync(p).isDirectory(),
		list: (d) =>
			readdirSync(d, { withFileTypes: true })
				.filter((e) => !e.name.startsWith('.'))
				.sort((a, b) => byName(a.name, b.name))
				.map((e) => ({ name: e.name, isDirectory: e.isDirectory(), isFile: e.isFile() })),
		read: (file) => readContentFile(file),
		hash: (d) => {
			const files: string[] = [];
			const walk = (at: string) => {
				for (const e of readdirSync(at, { withFileTypes: true })) {
					const abs = path.join(at, e.name);
					if (e.isDirectory()) walk(abs);
					else if (e.isFile()) files.push(abs);
				}
			};
			walk(d);
			return hashFiles(
				files.map((abs) => ({ rel: toPosix(path.relative(d, abs)), bytes: readFileSync(abs) }))
			);
		}
	};
}

/**
 * Files held in memory, keyed by their path with forward slashes ('01-basis/index.md'); folders
 * are implied by the paths. Issues name files by these paths.
 */
export function memoryTree(files: ReadonlyMap<string, Uint8Array>): ContentTree {
	const folders = new Set<string>(['']);
	for (const file of files.keys()) {
		const parts = file.split('/');
		for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
	}
	const under = (d: string) => (d === '' ? '' : d + '/');
	return {
		root: '',
		join: (d, name) => under(d) + name,
		display: (p) => p || '.',
		exists: (p) => files.has(p) || folders.has(p),
		isDirectory: (p) => folders.has(p),
		list: (d) => {
			const names = new Map<string, boolean>();
			for (const p of [...files.keys(), ...folders]) {
				if (p === '' || !p.startsWith(under(d))) continue;
				const rest = p.slice(under(d).length);
				if (rest.includes('/')) continue;
				names.set(rest, folders.has(p));
			}
			return [...names]
				.filter(([name]) => !name.startsWith('.'))
				.sort((a, b) => byName(a[0], b[0]))
				.map(([name, folder]) => ({ name, isDirectory: folder, isFile: !folder }));
		},
		read: (file) => {
			const bytes = files.get(file);
			if (!bytes) throw new ParseError('file is missing', 'content.missing');
			return decodeContent(bytes);
		},
		hash: (d) =>
			hashFiles(
				[...files]
					.filter(([p]) => p.startsWith(under(d)))
					.map(([p, bytes]) => ({ rel: p.slice(under(d).length), bytes }))
			)
	};
}

/** Checks the whole course and collects every problem instead of stopping at the first. */
export function validateCourse(dir: string, options: ValidateOptions = {}): CourseValidation {
	return validateTree(fileTree(dir), options);
}

/** validateCourse for any tree: the same checks and the same issues, wherever the files are. */
export function validateTree(tree: ContentTree, options: ValidateOptions = {}): CourseValidation {
	const root = tree.root;
	const issues: ContentIssue[] = [];
	const counts: ContentCounts = { modules: 0, steps: 0, vignettes: 0, items: 0, signals: 0 };
	const rel = (p: string) => tree.display(p);
	// Without a code, a problem keeps its English message inside a Dutch frame (`content.other`).
	const add = (
		file: string,
		at: string,
		message: string,
		code: IssueCode = 'content.other',
		params: ContentParams = code === 'content.other' ? { message } : {}
	) => issues.push({ file: rel(file), path: at, message, code, params });
	const listDir = (dir: string) => tree.list(dir);

	if (!tree.isDirectory(root)) {
		add(root, '', 'content folder not found');
		return { course: null, issues, counts };
	}

	function read<T>(
		abs: string,
		schema: z.ZodType<T>,
		frontMatter: boolean,
		wrongShape?: (data: unknown) => { message: string; code: IssueCode } | undefined
	): T | undefined {
		if (!tree.exists(abs)) {
			add(abs, '', 'file is missing', 'content.missing');
			return undefined;
		}
		let data: unknown;
		try {
			const source = tree.read(abs);
			data = frontMatter ? parseFrontMatter(source).data : parseYaml(source);
		} catch (err) {
			if (!(err instanceof ParseError)) throw err;
			add(abs, err.path, err.message, err.code, err.params);
			return undefined;
		}
		const hint = wrongShape?.(data);
		if (hint) {
			add(abs, '', hint.message, hint.code);
			return undefined;
		}
		const result = schema.safeParse(data, { reportInput: true });
		if (!result.success) {
			for (const p of describeIssues(result.error.issues))
				add(abs, p.path, p.message, p.code, p.params);
			return undefined;
		}
		return result.data;
	}

	// signals.yaml
	const signalsFile = tree.join(root, 'signals.yaml');
	const given = options.signalIds;
	const signals =
		given && !tree.exists(signalsFile) ? [] : read(signalsFile, signalsFileSchema, false);
	let signalIds: Set<string> | null = given ?? null;
	if (signals && !given) {
		signalIds = new Set();
		signals.forEach((s, i) => {
			if (signalIds!.has(s.id))
				add(signalsFile, `[${i}].id`, `duplicate signal id "${s.id}"`, 'content.duplicateSignal', {
					id: s.id
				});
			signalIds!.add(s.id);
		});
		counts.signals = signals.length;
	}
	const checkSignal = (abs: string, at: string, id: string) => {
		if (signalIds && !signalIds.has(id))
			add(abs, at, `unknown signal "${id}"`, 'content.unknownSignal', { id });
	};

	// Folders `<nn>-<slug>`, with unique numbers and slugs; returns the valid ones in order.
	function numberedFolders(dir: string, allowedFiles: string[]) {
		const out: { folder: string; slug: string; order: number; abs: string }[] = [];
		const slugs = new Map<string, string>();
		const orders = new Map<number, string>();
		for (const e of listDir(dir)) {
			const abs = tree.join(dir, e.name);
			if (!e.isDirectory) {
				if (DATA_FILE.test(e.name) && !allowedFiles.includes(e.name)) {
					add(
						abs,
						'',
						`unexpected file; expected ${allowedFiles.join(' or ')} here`,
						'content.unexpectedFile'
					);
				}
				continue;
			}
			if (!FOLDER_PATTERN.test(e.name)) {
				add(abs, '', FOLDER_HINT, 'content.folderName');
				continue;
			}
			const order = Number(e.name.slice(0, 2));
			const slug = e.name.slice(3);
			if (slugs.has(slug))
				add(abs, '', `slug "${slug}" is also used by ${slugs.get(slug)}`, 'content.slugUsed', {
					slug,
					other: slugs.get(slug)!
				});
			else if (orders.has(order))
				add(
					abs,
					'',
					`number ${e.name.slice(0, 2)} is also used by ${orders.get(order)}`,
					'content.numberUsed',
					{ number: e.name.slice(0, 2), other: orders.get(order)! }
				);
			else {
				slugs.set(slug, e.name);
				orders.set(order, e.name);
				out.push({ folder: e.name, slug, order, abs });
			}
		}
		return out;
	}

	const modules: CourseModule[] = [];
	let complete = true;
	const moduleFolders = numberedFolders(root, ['signals.yaml', 'README.md', CONTACTS_FILE]);
	const metaBySlug = new Map<string, { meta: ModuleMeta; indexFile: string }>();

	for (const m of moduleFolders) {
		counts.modules++;
		const indexFile = tree.join(m.abs, 'index.md');
		const meta = read(indexFile, moduleMetaSchema, true);
		if (meta) metaBySlug.set(m.slug, { meta, indexFile });
		const steps: CourseStep[] = [];
		const itemIds = new Map<string, string>();
		const assessments: { step: string; index: number }[] = [];
		const stepFolders = numberedFolders(m.abs, ['index.md']);

		stepFolders.forEach((s, index) => {
			counts.steps++;
			const stepIndex = tree.join(s.abs, 'index.md');
			// /leren/<module>/voortoets is the pre-test page; a step of that name would be hidden.
			if (s.slug === 'voortoets') {
				add(
					s.abs,
					'',
					'the step name "voortoets" is reserved for the pre-test page; rename the folder',
					'content.reservedStep'
				);
			}
			const vignetteFile = tree.join(s.abs, 'vignette.yaml');
			const quizFile = tree.join(s.abs, 'quiz.yaml');
			const hasVignette = tree.exists(vignetteFile);
			const hasQuiz = tree.exists(quizFile);
			for (const e of listDir(s.abs)) {
				if (e.isFile && DATA_FILE.test(e.name)) {
					if (!['index.md', 'vignette.yaml', 'quiz.yaml'].includes(e.name)) {
						add(
							tree.join(s.abs, e.name),
							'',
							'unexpected file; expected index.md, vignette.yaml or quiz.yaml',
							'content.unexpectedFile'
						);
					}
				}
			}
			const stepMeta = read(stepIndex, stepMetaSchema, true);
			if (!stepMeta) return;
			const kind = stepMeta.kind;
			if (kind === 'vignette') counts.vignettes++;
			if (kind === 'assessment') assessments.push({ step: stepIndex, index });
			if (hasVignette && kind !== 'vignette') {
				add(
					vignetteFile,
					'',
					`only a vignette step has a vignette.yaml; this step is kind: ${kind}`,
					'content.onlyVignette',
					{ kind }
				);
			}
			if (hasQuiz && kind !== 'quiz' && kind !== 'assessment') {
				add(
					quizFile,
					'',
					`only a quiz or assessment step has a quiz.yaml; this step is kind: ${kind}`,
					'content.onlyQuiz',
					{ kind }
				);
			}
			const step: CourseStep = {
				slug: s.slug,
				folder: s.folder,
				order: s.order,
				meta: stepMeta,
				indexPath: '/' + rel(stepIndex)
			};
			let items: Item[] = [];
			const itemsFile = quizFile;
			let itemsKey = 'items';
			if (kind === 'vignette') {
				if (!hasVignette) {
					add(
						stepIndex,
						'kind',
						'a vignette step needs a vignette.yaml beside its index.md',
						'content.needsVignette'
					);
				} else {
					step.vignette = read(vignetteFile, vignetteSchema, false);
					if (!step.vignette) complete = false;
					for (const [nodeId, node] of Object.entries(step.vignette?.nodes ?? {})) {
						node.signals?.forEach((id, i) =>
							checkSignal(vignetteFile, `nodes.${nodeId}.signals[${i}]`, id)
						);
					}
				}
			} else if (kind === 'quiz' || kind === 'assessment') {
				if (!hasQuiz) {
					add(
						stepIndex,
						'kind',
						`a ${kind} step needs a quiz.yaml beside its index.md`,
						'content.needsQuiz',
						{ kind }
					);
				} else if (kind === 'quiz') {
					step.quiz = read(quizFile, quizSchema, false, (data) =>
						data && typeof data === 'object' && 'pool' in data && !('items' in data)
							? {
									message:
										'a quiz step lists its questions under items:; draw and pool are for kind: assessment',
									code: 'content.quizNotPool'
								}
							: undefined
					);
					items = step.quiz?.items ?? [];
				} else {
					step.assessment = read(quizFile, assessmentSchema, false, (data) =>
						data && typeof data === 'object' && 'items' in data && !('pool' in data)
							? {
									message: 'an assessment step needs draw: and pool:; items: is for kind: quiz',
									code: 'content.assessmentNotItems'
								}
							: undefined
					);
					items = step.assessment?.pool ?? [];
					itemsKey = 'pool';
				}
				if (!step.quiz && !step.assessment) complete = false;
			}
			counts.items += items.length;
			items.forEach((item, i) => {
				const first = itemIds.get(item.id);
				// duplicates within one file are already reported by the schema
				if (first && first !== itemsFile) {
					add(
						itemsFile,
						`${itemsKey}[${i}].id`,
						`duplicate item id "${item.id}", also used in ${rel(first)}`,
						'content.duplicateItem',
						{ id: item.id, other: rel(first) }
					);
				}
				if (!first) itemIds.set(item.id, itemsFile);
				for (const ref of itemSignalIds(item)) {
					checkSignal(itemsFile, formatPath([itemsKey, i, ...ref.path]), ref.id);
				}
			});
			steps.push(step);
		});

		if (stepFolders.length === 0) add(m.abs, '', 'module has no steps', 'content.noSteps');
		if (assessments.length === 0 && steps.length === stepFolders.length) {
			add(
				indexFile,
				'',
				'module has no assessment step; its last step must be kind: assessment',
				'content.noAssessment'
			);
		}
		assessments
			.slice(1)
			.forEach((a) =>
				add(
					a.step,
					'kind',
					'a module has exactly one assessment step; this is a second one',
					'content.secondAssessment'
				)
			);
		if (assessments.length > 0 && assessments[0].index !== stepFolders.length - 1) {
			add(
				assessments[0].step,
				'kind',
				'the assessment step must be the last step of the module',
				'content.assessmentLast'
			);
		}

		const pool = steps.find((s) => s.assessment)?.assessment?.pool;
		const pretestProblem = pool && pretestIssue(meta?.pretest, pool.length);
		if (pretestProblem)
			add(indexFile, 'pretest', pretestProblem.message, pretestProblem.code, pretestProblem.params);

		if (meta && steps.length === stepFolders.length) {
			modules.push({
				slug: m.slug,
				folder: m.folder,
				order: m.order,
				meta,
				indexPath: '/' + rel(indexFile),
				contentHash: tree.hash(m.abs),
				steps,
				stepBySlug: new Map(steps.map((s) => [s.slug, s]))
			});
		}
	}

	// Refresher links, in both directions, once every module's front matter is known.
	for (const [slug, { meta, indexFile }] of options.refresherLinks === false ? [] : metaBySlug) {
		const target = meta.refresher?.module;
		if (target !== undefined) {
			const refresher = metaBySlug.get(target);
			if (target === slug)
				add(indexFile, 'refresher.module', 'a module cannot be its own refresher');
			else if (!refresher) {
				if (!moduleFolders.some((m) => m.slug === target)) {
					add(indexFile, 'refresher.module', `unknown module "${target}"`);
				}
			} else if (!refresher.meta.refreshes.includes(slug)) {
				add(
					indexFile,
					'refresher.module',
					`module "${target}" does not list "${slug}" under refreshes`
				);
			}
		}
		meta.refreshes.forEach((r, i) => {
			const renewed = metaBySlug.get(r);
			if (!renewed) {
				if (!moduleFolders.some((m) => m.slug === r))
					add(indexFile, `refreshes[${i}]`, `unknown module "${r}"`);
			} else if (renewed.meta.refresher?.module !== slug) {
				add(
					indexFile,
					`refreshes[${i}]`,
					`module "${r}" does not name "${slug}" as its refresher.module`
				);
			}
		});
	}

	if (options.courseRules && complete) checkCourseRules(tree, modules, add);

	if (issues.length > 0 || !signals || !complete) return { course: null, issues, counts };
	return {
		course: {
			signals,
			signalById: new Map(signals.map((s) => [s.id, s])),
			modules,
			moduleBySlug: new Map(modules.map((m) => [m.slug, m]))
		},
		issues,
		counts
	};
}
