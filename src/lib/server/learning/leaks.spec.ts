import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, makeUser } from '../testing/testing';
import { syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import * as pages from './learner-pages';
import * as progress from './index';
import { workThrough } from '../demo/walkthrough';
import { itemSecrets, vignetteSecrets } from '../../../../tests/e2e/secrets';

const course = getCourse();

beforeEach(async () => {
	await freshDatabase();
	await syncShippedModules(course);
});

function expectNoSecrets(data: unknown, secrets: string[], where: string) {
	const json = JSON.stringify(data);
	for (const secret of secrets) {
		expect(
			json.includes(JSON.stringify(secret).slice(1, -1)),
			`${where} leaks: ${secret.slice(0, 60)}`
		).toBe(false);
	}
	expect(json, where).not.toMatch(/"(correct|signals|signal|expected)":|"feedback":"/);
}

describe('no answers reach the browser before an item is answered', () => {
	for (const mod of course.modules) {
		it(`${mod.slug}: quiz and vignette steps`, async () => {
			const u = await makeUser();
			for (const step of mod.steps) {
				if (step.quiz) {
					const data = await pages.stepPage(u.id, mod.slug, step.slug);
					expectNoSecrets(data, step.quiz.items.flatMap(itemSecrets), `${mod.slug}/${step.slug}`);
				}
				if (step.vignette) {
					const data = await pages.stepPage(u.id, mod.slug, step.slug);
					expectNoSecrets(data, vignetteSecrets(step.vignette), `${mod.slug}/${step.slug}`);
				}
			}
		});

		it(`${mod.slug}: an open final assessment`, async () => {
			const u = await makeUser();
			const step = mod.steps.find((s) => s.meta.kind === 'assessment')!;
			if (mod.meta.refreshes.length) {
				// The refresher opens only with a certificate near its expiry.
				await workThrough(
					u.id,
					mod.meta.refreshes[0],
					undefined,
					Date.now() - 700 * 24 * 3600 * 1000
				);
			}
			await workThrough(u.id, mod.slug, mod.steps.length - 1);
			await progress.startAssessment(u.id, mod.slug, step.slug);
			const data = await pages.stepPage(u.id, mod.slug, step.slug);
			expect('assessment' in data && data.assessment.attempt?.items.length).toBe(
				step.assessment!.draw
			);
			expectNoSecrets(data, step.assessment!.pool.flatMap(itemSecrets), `${mod.slug}/${step.slug}`);
		});
	}
});
