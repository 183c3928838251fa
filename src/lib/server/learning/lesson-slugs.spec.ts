import { describe, expect, it } from 'vitest';
import { getCourse } from '../content/course';
import { isLessonSlug } from './learner-pages';

describe('isLessonSlug (the route without client JavaScript)', () => {
	const steps = getCourse().modules.flatMap((m) => m.steps);

	it('takes every step that is a lesson in the shipped course', () => {
		const lessons = steps.filter((s) => s.meta.kind === 'lesson');
		expect(lessons.length).toBeGreaterThan(0);
		for (const s of lessons) expect(isLessonSlug(s.slug)).toBe(true);
	});

	it('leaves quizzes, vignettes, assessments and unknown slugs to the scripted step route', () => {
		const others = steps.filter((s) => s.meta.kind !== 'lesson');
		expect(others.map((s) => s.meta.kind)).toEqual(
			expect.arrayContaining(['quiz', 'vignette', 'assessment'])
		);
		for (const s of others) expect(isLessonSlug(s.slug)).toBe(false);
		expect(isLessonSlug('bestaat-niet')).toBe(false);
	});
});
