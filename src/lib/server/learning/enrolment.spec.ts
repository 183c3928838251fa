import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, makeUser } from '../testing/testing';
import { syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import * as progress from './index';
import { workThrough } from '../demo/walkthrough';

const slug = 'wat-en-hoe';
const course = getCourse();
const mod = course.moduleBySlug.get(slug)!;

beforeEach(async () => {
	await freshDatabase();
	await syncShippedModules(course);
});

describe('resume', () => {
	it('resumes at an unfinished vignette, else at the next unfinished step', async () => {
		const u = await makeUser();
		await workThrough(u.id, slug, 2);
		const e = async () => (await progress.findEnrolment(u.id, slug))!;
		expect(await progress.resumeStep(await e())).toBe(mod.steps[2].slug);
		const vignette = mod.steps.find((s, i) => i >= 2 && s.meta.kind === 'vignette')!;
		const start = vignette.vignette!.start;
		await progress.chooseInVignette(u.id, slug, vignette.slug, start, 0);
		const state = await progress.vignetteState(await progress.moduleContext(u.id, slug), vignette);
		expect(state.ended).toBe(false);
		expect(await progress.resumeStep(await e())).toBe(vignette.slug);
	});
});
