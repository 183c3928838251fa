// Draft validation for the editor: the same schemas and cross-file rules as `npm run
// modules:check`, reported in Dutch with a path per field (for example
// `steps.2.vignette.nodes.n1.choices.0.next`) so the editor can show each message beside its field.
import type { z } from 'zod';
import {
	assessmentSchema,
	ID_PATTERN,
	itemSignalIds,
	moduleMetaSchema,
	quizSchema,
	stepMetaSchema,
	vignetteSchema,
	type Item
} from '$lib/content/schema';
import { MAX_MARKDOWN_LENGTH } from '../content/markdown';
import type { ModuleSnapshot } from '../content/versions';

export interface DraftIssue {
	/** Dotted path into the draft: `meta.title`, `steps.0.markdown`, `steps.3.quiz.items.1.prompt`. */
	path: string;
	message: string;
}

const CUSTOM: [RegExp, (...m: string[]) => string][] = [
	[/^duplicate id "(.*)"/, (id) => `De code "${id}" komt twee keer voor; kies een andere.`],
	[
		/^id "(.*)" is used by a node and an ending/,
		(id) => `De code "${id}" is zowel een situatie als een einde.`
	],
	[
		/^unknown node "(.*)"/,
		(id) => `"${id}" bestaat niet. Kies een situatie of een einde uit de casus.`
	],
	[/^cannot be reached from start/, () => 'Niet te bereiken vanaf het begin van de casus.'],
	[
		/^no ending can be reached/,
		() => 'Doodlopend: vanaf hier komt de lezer bij geen enkel einde (of blijft in een kring).'
	],
	[
		/^needs at least (\d+) reachable endings, has (\d+)/,
		(n, has) => `Een casus heeft minstens ${n} bereikbare eindes nodig; nu ${has}.`
	],
	[
		/^the longest path from start has (\d+) decision points, needs at least (\d+)/,
		(has, n) => `De langste weg door de casus heeft ${has} keuzemomenten; minstens ${n} nodig.`
	],
	[/^needs at least 2 choices/, () => 'Geef minstens 2 keuzes.'],
	[/^needs at least 2 options/, () => 'Geef minstens 2 antwoordmogelijkheden.'],
	[
		/^exactly one option must be correct, found (\d+)/,
		(n) => `Precies één antwoord moet juist zijn; nu ${n}.`
	],
	[/^at least one option must be correct/, () => 'Duid minstens één juist antwoord aan.'],
	[/^needs at least 2 phrases/, () => 'Duid minstens 2 stukjes tekst aan.'],
	[
		/^needs at least one phrase with a signal/,
		() => 'Minstens één aangeduid stukje moet een signaal zijn.'
	],
	[
		/^needs at least one phrase without a signal/,
		() => 'Minstens één aangeduid stukje moet géén signaal zijn (een afleider).'
	],
	[/^"(.*)" does not occur in the text/, (t) => `"${t}" staat niet letterlijk in de tekst.`],
	[/^"(.*)" occurs more than once in the text/, (t) => `"${t}" staat meer dan eens in de tekst.`],
	[/^overlaps with phrase "(.*)"/, (id) => `Overlapt met het stukje "${id}".`],
	[/^needs at least 2 statements/, () => 'Geef minstens 2 uitspraken.'],
	[/^needs at least 2 signals/, () => 'Kies minstens 2 signalen.'],
	[
		/^pool has (\d+) items, needs at least 2 x draw = (\d+)/,
		(has, n) =>
			`De vragenbank heeft ${has} vragen; nodig is minstens 2 x het aantal getrokken vragen = ${n}.`
	],
	[/^must be between 0 and 1/, () => 'Geef een getal tussen 0 en 1 (bijvoorbeeld 0.7).'],
	[
		/kebab-case/,
		() => 'Gebruik alleen kleine letters, cijfers en losse streepjes (bijvoorbeeld: mijn-casus).'
	]
];

/** One Dutch sentence for a zod issue from the content schemas. */
export function dutchMessage(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			return issue.input === undefined || issue.input === ''
				? 'Vul dit in.'
				: issue.expected === 'int' || issue.expected === 'number'
					? 'Geef een geheel getal.'
					: 'Dit heeft niet de juiste vorm.';
		case 'too_small': {
			const min = Number(issue.minimum);
			if (issue.origin === 'string')
				return min <= 1 ? 'Vul dit in.' : `Gebruik minstens ${min} tekens.`;
			if (issue.origin === 'array' || issue.origin === 'set')
				return issue.message.startsWith('Too small')
					? `Voeg er minstens ${min} toe.`
					: custom(issue.message);
			return `Geef minstens ${min}.`;
		}
		case 'too_big': {
			const max = Number(issue.maximum);
			if (issue.origin === 'string') return `Gebruik hoogstens ${max} tekens.`;
			if (issue.origin === 'array' || issue.origin === 'set') return `Hoogstens ${max}.`;
			return `Geef hoogstens ${max}.`;
		}
		case 'invalid_value':
			return 'Kies een van de mogelijkheden.';
		case 'invalid_format':
			if (issue.format === 'url') return 'Geef een webadres dat met http:// of https:// begint.';
			return custom(issue.message);
		case 'unrecognized_keys':
			return `Onbekend veld: ${issue.keys.join(', ')}.`;
		case 'invalid_key':
			return 'Gebruik alleen kleine letters, cijfers en losse streepjes (bijvoorbeeld: mijn-casus).';
		default:
			return custom(issue.message);
	}
}

function custom(message: string): string {
	for (const [pattern, say] of CUSTOM) {
		const m = pattern.exec(message);
		if (m) return say(...m.slice(1));
	}
	return 'Dit klopt niet. Controleer dit veld.';
}

function collect(
	out: DraftIssue[],
	prefix: string,
	result: { success: boolean; error?: z.ZodError }
): void {
	if (result.success || !result.error) return;
	for (const issue of result.error.issues) {
		const at = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
		out.push({ path: at, message: dutchMessage(issue) });
	}
}

export interface ValidateOptions {
	/** Signal ids of the platform taxonomy (modules/signals.yaml). */
	signalIds: ReadonlySet<string>;
	/** True when another module already uses this slug. */
	slugTaken?: (slug: string) => boolean;
}

/** All problems of a draft, in the order of the editor's fields; empty when it can be published. */
export function validateDraft(draft: ModuleSnapshot, options: ValidateOptions): DraftIssue[] {
	const out: DraftIssue[] = [];
	if (!ID_PATTERN.test(draft.slug) || draft.slug.length > 80) {
		out.push({
			path: 'slug',
			message:
				'Gebruik alleen kleine letters, cijfers en losse streepjes (bijvoorbeeld: mijn-module).'
		});
	} else if (options.slugTaken?.(draft.slug)) {
		out.push({ path: 'slug', message: 'Deze webnaam is al in gebruik; kies een andere.' });
	}
	collect(out, 'meta', moduleMetaSchema.safeParse(draft.meta, { reportInput: true }));
	if (draft.meta?.refresher || (draft.meta?.refreshes?.length ?? 0) > 0) {
		out.push({
			path: 'meta.refresher',
			message: 'Een eigen module kan (nog) geen opfrissing van een attest zijn of hebben.'
		});
	}
	if ((draft.markdown ?? '').length > MAX_MARKDOWN_LENGTH) {
		out.push({
			path: 'markdown',
			message: `Gebruik hoogstens ${MAX_MARKDOWN_LENGTH} tekens.`
		});
	}

	const steps = draft.steps ?? [];
	if (steps.length === 0) out.push({ path: 'steps', message: 'Voeg minstens één stap toe.' });
	const stepSlugs = new Set<string>();
	const itemIds = new Map<string, string>();
	const assessments: number[] = [];
	steps.forEach((step, i) => {
		const at = `steps.${i}`;
		if (!ID_PATTERN.test(step.slug ?? '') || step.slug.length > 80) {
			out.push({
				path: `${at}.slug`,
				message:
					'Gebruik alleen kleine letters, cijfers en losse streepjes (bijvoorbeeld: eerste-les).'
			});
		} else if (step.slug === 'voortoets') {
			out.push({
				path: `${at}.slug`,
				message: 'De webnaam "voortoets" is voorbehouden voor de voortoets; kies een andere.'
			});
		} else if (stepSlugs.has(step.slug)) {
			out.push({ path: `${at}.slug`, message: 'Twee stappen hebben dezelfde webnaam.' });
		}
		stepSlugs.add(step.slug);
		collect(out, `${at}.meta`, stepMetaSchema.safeParse(step.meta, { reportInput: true }));
		if ((step.markdown ?? '').length > MAX_MARKDOWN_LENGTH) {
			out.push({
				path: `${at}.markdown`,
				message: `Gebruik hoogstens ${MAX_MARKDOWN_LENGTH} tekens.`
			});
		}
		const kind = step.meta?.kind;
		let items: Item[] = [];
		let itemsAt = '';
		if (kind === 'vignette') {
			const r = vignetteSchema.safeParse(step.vignette, { reportInput: true });
			collect(out, `${at}.vignette`, r);
			if (r.success) {
				for (const [nodeId, node] of Object.entries(r.data.nodes)) {
					node.signals?.forEach((id, j) => {
						if (!options.signalIds.has(id))
							out.push({
								path: `${at}.vignette.nodes.${nodeId}.signals.${j}`,
								message: `Onbekend signaal "${id}".`
							});
					});
				}
			}
		} else if (kind === 'quiz') {
			const r = quizSchema.safeParse(step.quiz, { reportInput: true });
			collect(out, `${at}.quiz`, r);
			if (r.success) items = r.data.items;
			itemsAt = `${at}.quiz.items`;
		} else if (kind === 'assessment') {
			assessments.push(i);
			const r = assessmentSchema.safeParse(step.assessment, { reportInput: true });
			collect(out, `${at}.assessment`, r);
			if (r.success) {
				items = r.data.pool;
				const pretest = draft.meta?.pretest;
				if (pretest !== undefined && pretest > r.data.pool.length) {
					out.push({
						path: 'meta.pretest',
						message: `De voortoets trekt ${pretest} vragen, maar de vragenbank van de eindtoets heeft er maar ${r.data.pool.length}.`
					});
				}
			}
			itemsAt = `${at}.assessment.pool`;
		}
		items.forEach((item, j) => {
			const first = itemIds.get(item.id);
			if (first && first !== at) {
				out.push({
					path: `${itemsAt}.${j}.id`,
					message: `De code "${item.id}" wordt al gebruikt door een vraag in een andere stap.`
				});
			} else itemIds.set(item.id, at);
			for (const ref of itemSignalIds(item)) {
				if (!options.signalIds.has(ref.id)) {
					out.push({
						path: [itemsAt, j, ...ref.path].join('.'),
						message: `Onbekend signaal "${ref.id}".`
					});
				}
			}
		});
	});
	if (steps.length > 0 && assessments.length === 0) {
		out.push({
			path: 'steps',
			message: 'Een module eindigt met één eindtoets: voeg een stap van het soort eindtoets toe.'
		});
	}
	assessments
		.slice(1)
		.forEach((i) =>
			out.push({ path: `steps.${i}.meta.kind`, message: 'Een module heeft maar één eindtoets.' })
		);
	if (assessments.length > 0 && assessments[0] !== steps.length - 1) {
		out.push({
			path: `steps.${assessments[0]}.meta.kind`,
			message: 'De eindtoets moet de laatste stap zijn.'
		});
	}
	return out;
}
