// The signal timeline of a case (issue 20): after the ending, each situation the learner went
// through in order, the signals present there and the choice made. A signal counts as acted on
// when the choice made there was one of the best (full score); otherwise it was passed by.
import type { Item, Vignette } from '$lib/content/schema';
import type { Answer } from '$lib/content/views';
import { paragraphs } from './views';
import type { PathEntry } from './vignette';

export interface TimelineEntry {
	nodeId: string;
	/** The situation, in short: the first paragraph of the node, cut to a readable length. */
	situation: string;
	choiceLabel: string;
	/** A case item in the assessment: the next step chosen, after the concern (`choiceLabel`). */
	nextStep?: string;
	/** Whether the choice made here acted on the signals present (a best choice). */
	acted: boolean;
	signals: { id: string; label: string }[];
}

const SITUATION_LENGTH = 220;

function shorten(text: string): string {
	if (text.length <= SITUATION_LENGTH) return text;
	const cut = text.slice(0, SITUATION_LENGTH);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 0) || SITUATION_LENGTH).trimEnd()}…`;
}

/** The timeline of one run through a case; `labels` names the signals (unknown ids are left out). */
export function caseTimeline(
	vignette: Vignette,
	path: readonly PathEntry[],
	labels: ReadonlyMap<string, string>
): TimelineEntry[] {
	return path.flatMap((entry) => {
		const node = vignette.nodes[entry.nodeId];
		if (!node) return [];
		return [
			{
				nodeId: entry.nodeId,
				situation: shorten(paragraphs(node.text)[0] ?? ''),
				choiceLabel: entry.choiceLabel,
				acted: entry.maxScore > 0 && entry.score >= entry.maxScore,
				signals: (node.signals ?? [])
					.filter((id) => labels.has(id))
					.map((id) => ({ id, label: labels.get(id)! }))
			}
		];
	});
}

/**
 * The timeline of a case item (`judge`) in the assessment review: its one situation, the signals
 * it combines, the level of concern and the next step chosen. The signals count as acted on when
 * the concern was weighed right, as grading counts them recognised. Empty for other item types or
 * an answer that does not fit the item; callers build it only where the review shows per-item
 * results, so it never reaches the browser before the item is answered and reviewed.
 */
export function itemTimeline(
	item: Item,
	answer: Answer | null | undefined,
	labels: ReadonlyMap<string, string>
): TimelineEntry[] {
	if (item.type !== 'judge' || !answer) return [];
	const [concernId, actionId] = answer.selected;
	const concern = item.concern.options.find((o) => o.id === concernId);
	const action = item.action.options.find((o) => o.id === actionId);
	if (!concern || !action) return [];
	return [
		{
			nodeId: item.id,
			situation: shorten(paragraphs(item.prompt)[0] ?? ''),
			choiceLabel: concern.text.trim(),
			nextStep: action.text.trim(),
			acted: concern.correct,
			signals: item.signals
				.filter((id) => labels.has(id))
				.map((id) => ({ id, label: labels.get(id)! }))
		}
	];
}
