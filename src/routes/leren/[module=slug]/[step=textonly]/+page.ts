import type { Component } from 'svelte';
import type { PageLoad } from './$types';

// No client JavaScript on a lesson step: it is prose, links and one plain form, so the browser
// downloads none of the 35 KB gzip of the Svelte and SvelteKit runtimes and the page's own code.
// The prose is an mdsvex component compiled at build time (lessons use the lesson components,
// whose styles come with it); this load runs on the server only.
export const csr = false;

const prose = import.meta.glob<{ default: Component }>('/modules/*/*/index.md');

export const load: PageLoad = async ({ data }) => {
	const loader = data.indexPath ? prose[data.indexPath] : undefined;
	const Prose = loader ? (await loader()).default : null;
	return { ...data, Prose, View: null };
};
