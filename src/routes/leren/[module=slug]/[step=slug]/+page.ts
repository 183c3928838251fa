import type { Component } from 'svelte';
import type { PageLoad } from './$types';

// Step prose is an mdsvex component compiled at build time; graded YAML never reaches here.
const prose = import.meta.glob('/modules/*/*/index.md');

export const load: PageLoad = async ({ data }) => {
	const loader = data.indexPath ? prose[data.indexPath] : undefined;
	const Prose = loader ? ((await loader()) as { default: Component }).default : null;
	return { ...data, Prose };
};
