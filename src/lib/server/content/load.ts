// Loads the course from a modules/ folder and checks it: every file against the schema, then the
// rules across files (signal ids, item ids, step kinds, the assessment, pre-test, refresher links).
import type { z } from 'zod';
import {
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
	type ContentParams,
	type Item,
	type ModuleMeta
} from '$lib/content/schema';
import {
	ContentError,
	type ContentCounts,
	type ContentIssue,
	type Course,
	type CourseModule,
	type CourseStep,
	type CourseValidation,
	type ValidateOptions
} from './course-model';
import { DATA_FILE, listFolders } from './folders';
import { ParseError, parseFrontMatter, parseYaml, type IssueCode } from './parse';
import { checkRefresherLinks } from './refresher-links';
import { CONTACTS_FILE, checkCourseRules } from './rules';
import { fileTree, type ContentTree } from './tree';

// The loader's model and trees, for the callers that import them from here.
export * from './course-model';
export { fileTree, memoryTree, type ContentTree } from './tree';

/** Loads and checks the course; throws ContentError listing every problem. */
export function loadCourse(dir: string): Course {
	const { course, issues } = validateCourse(dir);
	if (!course) throw new ContentError(issues);
	return course;
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

	const numberedFolders = (dir: string, allowedFiles: string[]) =>
		listFolders(tree, dir, allowedFiles, add);

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
	if (options.refresherLinks !== false)
		checkRefresherLinks(
			metaBySlug,
			moduleFolders.map((m) => m.slug),
			add
		);

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
