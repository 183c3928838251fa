// Safe reading of content files: size limit, strict UTF-8 without BOM, YAML with the core schema
// only (no custom tags, bounded aliases) and front matter split for index.md files.
import { readFileSync, statSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { ContentCode, ContentParams } from '$lib/content/schema';

export const MAX_FILE_BYTES = 256 * 1024;
export const MAX_ALIAS_COUNT = 100;

/** Catalogue codes of the loader's own problems (beside the schema's `ContentCode`s). */
export type LoadCode =
	| 'content.fileTooLarge'
	| 'content.bom'
	| 'content.notUtf8'
	| 'content.yamlTag'
	| 'content.yamlAliases'
	| 'content.yamlInvalid'
	| 'content.frontMatterMissing'
	| 'content.frontMatterLanguage'
	| 'content.frontMatterOpen'
	| 'content.frontMatterMapping'
	| 'content.missing'
	| 'content.unexpectedFile'
	| 'content.folderName'
	| 'content.slugUsed'
	| 'content.numberUsed'
	| 'content.unknownSignal'
	| 'content.duplicateSignal'
	| 'content.onlyVignette'
	| 'content.onlyQuiz'
	| 'content.needsVignette'
	| 'content.needsQuiz'
	| 'content.quizNotPool'
	| 'content.assessmentNotItems'
	| 'content.duplicateItem'
	| 'content.noSteps'
	| 'content.reservedStep'
	| 'content.noAssessment'
	| 'content.secondAssessment'
	| 'content.assessmentLast';

/** Every code a content issue can carry; its Dutch is in src/lib/i18n/nl/codes.ts. */
export type IssueCode = ContentCode | LoadCode;

/**
 * A problem in one file; `path` is a field path inside it, or '' for the file as a whole. The
 * message is English for developers; `code` and `params` are what users read, in Dutch.
 */
export class ParseError extends Error {
	constructor(
		message: string,
		readonly code: IssueCode,
		readonly params: ContentParams = {},
		readonly path = ''
	) {
		super(message);
		this.name = 'ParseError';
	}
}

/** Checks a file's raw bytes and decodes them; throws ParseError on anything but plain UTF-8. */
export function decodeContent(bytes: Uint8Array): string {
	if (bytes.length > MAX_FILE_BYTES) {
		throw tooLarge(bytes.length);
	}
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		throw new ParseError(
			'file starts with a byte order mark (BOM); save it as UTF-8 without BOM',
			'content.bom'
		);
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		const loose = new TextDecoder('utf-8').decode(bytes);
		const at = loose.indexOf('\uFFFD');
		const line = loose.slice(0, Math.max(at, 0)).split('\n').length;
		throw new ParseError(
			`file is not valid UTF-8 (first invalid byte on line ${line}); save it as UTF-8`,
			'content.notUtf8',
			{ line }
		);
	}
}

function tooLarge(bytes: number): ParseError {
	const kb = Math.ceil(bytes / 1024);
	const max = MAX_FILE_BYTES / 1024;
	return new ParseError(
		`file is too large: ${kb} KB, the limit is ${max} KB`,
		'content.fileTooLarge',
		{ kb, max }
	);
}

/** Reads a content file, refusing oversized files before reading them. */
export function readContentFile(file: string): string {
	const size = statSync(file).size;
	if (size > MAX_FILE_BYTES) {
		throw tooLarge(size);
	}
	return decodeContent(readFileSync(file));
}

function firstLine(message: string): string {
	return message.split('\n')[0].replace(/:$/, '');
}

/**
 * Parses one YAML document with the core schema. Unknown tags (`!!js/function`, `!foo`) are
 * errors rather than strings, and alias expansion is bounded against "billion laughs" files.
 * `lineOffset` shifts reported line numbers (front matter starts on line 2 of index.md).
 */
export function parseYaml(source: string, lineOffset = 0): unknown {
	const doc = parseDocument(source, {
		schema: 'core',
		customTags: [],
		merge: false,
		resolveKnownTags: false,
		uniqueKeys: true,
		strict: true,
		prettyErrors: true
	});
	const problem = doc.errors[0] ?? doc.warnings[0];
	if (problem) {
		let message = firstLine(problem.message);
		const at = problem.linePos?.[0];
		if (lineOffset && at) {
			message = message.replace(
				/ at line \d+, column \d+$/,
				` at line ${at.line + lineOffset}, column ${at.col}`
			);
		}
		if (problem.code === 'TAG_RESOLVE_FAILED') {
			const rest = message.replace(/^Unresolved tag: /, '');
			const tag = rest.split(/\s/)[0].replace(/^tag:yaml\.org,2002:/, '!!');
			throw new ParseError(`YAML tags are not allowed: ${rest}`, 'content.yamlTag', { tag });
		}
		if (at) {
			throw new ParseError(message, 'content.yamlInvalid', {
				line: at.line + lineOffset,
				column: at.col
			});
		}
		throw new ParseError(message, 'content.other', { message });
	}
	try {
		return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
	} catch (err) {
		if (err instanceof ReferenceError && /alias/i.test(err.message)) {
			throw new ParseError(
				`too many YAML aliases (more than ${MAX_ALIAS_COUNT} expanded); aliases are for small reuse only`,
				'content.yamlAliases',
				{ max: MAX_ALIAS_COUNT }
			);
		}
		throw new ParseError(
			`invalid YAML: ${err instanceof Error ? err.message : String(err)}`,
			'content.yamlInvalid'
		);
	}
}

export interface FrontMatterFile {
	data: unknown;
	body: string;
}

/**
 * Splits an index.md into its YAML front matter and its body. The opening line must be `---`
 * alone: mdsvex would run `---js` front matter as code, so any language marker is refused.
 */
export function parseFrontMatter(source: string): FrontMatterFile {
	const lines = source.split(/\r?\n/);
	const opening = lines[0];
	if (!opening.startsWith('---')) {
		throw new ParseError(
			'missing front matter: the file must start with a line "---"',
			'content.frontMatterMissing'
		);
	}
	if (opening.trimEnd() !== '---') {
		const refused = opening.trim().slice(0, 20);
		throw new ParseError(
			`front matter must open with "---" alone; "${refused}" is refused (only YAML front matter is allowed)`,
			'content.frontMatterLanguage',
			{ opening: refused }
		);
	}
	const close = lines.findIndex((l, i) => i > 0 && l.trimEnd() === '---');
	if (close < 0) {
		throw new ParseError(
			'front matter is not closed: add a line "---" after it',
			'content.frontMatterOpen'
		);
	}
	const data = parseYaml(lines.slice(1, close).join('\n'), 1);
	if (data === null || typeof data !== 'object' || Array.isArray(data)) {
		throw new ParseError(
			'front matter must be a YAML mapping of keys to values',
			'content.frontMatterMapping'
		);
	}
	return { data, body: lines.slice(close + 1).join('\n') };
}
