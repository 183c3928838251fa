import { beforeEach, describe, expect, it } from 'vitest';
import type { Item } from '$lib/content/schema';
import type { StepSnapshot } from '../../content/versions';
import { latestVersionId } from '../../content/versions';
import { freshDatabase, makeMember, makeOrganisation, syncCourse } from '../../testing/testing';
import { describeFailure } from '../../platform/failure';
import { EditorInputError, FormReader, MAX_TEXT_LENGTH, parseOp } from './form-reader';
import { applyItem, changeItems, itemsOf } from './items';
import { addStep, applySettings, applyStep, changeSteps, vignetteToForm } from './steps';
import { fieldLabel, issuesFor } from './issues';
import { saveFromForm } from './actions';
import type { Author } from '../access';
import {
	draftContent,
	draftIssues,
	duplicateAsDraft,
	getDraft,
	type DraftContent
} from '../drafts';

let trainer: Author;
let content: DraftContent;
let draftId: number;

beforeEach(async () => {
	await freshDatabase();
	await syncCourse();
	const org = await makeOrganisation('School A');
	const member = await makeMember({ organisation: org, role: 'trainer' });
	trainer = { id: member.id, memberships: [{ organisationId: org, role: 'trainer' }] };
	const draft = await duplicateAsDraft(trainer, org, (await latestVersionId('wat-en-hoe'))!);
	draftId = draft.id;
	content = draftContent(draft);
});

/** The fields the editor's forms post for these values (as the pages render them). */
function form(fields: [string, string | number | boolean][]): FormData {
	const data = new FormData();
	for (const [key, value] of fields) data.append(key, String(value));
	return data;
}

function signalFields(key: string, ids: string[] | undefined): [string, string][] {
	return [[`${key}.sent`, '1'], ...(ids ?? []).map((id): [string, string] => [key, id])];
}

function stepFields(step: StepSnapshot): [string, string | number | boolean][] {
	const out: [string, string | number | boolean][] = [
		['slug', step.slug],
		['meta.title', step.meta.title],
		['meta.required.sent', '1'],
		...(step.meta.required ? [['meta.required', 'on'] as [string, string]] : []),
		['markdown', step.markdown ?? '']
	];
	if (step.vignette) {
		const v = vignetteToForm(step.vignette);
		out.push(['vignette.start', v.start]);
		v.nodes.forEach((n, i) => {
			const at = `vignette.nodes.${i}`;
			out.push(
				[`${at}.id`, n.id],
				[`${at}.text`, n.text],
				...signalFields(`${at}.signals`, n.signals)
			);
			n.choices.forEach((c, j) => {
				const ch = `${at}.choices.${j}`;
				out.push(
					[`${ch}.label`, c.label],
					[`${ch}.feedback`, c.feedback],
					[`${ch}.score`, c.score],
					[`${ch}.next`, c.next]
				);
			});
		});
		v.endings.forEach((e, i) => {
			const at = `vignette.endings.${i}`;
			out.push([`${at}.id`, e.id], [`${at}.title`, e.title], [`${at}.summary`, e.summary]);
		});
	}
	if (step.assessment) out.push(['assessment.draw', step.assessment.draw]);
	return out;
}

function optionFields(
	prefix: string,
	options: { id: string; text: string; correct: boolean; feedback?: string; signals?: string[] }[],
	single: boolean,
	withSignals: boolean
): [string, string][] {
	const out: [string, string][] = [];
	options.forEach((o, i) => {
		const at = `${prefix}.${i}`;
		out.push([`${at}.id`, o.id], [`${at}.text`, o.text], [`${at}.feedback`, o.feedback ?? '']);
		if (single) {
			if (o.correct) out.push([`${prefix}.correct`, String(i)]);
		} else {
			out.push([`${at}.correct.sent`, '1']);
			if (o.correct) out.push([`${at}.correct`, 'on']);
		}
		if (withSignals) out.push(...signalFields(`${at}.signals`, o.signals));
	});
	return out;
}

function itemFields(item: Item): [string, string][] {
	const out: [string, string][] = [
		['id', item.id],
		['prompt', item.prompt],
		['feedback', item.feedback],
		...signalFields('signals', item.signals)
	];
	switch (item.type) {
		case 'single':
		case 'multi':
			out.push(...optionFields('options', item.options, item.type === 'single', true));
			break;
		case 'judge':
			out.push(...optionFields('concern.options', item.concern.options, true, false));
			out.push(...optionFields('action.options', item.action.options, true, false));
			break;
		case 'mark':
			out.push(['text', item.text]);
			item.phrases.forEach((p, i) =>
				out.push(
					[`phrases.${i}.id`, p.id],
					[`phrases.${i}.text`, p.text],
					[`phrases.${i}.signal`, p.signal ?? ''],
					[`phrases.${i}.feedback`, p.feedback ?? '']
				)
			);
			break;
		case 'classify':
			item.statements.forEach((s, i) =>
				out.push(
					[`statements.${i}.id`, s.id],
					[`statements.${i}.text`, s.text],
					[`statements.${i}.answer`, s.answer],
					[`statements.${i}.feedback`, s.feedback ?? ''],
					...signalFields(`statements.${i}.signals`, s.signals)
				)
			);
	}
	return out;
}

describe('form to content round trip', () => {
	it('reads every step of a shipped module back unchanged from its form', () => {
		expect(content.steps.some((s) => s.vignette)).toBe(true);
		for (const step of content.steps) {
			expect(applyStep(step, new FormReader(form(stepFields(step))))).toEqual(step);
		}
	});

	it('reads every item type back unchanged from its form', () => {
		const items = content.steps.flatMap((s) => itemsOf(s) ?? []);
		const types = new Set(items.map((i) => i.type));
		expect([...types].sort()).toEqual(['classify', 'judge', 'mark', 'multi', 'single']);
		for (const item of items) {
			expect(applyItem(item, new FormReader(form(itemFields(item))))).toEqual(item);
		}
	});

	it('reads the module settings back unchanged, the pass mark typed as a percentage', () => {
		const m = content.meta;
		const fields: [string, string | number][] = [
			['slug', content.slug],
			['meta.title', m.title],
			['meta.summary', m.summary],
			['meta.audience', m.audience],
			['meta.minutes', m.minutes],
			['meta.passMark', String(m.passMark * 100).replace('.', ',')],
			['meta.certificate.validityMonths', m.certificate.validityMonths],
			['meta.sources.count', m.sources.length],
			['markdown', content.markdown ?? '']
		];
		m.sources.forEach((s, i) =>
			fields.push(
				[`meta.sources.${i}.title`, s.title],
				[`meta.sources.${i}.publisher`, s.publisher],
				[`meta.sources.${i}.year`, s.year],
				[`meta.sources.${i}.url`, s.url ?? '']
			)
		);
		const r = new FormReader(form(fields));
		expect(applySettings(content, r, { slugEditable: true })).toEqual(content);
		expect(r.errors).toEqual({});
	});

	it('renames a node everywhere it is referred to', async () => {
		const index = content.steps.findIndex((s) => s.vignette);
		const step = content.steps[index];
		const fields = stepFields(step).map(([k, v]): [string, string | number | boolean] =>
			k.endsWith('.id') && v === 'n2b' ? [k, 'twijfel'] : [k, v]
		);
		const next = applyStep(step, new FormReader(form(fields)));
		expect(Object.keys(next.vignette!.nodes)).toContain('twijfel');
		expect(Object.keys(next.vignette!.nodes)).not.toContain('n2b');
		expect(next.vignette!.nodes.n1.choices.map((c) => c.next)).toContain('twijfel');
		const saved = { ...content, steps: content.steps.map((s, i) => (i === index ? next : s)) };
		expect(await draftIssues({ ...(await getDraft(trainer, draftId)), content: saved })).toEqual(
			[]
		);
	});
});

describe('pre-test setting', () => {
	it('sets the number of pre-test items, and an empty field removes the pre-test', () => {
		const withPretest = applySettings(content, new FormReader(form([['meta.pretest', '4']])), {
			slugEditable: false
		});
		expect(withPretest.meta.pretest).toBe(4);
		const without = applySettings(withPretest, new FormReader(form([['meta.pretest', ' ']])), {
			slugEditable: false
		});
		expect(without.meta.pretest).toBeUndefined();
		const r = new FormReader(form([['meta.pretest', 'vier']]));
		expect(applySettings(withPretest, r, { slugEditable: false }).meta.pretest).toBe(4);
		expect(r.errors['meta.pretest']).toEqual({ code: 'authoring.wholeNumber', params: {} });
	});
});

describe('bad input', () => {
	it('keeps the old number and says so in Dutch when a number cannot be read', () => {
		const r = new FormReader(
			form([
				['meta.minutes', 'veel'],
				['meta.passMark', '70%']
			])
		);
		const next = applySettings(content, r, { slugEditable: true });
		expect(next.meta.minutes).toBe(content.meta.minutes);
		expect(next.meta.passMark).toBe(content.meta.passMark);
		expect(
			Object.fromEntries(Object.entries(r.errors).map(([k, f]) => [k, describeFailure(f)]))
		).toEqual({
			'meta.minutes': 'Geef een geheel getal.',
			'meta.passMark': 'Geef een getal, bijvoorbeeld 0,7.'
		});
	});

	it('refuses duplicated fields, files, oversized texts and too many fields', () => {
		const twice = form([
			['meta.title', 'a'],
			['meta.title', 'b']
		]);
		expect(() => applySettings(content, new FormReader(twice), { slugEditable: true })).toThrow(
			EditorInputError
		);
		const file = new FormData();
		file.append('meta.title', new Blob(['x']), 'x.txt');
		expect(() => new FormReader(file)).toThrow(EditorInputError);
		const refusal = (make: () => unknown) => {
			try {
				make();
			} catch (e) {
				if (e instanceof EditorInputError) return describeFailure(e.failure);
				throw e;
			}
			throw new Error('not refused');
		};
		expect(
			refusal(() => new FormReader(form([['meta.title', 'x'.repeat(MAX_TEXT_LENGTH + 1)]])))
		).toBe('Een tekst is te lang: gebruik hoogstens 10.000 tekens per veld.');
		const many = form(Array.from({ length: 5000 }, (_, i): [string, string] => [`f${i}`, '']));
		expect(refusal(() => new FormReader(many))).toBe('Dit formulier heeft te veel velden.');
		expect(refusal(() => new FormReader(file))).toBe(
			'Dit formulier kon niet verwerkt worden. Laad de pagina opnieuw en probeer nog eens.'
		);
	});

	it('refuses unknown operations and positions outside the list', () => {
		for (const raw of [
			'drop:steps',
			'remove:steps',
			'move:steps:1',
			'add:steps:1',
			'remove:../x:1'
		]) {
			expect(() => parseOp(raw), raw).toThrow(EditorInputError);
		}
		expect(() => changeSteps(content, parseOp('remove:steps:99')!)).toThrow(EditorInputError);
		expect(() => changeSteps(content, parseOp('remove:meta.sources:0')!)).toThrow(EditorInputError);
		const lesson = content.steps[0];
		expect(() =>
			applyStep(lesson, new FormReader(form([])), parseOp('add:vignette.nodes'))
		).toThrow(EditorInputError);
	});

	it('keeps a node code that is empty or already used, with a message', () => {
		const step = content.steps.find((s) => s.vignette)!;
		const fields = stepFields(step).map(([k, v]): [string, string | number | boolean] =>
			k === 'vignette.nodes.0.id' ? [k, 'n2'] : k === 'vignette.nodes.1.id' ? [k, ' '] : [k, v]
		);
		const r = new FormReader(form(fields));
		const next = applyStep(step, r);
		expect(Object.keys(next.vignette!.nodes)).toEqual(Object.keys(step.vignette!.nodes));
		expect(describeFailure(r.errors['vignette.nodes.0.id'])).toBe(
			'De code "n2" komt al voor; kies een andere.'
		);
		expect(describeFailure(r.errors['vignette.nodes.1.id'])).toBe('Vul dit in.');
	});
});

describe('structure and issues', () => {
	it('adds steps before the assessment, moves and removes them, and keeps order numbers', () => {
		let next = addStep(content, 'lesson');
		expect(next.steps.at(-1)!.meta.kind).toBe('assessment');
		expect(next.steps.at(-2)!.meta.kind).toBe('lesson');
		next = changeSteps(next, parseOp('move:steps:1:up')!);
		expect(next.steps[0].slug).toBe(content.steps[1].slug);
		next = changeSteps(next, parseOp('remove:steps:0')!);
		expect(next.steps.map((s) => s.order)).toEqual(next.steps.map((_, i) => i + 1));
		expect(next.steps).toHaveLength(content.steps.length);
	});

	it('adds an item of each type with a module-wide unique code', () => {
		const quiz = content.steps.findIndex((s) => s.quiz);
		let next = content;
		for (const type of ['single', 'multi', 'mark', 'classify', 'judge'] as const) {
			next = changeItems(next, quiz, parseOp('add:quiz.items')!, type);
		}
		const added = next.steps[quiz].quiz!.items.slice(-5);
		expect(added.map((i) => i.type)).toEqual(['single', 'multi', 'mark', 'classify', 'judge']);
		const ids = next.steps.flatMap((s) => (itemsOf(s) ?? []).map((i) => i.id));
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('maps an unreachable node to its place in the form, with a Dutch label', async () => {
		const index = content.steps.findIndex((s) => s.vignette?.nodes.n2b);
		const step = structuredClone(content.steps[index]);
		step.vignette!.nodes.n1.choices.forEach((c) => {
			if (c.next === 'n2b') c.next = 'n2';
		});
		const broken = { ...content, steps: content.steps.map((s, i) => (i === index ? step : s)) };
		const issues = await draftIssues({ ...(await getDraft(trainer, draftId)), content: broken });
		const mapped = issuesFor(issues, `steps.${index}.`, step.vignette);
		const n2b = Object.keys(step.vignette!.nodes).indexOf('n2b');
		expect(mapped).toContainEqual({
			key: `vignette.nodes.${n2b}`,
			message: 'Niet te bereiken vanaf het begin van de casus.'
		});
		expect(fieldLabel(`vignette.nodes.${n2b}.choices.0.next`, vignetteToForm(step.vignette!))).toBe(
			'Situatie n2b, keuze 1, gaat naar'
		);
	});
});

describe('saving a form', () => {
	it('saves on the loaded revision and refuses a stale one without overwriting', async () => {
		const apply = (title: string) => (c: DraftContent) => ({ ...c, meta: { ...c.meta, title } });
		const first = await saveFromForm(trainer, draftId, form([['revision', 1]]), apply('Eerste'));
		expect(first).toMatchObject({ ok: true, revision: 2 });
		const stale = await saveFromForm(trainer, draftId, form([['revision', 1]]), apply('Tweede'));
		expect(stale).toMatchObject({ ok: false, status: 409, conflict: true });
		expect(draftContent(await getDraft(trainer, draftId)).meta.title).toBe('Eerste');
	});

	it('answers bad input and strangers with a status, never an exception', async () => {
		const bad = await saveFromForm(trainer, draftId, form([['revision', 'x']]), (c) => c);
		expect(bad).toMatchObject({ ok: false, status: 400 });
		const org = await makeOrganisation('School B');
		const other = await makeMember({ organisation: org, role: 'trainer' });
		const stranger: Author = {
			id: other.id,
			memberships: [{ organisationId: org, role: 'trainer' }]
		};
		expect(await saveFromForm(stranger, draftId, form([['revision', 1]]), (c) => c)).toMatchObject({
			ok: false,
			status: 404
		});
		const huge = (c: DraftContent) => ({ ...c, markdown: 'x'.repeat(3 * 1024 * 1024) });
		expect(await saveFromForm(trainer, draftId, form([['revision', 1]]), huge)).toMatchObject({
			ok: false,
			status: 413
		});
	});
});
