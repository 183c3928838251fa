// Every piece of graded content that must not reach the browser before the item is answered.
import type { Item, Vignette } from '../../src/lib/content/schema';

export function itemSecrets(item: Item): string[] {
	const out = [item.feedback];
	if (item.type === 'single' || item.type === 'multi') {
		for (const o of item.options) if (o.feedback) out.push(o.feedback);
	} else if (item.type === 'mark') {
		for (const p of item.phrases) if (p.feedback) out.push(p.feedback);
	} else if (item.type === 'classify') {
		for (const s of item.statements) if (s.feedback) out.push(s.feedback);
	} else {
		for (const o of [...item.concern.options, ...item.action.options]) {
			if (o.feedback) out.push(o.feedback);
		}
	}
	return out;
}

export function vignetteSecrets(v: Vignette): string[] {
	return Object.values(v.nodes).flatMap((n) => n.choices.map((c) => c.feedback));
}

/** Each secret as the page would print it (HTML-escaped); the whole text, so that a lesson that
 * happens to share a sentence with a feedback is not mistaken for a leak. */
export function fingerprints(secrets: string[]): string[] {
	return secrets
		.map((s) => s.replace(/\s+/g, ' ').trim())
		.filter((s) => s.length >= 20)
		.map((s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;'));
}
