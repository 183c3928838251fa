// Lesson steps: reading a lesson marks it done.
import { transaction } from '../db';
import { loadVersion } from '../content/versions';
import { notFound } from './errors';
import { startModule } from './enrolment';
import { refreshEnrolment, touchProgress } from './records';

/** Marks a lesson as read. */
export async function completeLesson(
	userId: number,
	slug: string,
	stepSlug: string,
	now = Date.now()
): Promise<void> {
	await transaction(async () => {
		const e = await startModule(userId, slug, now);
		const version = (await loadVersion(e.moduleVersionId))!;
		const step = version.stepBySlug.get(stepSlug);
		if (!step || step.meta.kind !== 'lesson') throw notFound();
		await touchProgress(e.id, stepSlug, { status: 'done' }, now);
		await refreshEnrolment(e, stepSlug, now);
	});
}
