// Lesson steps: reading a lesson marks it done.
import { transaction } from '../db';
import { loadVersion } from '../content/versions';
import { notFound } from './errors';
import { startModule } from './enrolment';
import { refreshEnrolment, touchProgress } from './records';

/** Marks a lesson as read. */
export function completeLesson(
	userId: number,
	slug: string,
	stepSlug: string,
	now = Date.now()
): void {
	transaction(() => {
		const e = startModule(userId, slug, now);
		const version = loadVersion(e.moduleVersionId)!;
		const step = version.stepBySlug.get(stepSlug);
		if (!step || step.meta.kind !== 'lesson') throw notFound();
		touchProgress(e.id, stepSlug, { status: 'done' }, now);
		refreshEnrolment(e, stepSlug, now);
	});
}
