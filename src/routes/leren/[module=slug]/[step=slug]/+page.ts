import type { Component } from 'svelte';
import type { PageLoad } from './$types';

// The interactive part of a step, per kind, in its own chunk: the quiz page does not download the
// vignette or the assessment. The prose of these steps comes from the server as HTML
// (+page.server.ts); lesson steps load their prose component in ../[step=textonly]/+page.ts.
const views = {
	vignette: () => import('./VignetteStep.svelte'),
	quiz: () => import('./QuizStep.svelte'),
	assessment: () => import('./AssessmentStep.svelte')
};

export const load: PageLoad = async ({ data }) => {
	const kind = data.step.kind;
	const View = kind === 'lesson' ? null : (await views[kind]()).default;
	return { ...data, Prose: null as Component | null, View };
};
