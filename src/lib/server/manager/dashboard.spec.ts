import { beforeEach, describe, expect, it } from 'vitest';
import { getCourse } from '../content/course';
import {
	freshDatabase,
	makeEnrolment,
	makeLearner,
	makeMastery,
	makeOrganisation,
	syncCourse
} from '../testing/testing';
import { learnerDashboard, masteryLevel, signalMap } from './dashboard';

const day = 24 * 3600 * 1000;
let org: number;

beforeEach(async () => {
	await freshDatabase();
	await syncCourse();
	org = await makeOrganisation('School A');
});

describe('learnerDashboard', () => {
	it('suggests modules for the learner’s profession only, never the refresher', async () => {
		const teacher = await makeLearner({ organisation: org, audience: 'leerkracht' });
		const slugs = (await learnerDashboard(teacher.id, 'leerkracht')).suggested.map((m) => m.slug);
		expect(slugs).toContain('signalen-op-school');
		expect(slugs).not.toContain('signalen-in-de-hulpverlening');
		expect(slugs).not.toContain('opfrissing');
	});

	it('shows the newest work first and moves finished modules out of the suggestions', async () => {
		const u = await makeLearner({ organisation: org });
		await makeEnrolment({
			user: u.id,
			module: 'wat-en-hoe',
			updatedAt: new Date(Date.now() - 3 * day)
		});
		await makeEnrolment({ user: u.id, module: 'handelen', updatedAt: new Date(Date.now() - day) });
		await makeEnrolment({
			user: u.id,
			module: 'signalen-op-school',
			completedAt: new Date(Date.now() - 2 * day)
		});
		const dashboard = await learnerDashboard(u.id, 'leerkracht');
		expect(dashboard.inProgress.map((m) => m.slug)).toEqual(['handelen', 'wat-en-hoe']);
		expect(dashboard.completed.map((m) => m.slug)).toEqual(['signalen-op-school']);
		const suggested = dashboard.suggested.map((m) => m.slug);
		for (const slug of ['handelen', 'wat-en-hoe', 'signalen-op-school']) {
			expect(suggested).not.toContain(slug);
		}
		// "Verder gaan" leads into the module, to one of its steps.
		const steps = getCourse()
			.moduleBySlug.get('handelen')!
			.steps.map((s) => s.slug);
		expect(steps).toContain(dashboard.inProgress[0].resumeStep);
	});
});

describe('signal map', () => {
	it('calls a signal strong only after three sightings with four in five recognised', () => {
		expect(masteryLevel(0, 0)).toBe('unseen');
		expect(masteryLevel(1, 1)).toBe('few');
		expect(masteryLevel(5, 3)).toBe('practise');
		expect(masteryLevel(5, 4)).toBe('strong');
	});

	it('lists every signal of the course by category with the learner’s own record', async () => {
		const u = await makeLearner({ organisation: org });
		const other = await makeLearner({ organisation: org });
		const signal = getCourse().signals[0];
		await makeMastery(u.id, signal.id, 3, 3);
		await makeMastery(other.id, signal.id, 4, 0);
		const map = await signalMap(u.id);
		const all = map.flatMap((c) => c.signals);
		expect(all).toHaveLength(getCourse().signals.length);
		expect(all.find((s) => s.id === signal.id)).toMatchObject({
			seen: 3,
			correct: 3,
			level: 'strong'
		});
		expect(all.filter((s) => s.id !== signal.id).every((s) => s.level === 'unseen')).toBe(true);
	});
});
