// Export of one module as a zip archive in the modules/ file format (docs/content-format.md).
import path from 'node:path';
import { stringify } from 'yaml';
import type { Signal } from '$lib/content/schema';
import type { ModuleSnapshot, StepSnapshot } from '../../content/versions';
import { getCourse } from '../../content/course';
import { parseFrontMatter } from '../../content';
import { readContentFile } from '../../content/parse';
import { writeZip } from './zip';

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
