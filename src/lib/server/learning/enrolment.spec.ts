import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, makeUser } from '../testing/testing';
import { syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import * as progress from './index';
import { workThrough } from '../demo/walkthrough';
import { eq } from 'drizzle-orm';
import { db, transaction } from '../db';
import { enrolment, moduleVersion, stepProgress } from '../db/schema';

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

describe('module context', () => {
	it('shows the newest enrolment with its own steps, the same inside and outside a write', async () => {
		const u = await makeUser();
		await workThrough(u.id, slug, 3);
		const old = (await progress.findEnrolment(u.id, slug))!;
		// A newer version of the module, started afresh: one step done there.
		const [first] = await db
			.select()
			.from(moduleVersion)
			.where(eq(moduleVersion.id, old.moduleVersionId));
		const [newer] = await db
			.insert(moduleVersion)
			.values({ ...first, id: undefined, version: first.version + 1 })
			.returning({ id: moduleVersion.id });
		const [fresh] = await db
			.insert(enrolment)
			.values({
				userId: u.id,
				moduleVersionId: newer.id,
				moduleSlug: slug,
				stepsTotal: old.stepsTotal,
				startedAt: new Date(),
				updatedAt: new Date()
			})
			.returning({ id: enrolment.id });
		await db.insert(stepProgress).values([
			{
				enrolmentId: fresh.id,
				stepSlug: mod.steps[0].slug,
				status: 'done',
				updatedAt: new Date()
			},
			// A case half way: its node and a fractional score come back as written.
			{
				enrolmentId: fresh.id,
				stepSlug: mod.steps[1].slug,
				status: 'started',
				currentNode: 'n2b',
				score: 1.5,
				maxScore: 4.25,
				updatedAt: new Date()
			}
		]);

		const outside = await progress.moduleContext(u.id, slug);
		expect(outside.enrolment?.id).toBe(fresh.id);
		expect([...outside.steps.keys()].sort()).toEqual([mod.steps[0].slug, mod.steps[1].slug].sort());
		expect(outside.steps.get(mod.steps[0].slug)).toEqual({
			stepSlug: mod.steps[0].slug,
			status: 'done',
			currentNode: null,
			score: 0,
			maxScore: 0
		});
		expect(outside.steps.get(mod.steps[1].slug)).toEqual({
			stepSlug: mod.steps[1].slug,
			status: 'started',
			currentNode: 'n2b',
			score: 1.5,
			maxScore: 4.25
		});
		const inside = await transaction(async () => await progress.moduleContext(u.id, slug));
		expect(inside.enrolment).toEqual(outside.enrolment);
		expect(inside.steps).toEqual(outside.steps);

		// Before any step: the enrolment, and no steps.
		const other = await makeUser();
		await progress.startModule(other.id, slug);
		const started = await progress.moduleContext(other.id, slug);
		expect(started.enrolment?.userId).toBe(other.id);
		expect(started.steps.size).toBe(0);
		expect((await progress.moduleContext((await makeUser()).id, slug)).enrolment).toBeUndefined();
	});
});
