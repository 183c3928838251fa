// Question forms as draft content: new items per type, the item list of a quiz or pool, and an
// item's own fields (options, phrases, statements, signals).
import {
	CLASSIFY_ANSWERS,
	type ClassifyAnswer,
	type Item,
	type ItemType
} from '$lib/content/schema';
import type { StepSnapshot } from '../../content/versions';
import type { DraftContent } from '../drafts';
import { EditorInputError, FormReader, applyListOp, freeId, listAt, type Op } from './form-reader';

/** The step's item list (quiz items or assessment pool), if it has one. */
export function itemsOf(step: StepSnapshot): Item[] | undefined {
	return step.quiz?.items ?? step.assessment?.pool;
}

export function itemListPath(step: StepSnapshot): 'quiz.items' | 'assessment.pool' | undefined {
	return step.quiz ? 'quiz.items' : step.assessment ? 'assessment.pool' : undefined;
}

/** Item ids of the whole module, so a new one is unique across steps. */
function allItemIds(content: DraftContent): string[] {
	return content.steps.flatMap((s) => (itemsOf(s) ?? []).map((i) => i.id));
}

const option = (id: string, correct = false) => ({ id, text: '', correct });

/** A new item of this type with the minimum number of options, phrases or statements. */
export function newItem(type: ItemType, content: DraftContent): Item {
	const id = freeId('vraag-', allItemIds(content));
	const base = { id, prompt: '', feedback: '' };
	switch (type) {
		case 'single':
		case 'multi':
			return { ...base, type, options: [option('a', true), option('b')] };
		case 'mark':
			return {
				...base,
				type,
				text: '',
				phrases: [
					{ id: 'p1', text: '' },
					{ id: 'p2', text: '' }
				]
			};
		case 'classify':
			return {
				...base,
				type,
				statements: [
					{ id: 's1', text: '', answer: 'signaal' },
					{ id: 's2', text: '', answer: 'geen-signaal' }
				]
			};
		case 'judge':
			return {
				...base,
				type,
				signals: [],
				concern: { options: [option('a', true), option('b')] },
				action: { options: [option('a', true), option('b')] }
			};
	}
}

/** Add (of `type`), move or remove an item of a quiz or assessment step. */
export function changeItems(
	content: DraftContent,
	stepIndex: number,
	op: Op,
	type?: ItemType
): DraftContent {
	const next = structuredClone(content);
	const step = next.steps[stepIndex];
	const list = step && itemListPath(step);
	if (!list || op.list !== list) throw new EditorInputError();
	if (op.kind === 'add' && !type) throw new EditorInputError();
	applyListOp(step, op, () => newItem(type!, next));
	return next;
}

// ---- items

function readSignals(r: FormReader, key: string, old: string[] | undefined): string[] | undefined {
	if (!r.has(`${key}.sent`)) return old;
	return keepOrder(r.all(key), old) ?? undefined;
}

/**
 * The signal select lists signals by category, so a form posts them in that order. When the set
 * is the one already stored, keep the stored order: an unchanged form must not count as an edit.
 */
export function keepOrder(picked: string[], old: string[] | undefined): string[] | null {
	if (!picked.length) return null;
	if (old && old.length === picked.length && old.every((id) => picked.includes(id))) return old;
	return picked;
}

function readOptional(r: FormReader, key: string, old: string | undefined): string | undefined {
	if (!r.has(key)) return old;
	const value = r.text(key)!;
	return value.trim() ? value : undefined;
}

type Opt = { id: string; text: string; correct: boolean; feedback?: string; signals?: string[] };

function readOptions(r: FormReader, at: string, old: Opt[], single: boolean): Opt[] {
	const prefix = at ? `${at}.options` : 'options';
	const correct = single ? r.text(`${prefix}.correct`) : undefined;
	return r.indices(prefix).map((i) => {
		const o = `${prefix}.${i}`;
		const prev = old[i];
		const feedback = readOptional(r, `${o}.feedback`, prev?.feedback);
		const signals = readSignals(r, `${o}.signals`, prev?.signals);
		return {
			id: r.text(`${o}.id`)?.trim() ?? prev?.id ?? '',
			text: r.text(`${o}.text`) ?? prev?.text ?? '',
			correct: single
				? correct === undefined
					? (prev?.correct ?? false)
					: correct === String(i)
				: r.has(`${o}.correct.sent`)
					? r.has(`${o}.correct`)
					: (prev?.correct ?? false),
			...(feedback ? { feedback } : {}),
			...(signals ? { signals } : {})
		};
	});
}

/** The item form applied to a copy of the item, then the add/move/remove button if any. */
export function applyItem(item: Item, r: FormReader, op?: Op): Item {
	const old = structuredClone(item);
	const signals = readSignals(r, 'signals', old.signals);
	const base = {
		id: r.text('id')?.trim() ?? old.id,
		prompt: r.text('prompt') ?? old.prompt,
		feedback: r.text('feedback') ?? old.feedback,
		...(signals ? { signals } : {})
	};
	let next: Item;
	switch (old.type) {
		case 'single':
		case 'multi':
			next = {
				...base,
				type: old.type,
				options: readOptions(r, '', old.options, old.type === 'single')
			};
			break;
		case 'mark':
			next = {
				...base,
				type: 'mark',
				text: r.text('text') ?? old.text,
				phrases: r.indices('phrases').map((i) => {
					const at = `phrases.${i}`;
					const prev = old.phrases[i];
					const signal = readOptional(r, `${at}.signal`, prev?.signal);
					const feedback = readOptional(r, `${at}.feedback`, prev?.feedback);
					return {
						id: r.text(`${at}.id`)?.trim() ?? prev?.id ?? '',
						text: r.text(`${at}.text`) ?? prev?.text ?? '',
						...(signal ? { signal } : {}),
						...(feedback ? { feedback } : {})
					};
				})
			};
			break;
		case 'classify':
			next = {
				...base,
				type: 'classify',
				statements: r.indices('statements').map((i) => {
					const at = `statements.${i}`;
					const prev = old.statements[i];
					const answer = r.text(`${at}.answer`) ?? prev?.answer ?? 'signaal';
					if (!(CLASSIFY_ANSWERS as readonly string[]).includes(answer))
						throw new EditorInputError();
					const feedback = readOptional(r, `${at}.feedback`, prev?.feedback);
					const statementSignals = readSignals(r, `${at}.signals`, prev?.signals);
					return {
						id: r.text(`${at}.id`)?.trim() ?? prev?.id ?? '',
						text: r.text(`${at}.text`) ?? prev?.text ?? '',
						answer: answer as ClassifyAnswer,
						...(statementSignals ? { signals: statementSignals } : {}),
						...(feedback ? { feedback } : {})
					};
				})
			};
			break;
		case 'judge':
			next = {
				...base,
				type: 'judge',
				signals: signals ?? [],
				concern: { options: readOptions(r, 'concern', old.concern.options, true) },
				action: { options: readOptions(r, 'action', old.action.options, true) }
			};
			break;
	}
	if (op) {
		const last = op.list.split('.').at(-1);
		const list = listAt(next, op.list) ?? [];
		const ids = (list as { id?: string }[]).map((x) => x.id ?? '');
		applyListOp(next, op, () =>
			last === 'options'
				? option(freeId('optie-', ids))
				: last === 'phrases'
					? { id: freeId('p', ids), text: '' }
					: last === 'statements'
						? { id: freeId('s', ids), text: '', answer: 'signaal' }
						: undefined
		);
	}
	return next;
}

// ---- issues as form fields
