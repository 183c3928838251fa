// Validation issues mapped onto the editor's form fields, with a readable label per field.
import { type Vignette } from '$lib/content/schema';
import { describeFailure } from '../../platform/failure';
import type { DraftIssue } from '../validate';
import { type VignetteForm } from './steps';

/**
 * The issues of one part of the draft, keyed by form field: `prefix` is stripped (`steps.2.`),
 * node and ending codes become their list positions, and signal list entries point at the
 * signal select. Several messages for one field are joined. This is where an issue's code
 * becomes the Dutch the page shows.
 */
export function issuesFor(
	issues: readonly DraftIssue[],
	prefix: string,
	vignette?: Vignette
): { key: string; message: string }[] {
	const nodeIndex = new Map(Object.keys(vignette?.nodes ?? {}).map((id, i) => [id, i]));
	const endingIndex = new Map(Object.keys(vignette?.endings ?? {}).map((id, i) => [id, i]));
	const out: { key: string; message: string }[] = [];
	for (const issue of issues) {
		if (prefix && !issue.path.startsWith(prefix)) continue;
		let key = issue.path.slice(prefix.length);
		key = key
			.replace(/^vignette\.nodes\.([^.]+)/, (m, id: string) =>
				nodeIndex.has(id) ? `vignette.nodes.${nodeIndex.get(id)}` : m
			)
			.replace(/^vignette\.endings\.([^.]+)/, (m, id: string) =>
				endingIndex.has(id) ? `vignette.endings.${endingIndex.get(id)}` : m
			)
			.replace(/\.signals\.\d+$/, '.signals')
			.replace(/^signals\.\d+$/, 'signals')
			.replace(/^meta\.certificate$/, 'meta.certificate.validityMonths');
		const message = describeFailure(issue);
		const same = out.find((o) => o.key === key);
		if (same) {
			if (!same.message.includes(message)) same.message += ` ${message}`;
		} else out.push({ key: key || 'form', message });
	}
	return out;
}

const LEAF_LABELS: Record<string, string> = {
	slug: 'Webnaam',
	id: 'Code',
	title: 'Titel',
	summary: 'Samenvatting',
	audience: 'Doelgroep',
	minutes: 'Geschatte duur',
	pretest: 'Voortoets',
	passMark: 'Slaaggrens',
	validityMonths: 'Geldigheid van het attest',
	publisher: 'Uitgever',
	year: 'Jaar',
	url: 'Webadres',
	markdown: 'Tekst',
	kind: 'Soort stap',
	required: 'Verplicht',
	start: 'Begint bij',
	text: 'Tekst',
	signals: 'Signalen',
	signal: 'Signaal',
	choices: 'Keuzes',
	label: 'Tekst van de keuze',
	feedback: 'Feedback',
	score: 'Score',
	next: 'Gaat naar',
	nodes: 'Situaties',
	endings: 'Eindes',
	prompt: 'Vraag',
	options: 'Antwoorden',
	correct: 'Juist',
	phrases: 'Stukjes tekst',
	statements: 'Uitspraken',
	answer: 'Juiste categorie',
	draw: 'Aantal getrokken vragen',
	pool: 'Vragenbank',
	items: 'Vragen',
	sources: 'Bronnen',
	steps: 'Stappen',
	form: 'Formulier'
};

const LIST_LABELS: Record<string, string> = {
	sources: 'Bron',
	choices: 'keuze',
	options: 'antwoord',
	phrases: 'stukje',
	statements: 'uitspraak',
	items: 'vraag',
	pool: 'vraag',
	steps: 'Stap'
};

/** A readable Dutch name for a field key, for the error summary. */
export function fieldLabel(key: string, vignette?: VignetteForm): string {
	const parts = key.split('.').filter((p) => p !== 'meta' && p !== 'certificate');
	const words: string[] = [];
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i];
		const index =
			parts[i + 1] !== undefined && /^\d+$/.test(parts[i + 1]) ? Number(parts[i + 1]) : undefined;
		if (part === 'vignette' || part === 'quiz' || part === 'assessment') continue;
		if ((part === 'nodes' || part === 'endings') && index !== undefined) {
			const code = (part === 'nodes' ? vignette?.nodes : vignette?.endings)?.[index]?.id;
			words.push(`${part === 'nodes' ? 'Situatie' : 'Einde'} ${code ?? index + 1}`);
			i++;
		} else if (LIST_LABELS[part] && index !== undefined) {
			words.push(`${LIST_LABELS[part]} ${index + 1}`);
			i++;
		} else if (part === 'concern' || part === 'action') {
			words.push(part === 'concern' ? 'Bezorgdheid' : 'Volgende stap');
		} else words.push(LEAF_LABELS[part] ?? part);
	}
	const text = words.join(', ').toLowerCase();
	return text.charAt(0).toUpperCase() + text.slice(1);
}
