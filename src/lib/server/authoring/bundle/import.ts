// Import of one module archive. Import trusts nothing: the archive is checked by the defensive
// reader in ./zip, its layout against the format (docs/content-format.md), and its files by the
// same loader as `npm run modules:check`, working on the files in memory; every problem becomes a
// Dutch message that names the file and the field.
import { messages } from '$lib/i18n';
import type { ModuleSnapshot, StepSnapshot } from '../../content/versions';
import { memoryTree, parseFrontMatter, validateTree } from '../../content';
import { MAX_MARKDOWN_LENGTH } from '../../content/markdown';
import { mdsvexToMarkdown } from './lesson-markdown';
import { readZip } from './zip';
import { capped, issueMessage, zipMessage } from './import-messages';
import { MAX_ARCHIVE_BYTES, MAX_ENTRIES, MAX_FILE_BYTES, MAX_UNPACKED_BYTES } from './limits';

const t = messages.authoringZip;

const STEP_FILES = new Set(['index.md', 'vignette.yaml', 'quiz.yaml']);

export type ImportResult = { ok: true; module: ModuleSnapshot } | { ok: false; errors: string[] };

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

	// Bounded work before any regular expression runs on uploaded text: a lesson longer than the
	// Markdown limit is refused here, as the editor would refuse it.
	for (const [name, data] of files) {
		if (!name.endsWith('index.md') || data.length <= MAX_MARKDOWN_LENGTH) continue;
		let length: number;
		try {
			length = parseFrontMatter(new TextDecoder().decode(data)).body.length;
		} catch {
			continue; // the loader below names what is wrong with the front matter
		}
		if (length > MAX_MARKDOWN_LENGTH) errors.push(t.markdownTooLong(name, MAX_MARKDOWN_LENGTH));
	}
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
	// Too long for a draft anyway (validation refuses it): left as it is, no conversion work.
	const plain = (text: string | undefined) =>
		text !== undefined && text.length <= MAX_MARKDOWN_LENGTH && MDSVEX.test(text)
			? mdsvexToMarkdown(text)
			: text;
	return {
		...module,
		markdown: plain(module.markdown),
		steps: module.steps.map((step) => ({ ...step, markdown: plain(step.markdown) }))
	};
}
