// Export and import of one module as a zip archive in the modules/ file format
// (docs/content-format.md). Import trusts nothing: the archive is checked by the defensive reader
// in ./zip, its layout against the format, and its files by the same loader as
// `npm run modules:check`, working on the files in memory; every problem becomes a Dutch message
// that names the file and the field.
import path from 'node:path';
import { stringify } from 'yaml';
import type { Signal } from '$lib/content/schema';
import { messages } from '$lib/i18n';
import type { ModuleSnapshot, StepSnapshot } from '../../content/versions';
import {
	MAX_FILE_BYTES,
	memoryTree,
	parseFrontMatter,
	validateTree,
	type ContentIssue
} from '../../content';
import { readContentFile } from '../../content/parse';
import { getCourse } from '../../content/course';
import { mdsvexToMarkdown } from './lesson-markdown';
import { readZip, writeZip, type ZipProblem } from './zip';

const t = messages.authoringZip;

/** Largest upload: below the server's 512 KB request body limit, with room for the form. */
export const MAX_ARCHIVE_BYTES = 400 * 1024;
/** Entries in the central directory, folders included: a module has at most 99 steps of 3 files. */
export const MAX_ENTRIES = 400;
/** All files unpacked together; the largest shipped module is about 160 KB. */
export const MAX_UNPACKED_BYTES = 2 * 1024 * 1024;
/** Shown to users at most; the rest is counted. */
const MAX_MESSAGES = 20;

const STEP_FILES = new Set(['index.md', 'vignette.yaml', 'quiz.yaml']);

export type ImportResult = { ok: true; module: ModuleSnapshot } | { ok: false; errors: string[] };

// ---- export

function twoDigits(n: number): string {
	return String(n).padStart(2, '0');
}

/**
 * YAML as the loader reads it back: no anchors, no folding of long lines, and without the values
 * the schema fills in by default (`correct: false`, `required: true`, `refreshes: []`), as an
 * author would write the file.
 */
function yaml(value: unknown): string {
	const defaults = (key: unknown, v: unknown) =>
		(key === 'correct' && v === false) ||
		(key === 'required' && v === true) ||
		(key === 'refreshes' && Array.isArray(v) && v.length === 0)
			? undefined
			: v;
	return stringify(value, defaults, { aliasDuplicateObjects: false, lineWidth: 0 });
}

function indexFile(meta: object, body: string): string {
	return `---\n${yaml(meta)}---\n${body}`;
}

/** The prose of a shipped module's index.md (the part after its front matter). */
function shippedBody(indexPath: string): string {
	const root = process.cwd();
	const file = path.resolve(root, '.' + indexPath);
	if (!file.startsWith(root + path.sep) || path.basename(file) !== 'index.md') {
		throw new Error(`refusing to read ${indexPath} outside the project`);
	}
	return parseFrontMatter(readContentFile(file)).body;
}

function textOf(part: { markdown?: string; indexPath?: string }): string {
	if (typeof part.markdown === 'string') return part.markdown;
	return part.indexPath ? shippedBody(part.indexPath) : '';
}

/**
 * Every signal id a module tags, wherever it sits (`signals: [...]` lists and a mark phrase's
 * `signal:`). Walks the values rather than the typed shape: a draft may be half-finished.
 */
export function moduleSignalIds(module: ModuleSnapshot): Set<string> {
	const ids = new Set<string>();
	const walk = (value: unknown, key: string) => {
		if (Array.isArray(value)) {
			if (key === 'signals') value.forEach((v) => typeof v === 'string' && ids.add(v));
			else value.forEach((v) => walk(v, ''));
		} else if (value && typeof value === 'object') {
			for (const [k, v] of Object.entries(value)) walk(v, k);
		} else if (key === 'signal' && typeof value === 'string') ids.add(value);
	};
	for (const step of module.steps ?? []) {
		walk(step.vignette, '');
		walk(step.quiz, '');
		walk(step.assessment, '');
	}
	return ids;
}

/** Step folder numbers: the steps' own when they are usable (01-99, rising), else 01, 02, … */
function stepNumbers(steps: StepSnapshot[]): number[] {
	if (steps.length > 99) return steps.map((_, i) => i + 1);
	const own = steps.map((s) => s.order);
	const usable = own.every(
		(n, i) => Number.isInteger(n) && n >= 0 && n <= 99 && (i === 0 || n > own[i - 1])
	);
	return usable ? own : steps.map((_, i) => i + 1);
}

export interface ExportOptions {
	/** The platform taxonomy, for signals.yaml (default: the shipped course's). */
	signals?: Signal[];
	/** The module folder's number (default: the shipped module's, else 1). */
	order?: number;
}

/** The archive's file name, safe in a Content-Disposition header: `<nn>-<slug>.zip`. */
export function exportFileName(module: ModuleSnapshot, options: ExportOptions = {}): string {
	return `${moduleFolder(module, options)}.zip`;
}

/** A folder name part from a slug a draft may not have finished: only a-z, 0-9 and -. */
function safeSlug(slug: unknown): string {
	const safe = String(slug ?? '')
		.toLowerCase()
		.replace(/[^a-z0-9-]+/g, '-')
		.slice(0, 80);
	return safe.replace(/^-+|-+$/g, '') || 'module';
}

function moduleFolder(module: ModuleSnapshot, options: ExportOptions): string {
	const order = options.order ?? getCourse().moduleBySlug.get(module.slug)?.order ?? 1;
	return `${twoDigits(order >= 0 && order <= 99 ? order : 1)}-${safeSlug(module.slug)}`;
}

/**
 * The module as a zip in the modules/ format: `<nn>-<slug>/index.md`, one folder per step with
 * index.md and vignette.yaml or quiz.yaml, and a signals.yaml at the top with the taxonomy entries
 * the module tags (for reference; import checks tags against the platform's own list).
 */
export function exportModuleZip(module: ModuleSnapshot, options: ExportOptions = {}): Uint8Array {
	const encode = (text: string) => new TextEncoder().encode(text);
	const folder = moduleFolder(module, options);
	const files: { name: string; data: Uint8Array }[] = [];
	const tagged = moduleSignalIds(module);
	const signals = (options.signals ?? getCourse().signals).filter((s) => tagged.has(s.id));
	if (signals.length > 0) files.push({ name: 'signals.yaml', data: encode(yaml(signals)) });
	files.push({
		name: `${folder}/index.md`,
		data: encode(indexFile(module.meta ?? {}, textOf(module)))
	});
	const steps = module.steps ?? [];
	const numbers = stepNumbers(steps);
	steps.forEach((step, i) => {
		const dir = `${folder}/${twoDigits(numbers[i] % 100)}-${safeSlug(step.slug)}`;
		files.push({ name: `${dir}/index.md`, data: encode(indexFile(step.meta ?? {}, textOf(step))) });
		if (step.vignette)
			files.push({ name: `${dir}/vignette.yaml`, data: encode(yaml(step.vignette)) });
		const quiz = step.quiz ?? step.assessment;
		if (quiz) files.push({ name: `${dir}/quiz.yaml`, data: encode(yaml(quiz)) });
	});
	return writeZip(files);
}

/** The archive as a download with a fixed, safe file name. */
export function zipDownload(bytes: Uint8Array, fileName: string): Response {
	const name = /^[a-z0-9-]{1,100}\.zip$/.test(fileName) ? fileName : 'module.zip';
	return new Response(bytes as BodyInit, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${name}"`,
			'content-length': String(bytes.length),
			'cache-control': 'no-store'
		}
	});
}

// ---- import

function zipMessage(p: ZipProblem): string {
	switch (p.code) {
		case 'not-zip':
			return t.notZip;
		case 'corrupt':
			return t.corrupt;
		case 'unsupported':
			return t.unsupported(p.feature);
		case 'too-many-entries':
			return t.tooManyEntries(p.count, MAX_ENTRIES);
		case 'too-large':
			return t.tooLarge(MAX_UNPACKED_BYTES / 1024 / 1024);
		case 'file-too-large':
			return t.fileTooLarge(p.name, MAX_FILE_BYTES / 1024);
		case 'traversal':
			return t.traversal(p.name);
		case 'absolute':
			return t.absolute(p.name);
		case 'backslash':
			return t.backslash(p.name);
		case 'bad-name':
			return t.badName(p.name);
		case 'symlink':
			return t.symlink(p.name);
		case 'duplicate':
			return t.duplicate(p.name);
	}
}

const c = t.content;
type Rule = [RegExp, (m: RegExpMatchArray) => string];

// The loader's messages are English (for `npm run modules:check`); these rules say each in Dutch.
const RULES: Rule[] = [
	[/^file is too large: (\d+) KB, the limit is (\d+) KB$/, (m) => c.fileTooLarge(m[1], m[2])],
	[/^file starts with a byte order mark/, () => c.bom],
	[/^file is not valid UTF-8 \(first invalid byte on line (\d+)\)/, (m) => c.notUtf8(m[1])],
	[
		/^YAML tags are not allowed: (\S+)/,
		(m) => c.yamlTag(m[1].replace(/^tag:yaml\.org,2002:/, '!!'))
	],
	[/^too many YAML aliases \(more than (\d+)/, (m) => c.yamlAliases(m[1])],
	[/^missing front matter/, () => c.frontMatterMissing],
	[
		/^front matter must open with "---" alone; "(.*)" is refused/,
		(m) => c.frontMatterLanguage(m[1])
	],
	[/^front matter is not closed/, () => c.frontMatterOpen],
	[/^front matter must be a YAML mapping/, () => c.frontMatterMapping],
	[/^file is missing$/, () => c.missing],
	[/^unexpected file;/, () => c.unexpectedFile],
	[/^folder name must be <nn>-<slug>/, () => c.folderName],
	[/^slug "(.+)" is also used by (.+)$/, (m) => c.slugUsed(m[1], m[2])],
	[/^number (\d+) is also used by (.+)$/, (m) => c.numberUsed(m[1], m[2])],
	[/^unknown signal "(.+)"$/, (m) => c.unknownSignal(m[1])],
	[/^duplicate signal id "(.+)"$/, (m) => c.duplicateSignal(m[1])],
	[
		/^only a vignette step has a vignette\.yaml; this step is kind: (\w+)$/,
		(m) => c.onlyVignette(m[1])
	],
	[
		/^only a quiz or assessment step has a quiz\.yaml; this step is kind: (\w+)$/,
		(m) => c.onlyQuiz(m[1])
	],
	[/^a vignette step needs a vignette\.yaml/, () => c.needsVignette],
	[/^a (\w+) step needs a quiz\.yaml/, (m) => c.needsQuiz(m[1])],
	[/^a quiz step lists its questions under items/, () => c.quizNotPool],
	[/^an assessment step needs draw: and pool/, () => c.assessmentNotItems],
	[/^duplicate item id "(.+)", also used in (.+)$/, (m) => c.duplicateItem(m[1], m[2])],
	[/^module has no steps$/, () => c.noSteps],
	[
		/^pretest draws (\d+) items, but the assessment pool has only (\d+)$/,
		(m) => c.pretestTooLarge(m[1], m[2])
	],
	[/^the step name "voortoets" is reserved/, () => c.reservedStep],
	[/^module has no assessment step/, () => c.noAssessment],
	[/^a module has exactly one assessment step/, () => c.secondAssessment],
	[/^the assessment step must be the last step/, () => c.assessmentLast],
	[/^must be lowercase letters and digits/, () => c.kebab],
	[/^must be between 0 and 1$/, () => c.between01],
	[/^duplicate id "(.+)"$/, (m) => c.duplicateId(m[1])],
	[/^id "(.+)" is used by a node and an ending$/, (m) => c.nodeAndEnding(m[1])],
	[/^unknown node "(.+)"$/, (m) => c.unknownNode(m[1])],
	[/^cannot be reached from start$/, () => c.unreachable],
	[/^no ending can be reached from this node/, () => c.deadEnd],
	[/^needs at least (\d+) reachable endings, has (\d+)$/, (m) => c.endings(m[1], m[2])],
	[
		/^the longest path from start has (\d+) decision points, needs at least (\d+)$/,
		(m) => c.decisionPoints(m[1], m[2])
	],
	[/^exactly one option must be correct, found (\d+)$/, (m) => c.exactlyOne(m[1])],
	[/^at least one option must be correct$/, () => c.atLeastOneCorrect],
	[/^needs at least one phrase with a signal$/, () => c.phraseWithSignal],
	[/^needs at least one phrase without a signal/, () => c.phraseDistractor],
	[/^"(.*)" does not occur in the text$/, (m) => c.phraseMissing(m[1])],
	[/^"(.*)" occurs more than once in the text$/, (m) => c.phraseTwice(m[1])],
	[/^overlaps with phrase "(.+)"$/, (m) => c.phraseOverlap(m[1])],
	[/^pool has (\d+) items, needs at least 2 x draw = (\d+)$/, (m) => c.poolSize(m[1], m[2])],
	[
		/^unknown key "(.+?)"(?: \(did you mean "(.+)"\?\))?$/,
		(m) => c.unknownKey(m[1], m[2] || undefined)
	],
	[/^is required$/, () => c.required],
	// before the type rule: both say "must be …, got …"
	[/^must be one of (.+?)(?:, got .*)?$/, (m) => c.oneOf(m[1])],
	[/^must be (.+), got (.+)$/, (m) => c.wrongType(c.types[m[1]] ?? m[1], gotValue(m[2]))],
	[/^must not be empty$/, () => c.notEmpty],
	[/^must be at least (.+)$/, (m) => c.min(m[1])],
	[/^must be at most (.+)$/, (m) => c.max(m[1])],
	[/^needs at least (\d+) (\w+)$/, (m) => c.atLeast(m[1], c.things[m[2]] ?? m[2])],
	[/^is too long: at most (\d+) (\w+)$/, (m) => c.tooLong(m[1], c.things[m[2]] ?? m[2])],
	[/^"(.+)" is not a valid id/, (m) => c.invalidId(m[1])],
	[/^must be an http\(s\) address$/, () => c.url],
	// YAML syntax errors from the parser: keep where, drop the English detail.
	[/ at line (\d+), column (\d+)$/, (m) => c.yamlInvalid(c.where(m[1], m[2]))],
	[/^invalid YAML/, () => c.yamlInvalid('')]
];

function gotValue(described: string): string {
	const text = /^text (".*")$/.exec(described);
	if (text) return `de tekst ${text[1]}`;
	const value = /^(?:number|boolean|bigint) (.+)$/.exec(described);
	if (value) return value[1];
	return c.types[described] ?? described;
}

/** The loader's English message in Dutch; unknown ones keep their English inside a Dutch frame. */
export function dutchContentMessage(message: string): string {
	for (const [pattern, say] of RULES) {
		const m = message.match(pattern);
		if (m) return say(m);
	}
	return c.other(message);
}

function issueMessage(issue: ContentIssue): string {
	return t.inFile(issue.file, issue.path, dutchContentMessage(issue.message));
}

function capped(errors: string[]): string[] {
	if (errors.length <= MAX_MESSAGES) return errors;
	return [...errors.slice(0, MAX_MESSAGES), t.moreProblems(errors.length - MAX_MESSAGES)];
}

/**
 * Where a file may sit: `signals.yaml` at the top, `<module>/index.md`, and
 * `<module>/<step>/{index.md,vignette.yaml,quiz.yaml}`. Returns the module folder, '' for the
 * top-level signals.yaml, or undefined for anything else.
 */
function placeOf(name: string): string | undefined {
	const parts = name.split('/');
	if (parts.length === 1) return name === 'signals.yaml' ? '' : undefined;
	if (parts.length === 2) return parts[1] === 'index.md' ? parts[0] : undefined;
	if (parts.length === 3) return STEP_FILES.has(parts[2]) ? parts[0] : undefined;
	return undefined;
}

/**
 * Reads a module archive and checks it like `npm run modules:check` checks modules/, with the
 * module's signal tags checked against the platform taxonomy. The module gets its texts as
 * `markdown` (an imported module has no files on the server).
 */
export function importModuleZip(bytes: Uint8Array, knownSignalIds: Set<string>): ImportResult {
	if (bytes.length > MAX_ARCHIVE_BYTES) {
		return { ok: false, errors: [t.uploadTooLarge(MAX_ARCHIVE_BYTES / 1024)] };
	}
	const zip = readZip(bytes, {
		maxEntries: MAX_ENTRIES,
		maxFileBytes: MAX_FILE_BYTES,
		maxTotalBytes: MAX_UNPACKED_BYTES
	});
	if (!zip.ok) return { ok: false, errors: capped([...new Set(zip.problems.map(zipMessage))]) };

	const errors: string[] = [];
	const folders = new Set<string>();
	const files = new Map<string, Uint8Array>();
	for (const file of zip.files) {
		const place = placeOf(file.name);
		if (place === undefined) errors.push(t.notAllowed(file.name));
		else {
			if (place) folders.add(place);
			files.set(file.name, file.data);
		}
	}
	if (errors.length === 0 && folders.size === 0) errors.push(t.noModule);
	if (folders.size > 1) errors.push(t.severalModules([...folders].sort().join(', ')));
	if (errors.length > 0) return { ok: false, errors: capped(errors) };

	const { course, issues } = validateTree(memoryTree(files), {
		signalIds: knownSignalIds,
		refresherLinks: false
	});
	if (!course || issues.length > 0) {
		return { ok: false, errors: capped(issues.map(issueMessage)) };
	}
	const mod = course.modules[0];
	const body = (file: string) =>
		parseFrontMatter(new TextDecoder().decode(files.get(file.slice(1)))).body;
	return {
		ok: true,
		module: {
			slug: mod.slug,
			meta: mod.meta,
			markdown: body(mod.indexPath),
			steps: mod.steps.map((s) => {
				const step: StepSnapshot = {
					slug: s.slug,
					order: s.order,
					meta: s.meta,
					markdown: body(s.indexPath)
				};
				if (s.vignette) step.vignette = s.vignette;
				if (s.quiz) step.quiz = s.quiz;
				if (s.assessment) step.assessment = s.assessment;
				return step;
			})
		}
	};
}

// Lesson components and their script block, as a shipped module's files hold them.
const MDSVEX = /<(?:script|Callout|SignalCard|HelpLine|PhaseTimeline)\b/;

/**
 * An imported module ready to become a draft: texts exported from a shipped module still hold its
 * mdsvex lesson components, which authored Markdown cannot show; they become the same Markdown as
 * "Dupliceer als concept" makes of them. Plain Markdown is left exactly as it was.
 */
export function importedDraftContent(module: ModuleSnapshot): ModuleSnapshot {
	const plain = (text: string | undefined) =>
		text !== undefined && MDSVEX.test(text) ? mdsvexToMarkdown(text) : text;
	return {
		...module,
		markdown: plain(module.markdown),
		steps: module.steps.map((step) => ({ ...step, markdown: plain(step.markdown) }))
	};
}
