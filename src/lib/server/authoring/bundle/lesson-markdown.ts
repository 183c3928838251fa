// Shipped lessons are mdsvex (Markdown with a few Svelte lesson components). Authored modules hold
// plain Markdown, rendered by renderMarkdown. Duplicating a shipped module turns each component
// into Markdown that says the same thing, so nothing a learner read is lost in the copy.

const PHASES = [
	[
		'Ronselen',
		'De dader zoekt contact met een jongere, online of op plaatsen waar jongeren samenkomen, en kiest vaak iemand die kwetsbaar is.'
	],
	[
		'Inpalmen',
		'Met aandacht, cadeaus, geld, status of net met druk en dreiging maakt de dader de jongere afhankelijk van zich.'
	],
	[
		'Isoleren',
		'De jongere raakt los van familie, vrienden en school, zodat de dader de belangrijkste of enige houvast wordt.'
	],
	[
		'Uitbuiten',
		'De dader dwingt de jongere tot seksuele handelingen of prostitutie en houdt haar of hem vast met schuld, schaamte of geweld.'
	]
] as const;

const PHASE_TIMELINE = [
	'**De vier fasen**',
	'',
	...PHASES.map(([name, text], i) => `${i + 1}. **${name}**: ${text}`),
	'',
	'Let op: de volgorde en de snelheid verschillen van jongere tot jongere. Fasen kunnen door elkaar lopen of overgeslagen worden.'
].join('\n');

const HELP_LINE = [
	'> **Zelf geraakt of ongerust over een jongere?**',
	'>',
	'> Bel **Child Focus** op 116 000 of mail naar 116000@childfocus.org: gratis, dag en nacht, anoniem kan.',
	'> Is er acuut gevaar? Bel de politie op 101 of het noodnummer 112.'
].join('\n');

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
