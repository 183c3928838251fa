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

/** The Markdown body of a shipped index.md: front matter and script block removed, components as Markdown. */
export function mdsvexToMarkdown(source: string): string {
	let body = source.replace(/^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n?/, '');
	body = body.replace(/<script[^>]*>[\s\S]*?<\/script>\s*/g, '');
	body = body.replace(/<PhaseTimeline\s*\/>/g, PHASE_TIMELINE);
	body = body.replace(/<HelpLine\s*\/>/g, HELP_LINE);
	body = body.replace(/<(Callout|SignalCard)([^>]*)>([\s\S]*?)<\/\1>/g, (_, _name, attrs, inner) =>
		quote(attribute(attrs, 'title'), inner)
	);
	return body.replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
