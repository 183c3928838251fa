// A lesson step: the step route's load and actions (../[step=slug]), served without client
// JavaScript (+page.ts). The only form, "gelezen", is a plain form that redirects.
// The prose is rendered once per step and kept in this process ($lib/content/lesson-prose);
// the page prints it from there. It does not travel as data: SvelteKit serialises a server
// load's data into every response, also without client JavaScript, at a cost per character.
import type { PageServerLoad } from './$types';
import { _loadStep, _renderProse } from '../[step=slug]/+page.server';
import { lessonProseHtml, rememberLessonProse } from '$lib/content/lesson-prose';

export { actions } from '../[step=slug]/+page.server';

export const load: PageServerLoad = async (event) => {
	const step = await _loadStep(event, false);
	const { indexPath } = step;
	// Rendered on the lesson's first view in this process; later views find it remembered.
	if (indexPath && lessonProseHtml(indexPath) === null) {
		const html = _renderProse(indexPath);
		if (html) rememberLessonProse(indexPath, await html);
	}
	return step;
};
