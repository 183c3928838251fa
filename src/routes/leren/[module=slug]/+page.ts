import type { Component } from 'svelte';
import type { PageLoad } from './$types';

// Module introductions are mdsvex components compiled at build time; only the one shown is loaded.
const intros = import.meta.glob('/modules/*/index.md');

export const load: PageLoad = async ({ data }) => {
	const loader = data.introPath ? intros[data.introPath] : undefined;
	const Intro = loader ? ((await loader()) as { default: Component }).default : null;
	return { ...data, Intro };
};
