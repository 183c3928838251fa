// The change values of a published version as the Dutch lines of the version history. The words
// come from the catalogue (messages.authoring.changes); this only puts them together.
import { messages } from '$lib/i18n';
import type { Change, ListCount, StepChange, StoredChange } from '$lib/server/authoring';

const m = messages.authoring.changes;

function counted(count: ListCount, what: (n: number) => string): string[] {
	const out: string[] = [];
	if (count.added) out.push(m.added(what(count.added)));
	if (count.removed) out.push(m.removed(what(count.removed)));
	if (count.changed) out.push(m.changedCount(what(count.changed)));
	return out;
}

function stepPart(part: StepChange): string {
	switch (part.kind) {
		case 'title':
			return m.newTitle(part.was);
		case 'stepKind':
			return m.stepKind;
		case 'required':
			return m.required;
		case 'text':
			return m.text;
		case 'vignette': {
			const detail = [...counted(part.nodes, m.nodes), ...counted(part.endings, m.endings)];
			if (part.start) detail.push(m.newStart);
			return m.vignette(detail.join(', ') || m.changed);
		}
		case 'quiz':
			return m.quiz(counted(part.items, m.items).join(', ') || m.changed);
		case 'assessment': {
			const detail = counted(part.pool, m.items);
			if (part.draw) detail.push(m.draw(String(part.draw.from), String(part.draw.to)));
			return m.assessment(detail.join(', ') || m.changed);
		}
	}
}

export function changeLine(change: Change): string {
	switch (change.kind) {
		case 'first':
			return change.basedOn
				? m.firstBasedOn(change.basedOn.title, change.basedOn.version)
				: m.first;
		case 'meta':
			return m.metaChanged(m.meta[change.field]);
		case 'introduction':
			return m.introduction;
		case 'stepAdded':
			return m.stepAdded(change.title);
		case 'stepChanged':
			return m.stepChanged(change.title, change.parts.map(stepPart).join('; '));
		case 'stepRemoved':
			return m.stepRemoved(change.title);
		case 'order':
			return m.order;
		case 'none':
			return m.none;
	}
}

/** A stored line: a change value, or a Dutch line from before change values, shown as it is. */
export function storedChangeLine(line: StoredChange): string {
	return typeof line === 'string' ? line : changeLine(line);
}
