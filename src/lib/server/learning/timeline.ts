// The signal timeline of a case (issue 20): after the ending, each situation the learner went
// through in order, the signals present there and the choice made. A signal counts as acted on
// when the choice made there was one of the best (full score); otherwise it was passed by.
import type { Vignette } from '$lib/content/schema';
import { paragraphs } from './views';
import type { PathEntry } from './vignette';

export interface TimelineEntry {
	nodeId: string;
	/** The situation, in short: the first paragraph of the node, cut to a readable length. */
	situation: string;
	choiceLabel: string;
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
