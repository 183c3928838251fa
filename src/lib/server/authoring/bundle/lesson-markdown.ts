// Shipped lessons are mdsvex (Markdown with a few Svelte lesson components). Authored modules hold
// plain Markdown, rendered by renderMarkdown. Duplicating a shipped module turns each component
// into Markdown that says the same thing, so nothing a learner read is lost in the copy.
import { messages } from '$lib/i18n';

const m = messages.authoring.lessonMarkdown;

const PHASE_TIMELINE = [
	`**${m.phasesTitle}**`,
	'',
	...m.phases.map(([name, text], i) => `${i + 1}. **${name}**: ${text}`),
	'',
	m.phasesNote
].join('\n');

const HELP_LINE = [`**${m.helpLineTitle}**`, '', m.helpLine, m.emergency]
	.map((l) => (l ? `> ${l}` : '>'))
	.join('\n');

function attribute(attrs: string, name: string): string | undefined {
	return new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1];
}

function quote(title: string | undefined, body: string): string {
	const lines = body
		.trim()
		.split('\n')
		.map((l) => l.replace(/^\t+/, '').trimEnd());
	const head = title ? [`**${title}**`, ''] : [];
	return [...head, ...lines].map((l) => (l ? `> ${l}` : '>')).join('\n');
}

/**
 * Replaces each `<Name attrs>inner</Name>` of the given names, like the regular expression
 * `/<(A|B)([^>]*)>([\s\S]*?)<\/\1>/g` would, but in linear time: a start tag whose `>` or closing
 * tag is missing means no later start tag of that name can close either, so the scan stops there
 * for that name instead of trying again from every later position (which was quadratic on
 * repeated unclosed tags in uploaded text).
 */
function replaceElements(
	text: string,
	names: readonly string[],
	replace: (name: string, attrs: string, inner: string) => string,
	{ dropSpaceAfter = false } = {}
): string {
	const open = new Set(names);
	let out = '';
	let at = 0;
	while (open.size > 0) {
		let start = -1;
		let name = '';
		for (const n of open) {
			const found = text.indexOf(`<${n}`, at);
			if (found < 0) open.delete(n);
			else if (start < 0 || found < start) [start, name] = [found, n];
		}
		if (start < 0) break;
		const attrsEnd = text.indexOf('>', start + name.length + 1);
		const close = attrsEnd < 0 ? -1 : text.indexOf(`</${name}>`, attrsEnd + 1);
		if (close < 0) {
			open.delete(name);
			continue;
		}
		out +=
			text.slice(at, start) +
			replace(name, text.slice(start + name.length + 1, attrsEnd), text.slice(attrsEnd + 1, close));
		at = close + name.length + 3;
		if (dropSpaceAfter) while (at < text.length && /\s/.test(text[at])) at++;
	}
	return out + text.slice(at);
}

/** The Markdown body of a shipped index.md: front matter and script block removed, components as Markdown. */
export function mdsvexToMarkdown(source: string): string {
	let body = source.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n?/, '');
	// `<script …>…</script>` and the white space after it, in linear time.
	body = replaceElements(body, ['script'], () => '', { dropSpaceAfter: true });
	body = body.replace(/<PhaseTimeline\s*\/>/g, PHASE_TIMELINE);
	body = body.replace(/<HelpLine\s*\/>/g, HELP_LINE);
	body = replaceElements(body, ['Callout', 'SignalCard'], (_name, attrs, inner) =>
		quote(attribute(attrs, 'title'), inner)
	);
	return body.replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
