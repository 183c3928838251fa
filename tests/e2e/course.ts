// The shipped course as the tests see it: the real files, loaded by the real loader, so tests can
// give right and wrong answers without hard-coding them.
import { loadCourse } from '../../src/lib/server/content/load';
import { correctAnswer, wrongAnswer } from '../../src/lib/server/learning/grading';
import type { Item } from '../../src/lib/content/schema';

export const course = loadCourse('modules');

export function moduleBySlug(slug: string) {
	const mod = course.moduleBySlug.get(slug);
	if (!mod) throw new Error(`no module ${slug}`);
	return mod;
}

export function itemById(slug: string, id: string): Item {
	for (const step of moduleBySlug(slug).steps) {
		const found = [...(step.quiz?.items ?? []), ...(step.assessment?.pool ?? [])].find(
			(i) => i.id === id
		);
		if (found) return found;
	}
	throw new Error(`no item ${id} in ${slug}`);
}

export { correctAnswer, wrongAnswer };
