// What the browser may know about an item or a vignette before it is answered: the question,
// never the correct flags, scores, signals or feedback. Built on the server by src/lib/server/views.ts.
import type { ClassifyAnswer, ItemType } from './schema';

export interface OptionView {
	id: string;
	text: string;
}

/** A mark text cut into plain runs and markable phrases, in reading order. */
export type MarkSegment =
	{ text: string; phraseId?: undefined } | { text: string; phraseId: string };

export type ItemView =
	| { id: string; type: 'single' | 'multi'; prompt: string; options: OptionView[] }
	| { id: string; type: 'mark'; prompt: string; segments: MarkSegment[] }
	| { id: string; type: 'classify'; prompt: string; statements: OptionView[] }
	| { id: string; type: 'judge'; prompt: string; concern: OptionView[]; action: OptionView[] };

/** The learner's answer, in a shape shared by every item type. */
export interface Answer {
	/** single: [option]; multi: options; mark: phrases; judge: [concern, action]. */
	selected: string[];
	/** classify: statement id → answer. */
	classified?: Record<string, ClassifyAnswer>;
}

/** Feedback for one option, phrase or statement, revealed only after answering. */
export interface PartResult {
	id: string;
	text: string;
	/** Whether this part should have been chosen / marked (classify: the right category). */
	expected: boolean | ClassifyAnswer;
	/** What the learner did with it. */
	given: boolean | ClassifyAnswer | null;
	right: boolean;
	feedback?: string;
}

export interface ItemResult {
	itemId: string;
	type: ItemType;
	score: number;
	maxScore: number;
	/** fully right, partly right or wrong: said in words, never by colour alone. */
	verdict: 'right' | 'partly' | 'wrong';
	feedback: string;
	parts: PartResult[];
	/** judge: the two questions' parts, in order concern then action. */
	sections?: { id: 'concern' | 'action'; parts: PartResult[] }[];
}

/** A message of a case shown as a phone conversation; `own` when the case's person sent it. */
export interface MessageView {
	sender: string;
	time: string;
	text: string;
	own: boolean;
}

/** The case header: who the case is about, where, and who tells it. */
export interface CaseHeaderView {
	name: string;
	age?: number;
	setting?: string;
	narrator?: string;
}
