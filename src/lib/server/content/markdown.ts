// Trainer-authored Markdown, rendered on the server only. The text comes from the database, so
// it is untrusted: remark-parse -> remark-gfm -> remark-rehype (raw HTML dropped) -> our small
// tree fixes -> rehype-sanitize with a narrow allowlist (always last) -> rehype-stringify.
// The output is printed by exactly one component, SafeHtml.svelte.
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** Longer lesson texts are refused; the editor validates the same limit. */
export const MAX_MARKDOWN_LENGTH = 100_000;

/** Deeper container nesting (quotes, lists) on one line is flattened before parsing. */
const MAX_LINE_NESTING = 8;

export class MarkdownTooLongError extends RangeError {
	constructor(length: number) {
		super(`Markdown of ${length} characters exceeds ${MAX_MARKDOWN_LENGTH}`);
		this.name = 'MarkdownTooLongError';
	}
}

/**
 * Only what lessons need. Based on the default (GitHub-style) schema for its URL handling and
 * clobber prefix, but with an explicit short tag list: no images (an <img> from another host is
 * a tracking pixel), no h1 (the page owns it), no ids, classes only for code languages.
 */
const schema: SanitizeSchema = {
	...defaultSchema,
	tagNames: [
		'h2',
		'h3',
		'h4',
		'p',
		'br',
		'hr',
		'ul',
		'ol',
		'li',
		'em',
		'strong',
		'del',
		'a',
		'blockquote',
		'code',
		'pre',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td'
	],
	attributes: {
		a: ['href', ['rel', 'noopener', 'noreferrer']],
		code: [['className', /^language-[\w-]+$/]],
		ol: [['start', /^\d{1,6}$/]],
		th: [['align', 'left', 'right', 'center']],
		td: [['align', 'left', 'right', 'center']]
	},
	required: { a: { rel: ['noopener', 'noreferrer'] } },
	// Relative URLs (same site) stay allowed; any URL with a scheme must use one of these.
	protocols: { href: ['http', 'https', 'mailto'] },
	strip: ['script', 'style', 'iframe', 'template', 'noscript', 'svg', 'math'],
	clobber: [],
	ancestors: defaultSchema.ancestors
};

interface Node {
	type: string;
	tagName?: string;
	children?: Node[];
}

/** h1 becomes h2 and h5/h6 become h4, so authors cannot break the page outline. */
function clampHeadings() {
	return (tree: Node) => {
		const stack: Node[] = [tree];
		while (stack.length > 0) {
			const node = stack.pop()!;
			if (node.type === 'element') {
				if (node.tagName === 'h1') node.tagName = 'h2';
				else if (node.tagName === 'h5' || node.tagName === 'h6') node.tagName = 'h4';
			}
			if (node.children) stack.push(...node.children);
		}
	};
}

const processor = unified()
	.use(remarkParse)
	.use(remarkGfm)
	.use(remarkRehype) // allowDangerousHtml stays off: raw HTML in the Markdown is dropped
	.use(clampHeadings)
	.use(rehypeSanitize, schema)
	.use(rehypeStringify);

const containerPrefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))){9,}/;
const oneMarker = /[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))/y;

/**
 * micromark's container parsing is quadratic in the nesting depth of a line (50,000 nested `>`
 * take about 19 s) and the tree walkers after it recurse per level. No lesson nests more than a
 * few levels, so a line with more markers keeps only the first MAX_LINE_NESTING of them.
 */
function flattenDeepNesting(text: string): string {
	return text
		.split('\n')
		.map((line) => {
			const match = containerPrefix.exec(line);
			if (!match) return line;
			oneMarker.lastIndex = 0;
			let kept = '';
			for (let i = 0; i < MAX_LINE_NESTING; i++) kept += oneMarker.exec(line)![0];
			return kept + ' ' + line.slice(match[0].length).trimStart();
		})
		.join('\n');
}

/** More emphasis delimiters than this in one paragraph are shown literally. */
const MAX_DELIMITERS_PER_BLOCK = 200;

/**
 * Inline emphasis is the other depth bomb: 2,000 nested `*a ` overflow the stack and `_`
 * runs grow quadratically. A paragraph (lines between blank lines, outside fenced code) with
 * more than MAX_DELIMITERS_PER_BLOCK of `*`, `_` or `~` gets them backslash-escaped, so they
 * show as the characters the author typed instead of nesting.
 */
function escapeDelimiterFloods(text: string): string {
	if ((text.match(/[*_~]/g)?.length ?? 0) <= MAX_DELIMITERS_PER_BLOCK) return text;
	const lines = text.split('\n');
	let inFence = false;
	let block: number[] = [];
	const flush = () => {
		const count = block.reduce((n, i) => n + (lines[i].match(/[*_~]/g)?.length ?? 0), 0);
		if (count > MAX_DELIMITERS_PER_BLOCK) {
			for (const i of block) lines[i] = lines[i].replace(/(?<!\\)([*_~])/g, '\\$1');
		}
		block = [];
	};
	lines.forEach((line, i) => {
		if (/^\s{0,3}(?:```|~~~)/.test(line)) {
			flush();
			inFence = !inFence;
		} else if (inFence) {
			// code is shown as typed and never parsed for emphasis
		} else if (line.trim() === '') flush();
		else block.push(i);
	});
	flush();
	return lines.join('\n');
}

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Renders untrusted Markdown to sanitised HTML. Throws MarkdownTooLongError above the limit. */
export function renderMarkdown(text: string): string {
	if (text.length > MAX_MARKDOWN_LENGTH) throw new MarkdownTooLongError(text.length);
	try {
		return String(processor.processSync(escapeDelimiterFloods(flattenDeepNesting(text))));
	} catch (error) {
		// A nesting we did not foresee overflowed the stack: show the text, never fail the page.
		if (error instanceof RangeError) return `<p>${escapeHtml(text)}</p>`;
		throw error;
	}
}
