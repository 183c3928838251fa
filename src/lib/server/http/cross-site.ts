// Cross-site form posts are refused here, before any session is read. SvelteKit's own origin
// check is off (svelte.config.js) because an LMS must post to the two LTI endpoints from its own
// site; every other cross-site form still gets 403.
import { error, type Handle } from '@sveltejs/kit';
import { messages } from '$lib/i18n';
import { isForbiddenCrossSiteForm } from '../lti';

export const crossSiteForms: Handle = ({ event, resolve }) => {
	if (isForbiddenCrossSiteForm(event.request, event.url)) {
		error(403, { message: messages.errors[403] });
	}
	return resolve(event);
};
