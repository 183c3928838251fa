import { browser } from '$app/environment';
import type { Component } from 'svelte';
import type { PageLoad } from './$types';

// No client JavaScript on a lesson step: it is prose, links and one plain form, so the browser
// downloads none of the 35 KB gzip of the Svelte and SvelteKit runtimes and the page's own code.
export const csr = false;

// The prose is an mdsvex component compiled at build time; lessons use the lesson components,
// whose stylesheets SvelteKit links on the page because this module can import them. The server
// prints the prose it rendered once (+page.server.ts), so it runs no load here. Only a
// client-side navigation to a lesson step (from a page with scripts) renders the component.
const prose = import.meta.glob<{ default: Component }>('/modules/*/*/index.md');

export const load: PageLoad | undefined = browser
	? async ({ data }) => {
			const loader = data.indexPath ? prose[data.indexPath] : undefined;
			return { ...data, Prose: loader ? (await loader()).default : null, View: null };
		}
	: undefined;
