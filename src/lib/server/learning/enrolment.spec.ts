import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, makeUser } from '../testing/testing';
import { syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import * as progress from './index';
import { workThrough } from '../demo/walkthrough';

const slug = 'wat-en-hoe';
const course = getCourse();
const mod = course.moduleBySlug.get(slug)!;

beforeEach(() => {
	freshDatabase();
	syncShippedModules(course);
});

describe('resume', () => {
	it('resumes at an unfinished vignette, else at the next unfinished step', async () => {
		const u = await makeUser();
		workThrough(u.id, slug, 2);
		const e = () => progress.findEnrolment(u.id, slug)!;
		expect(progress.resumeStep(e())).toBe(mod.steps[2].slug);
		const vignette = mod.steps.find((s, i) => i >= 2 && s.meta.kind === 'vignette')!;
		const start = vignette.vignette!.start;
		progress.chooseInVignette(u.id, slug, vignette.slug, start, 0);
		const state = progress.vignetteState(progress.moduleContext(u.id, slug), vignette);
		expect(state.ended).toBe(false);
		expect(progress.resumeStep(e())).toBe(vignette.slug);
	});
});
