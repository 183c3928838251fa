// Builds the browser's view of items and vignettes: questions only, no correct flags, scores,
// signals or feedback (those stay on the server until the learner has answered).
import type { Item, MarkItem, Vignette } from '$lib/content/schema';
import type { ItemView, MarkSegment, MessageView } from '$lib/content/views';

function segments(item: MarkItem): MarkSegment[] {
	const spans = item.phrases
		.map((p) => ({ id: p.id, from: item.text.indexOf(p.text), length: p.text.length }))
		.filter((s) => s.from >= 0)
		.sort((a, b) => a.from - b.from);
	const out: MarkSegment[] = [];
	let at = 0;
	for (const span of spans) {
		if (span.from > at) out.push({ text: item.text.slice(at, span.from) });
		out.push({ text: item.text.slice(span.from, span.from + span.length), phraseId: span.id });
		at = span.from + span.length;
	}
	if (at < item.text.length) out.push({ text: item.text.slice(at) });
	return out;
}

export function itemView(item: Item): ItemView {
	switch (item.type) {
		case 'single':
		case 'multi':
			return {
				id: item.id,
				type: item.type,
				prompt: item.prompt,
				options: item.options.map((o) => ({ id: o.id, text: o.text }))
			};
		case 'mark':
			return { id: item.id, type: 'mark', prompt: item.prompt, segments: segments(item) };
		case 'classify':
			return {
				id: item.id,
				type: 'classify',
				prompt: item.prompt,
				statements: item.statements.map((s) => ({ id: s.id, text: s.text }))
			};
		case 'judge':
			return {
				id: item.id,
				type: 'judge',
				prompt: item.prompt,
				concern: item.concern.options.map((o) => ({ id: o.id, text: o.text })),
				action: item.action.options.map((o) => ({ id: o.id, text: o.text }))
			};
	}
}

export interface NodeView {
	id: string;
	paragraphs: string[];
	/** A short exchange of messages (narrative, so safe before the choice). */
	messages: MessageView[];
	choices: { index: number; label: string }[];
}

export function paragraphs(text: string): string[] {
	return text
		.split(/\n\s*\n/)
		.map((p) => p.replace(/\s+/g, ' ').trim())
		.filter(Boolean);
}

export function nodeView(vignette: Vignette, nodeId: string): NodeView | undefined {
	const node = vignette.nodes[nodeId];
	if (!node) return undefined;
	return {
		id: nodeId,
		paragraphs: paragraphs(node.text),
		messages: (node.messages ?? []).map((msg) => ({
			sender: msg.sender,
			time: msg.time,
			text: msg.text,
			own: msg.sender === vignette.header?.name
		})),
		choices: node.choices.map((c, index) => ({ index, label: c.label }))
	};
}
