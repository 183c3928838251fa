// The signal timeline in the final assessment's review (issue 20 item 2): case (judge) items get
// it with the per-item review, and no item has it before the attempt is submitted.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, makeUser } from '../testing/testing';
import { syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import * as pages from './learner-pages';
import * as progress from './index';
import { takeAssessment, workThrough } from '../demo/walkthrough';

const slug = 'wat-en-hoe';
const course = getCourse();
const mod = course.moduleBySlug.get(slug)!;
const step = mod.steps.find((s) => s.meta.kind === 'assessment')!;
const typeOf = new Map(step.assessment!.pool.map((i) => [i.id, i.type]));

beforeEach(async () => {
	await freshDatabase();
	await syncShippedModules(course);
});

async function attemptItems(userId: number) {
	const data = await pages.stepPage(userId, slug, step.slug);
	if (!('assessment' in data) || !data.assessment.attempt) throw new Error('no attempt');
	return data.assessment.attempt.items;
}

describe('the timeline in the assessment review', () => {
	it('is absent while the attempt is open and shown for case items once reviewed', async () => {
		const u = await makeUser();
		await workThrough(u.id, slug, mod.steps.length - 1);
		await progress.startAssessment(u.id, slug, step.slug);
		const open = await attemptItems(u.id);
		expect(open.some((it) => typeOf.get(it.view.id) === 'judge')).toBe(true);
		for (const item of open) expect(item.timeline).toBeNull();

		expect((await takeAssessment(u.id, slug, step.slug, true)).passed).toBe(true);
		for (const item of await attemptItems(u.id)) {
			if (typeOf.get(item.view.id) !== 'judge') {
				expect(item.timeline).toEqual([]);
				continue;
			}
			const judge = step.assessment!.pool.find((i) => i.id === item.view.id)!;
			expect(item.verdict).toBe('right');
			expect(item.timeline).toHaveLength(1);
			const [entry] = item.timeline!;
			expect(entry.acted).toBe(true);
			expect(entry.signals.map((s) => s.id)).toEqual(judge.type === 'judge' ? judge.signals : []);
			expect(entry.nextStep).toBeTruthy();
		}
	});
});
