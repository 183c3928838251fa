// Validation issues mapped onto the editor's form fields, with a readable label per field.
import { type Vignette } from '$lib/content/schema';
import { messages } from '$lib/i18n';
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

const LEAF_LABELS: Record<string, string> = messages.authoringEditor.fieldLabels;
const LIST_LABELS: Record<string, string> = messages.authoringEditor.listLabels;
const w = messages.authoringEditor.fieldWords;

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
			words.push(`${part === 'nodes' ? w.node : w.ending} ${code ?? index + 1}`);
			i++;
		} else if (LIST_LABELS[part] && index !== undefined) {
			words.push(`${LIST_LABELS[part]} ${index + 1}`);
			i++;
		} else if (part === 'concern' || part === 'action') {
			words.push(part === 'concern' ? w.concern : w.action);
		} else words.push(LEAF_LABELS[part] ?? part);
	}
	const text = words.join(', ').toLowerCase();
	return text.charAt(0).toUpperCase() + text.slice(1);
}
