import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase, makeUser } from '../testing/testing';
import { syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import { db } from '../db';
import { response } from '../db/schema';
import * as progress from './index';
import { completeStep } from '../demo/walkthrough';

const slug = 'wat-en-hoe';
const course = getCourse();
const mod = course.moduleBySlug.get(slug)!;
const vignetteStep = mod.steps.find((s) => s.meta.kind === 'vignette')!;

beforeEach(async () => {
	await freshDatabase();
	await syncShippedModules(course);
});

async function responses(userId: number) {
	return await db.select().from(response).where(eq(response.userId, userId));
}

describe('vignettes', () => {
	it('stores each choice, ignores a stale node and finishes at an ending', async () => {
		const u = await makeUser();
		const v = vignetteStep.vignette!;
		const start = v.start;
		const outcome = await progress.chooseInVignette(u.id, slug, vignetteStep.slug, start, 0);
		expect(outcome.feedback).toBe(v.nodes[start].choices[0].feedback);
		// Replaying the first form (back button, second tab) changes nothing.
		if (outcome.next !== start) {
			await expect(
				progress.chooseInVignette(u.id, slug, vignetteStep.slug, start, 1)
			).rejects.toThrow('learning.vignetteMoved');
		}
		expect(await responses(u.id)).toHaveLength(1);
		await completeStep(u.id, slug, vignetteStep.slug);
		const state = await progress.vignetteState(
			await progress.moduleContext(u.id, slug),
			vignetteStep
		);
		expect(state.ended).toBe(true);
		expect(state.path.length).toBeGreaterThanOrEqual(2);
		expect(state.path[0].nodeId).toBe(start);
		expect((await progress.moduleContext(u.id, slug)).steps.get(vignetteStep.slug)?.status).toBe(
			'done'
		);
	});

	it('a second run after a restart is practice', async () => {
		const u = await makeUser();
		await completeStep(u.id, slug, vignetteStep.slug);
		const firstRun = (await responses(u.id)).length;
		await progress.restartVignette(u.id, slug, vignetteStep.slug);
		const state = await progress.vignetteState(
			await progress.moduleContext(u.id, slug),
			vignetteStep
		);
		expect(state.current).toBe(vignetteStep.vignette!.start);
		expect(state.path).toEqual([]);
		await completeStep(u.id, slug, vignetteStep.slug);
		const rows = await responses(u.id);
		expect(rows.slice(firstRun).every((r) => !r.isFirst)).toBe(true);
		expect(rows.slice(0, firstRun).every((r) => r.isFirst)).toBe(true);
	});
});
