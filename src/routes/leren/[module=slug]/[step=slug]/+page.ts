import type { Component } from 'svelte';
import type { PageLoad } from './$types';

// Step prose is an mdsvex component compiled at build time; graded YAML never reaches here.
const prose = import.meta.glob('/modules/*/*/index.md');

// The interactive part of a step, per kind, in its own chunk: a lesson step (the most visited
// page) does not download the quiz widgets, the vignette or the assessment. Both imports start
// at once, so a step costs one round trip for its code, as before for the prose.
const views = {
	vignette: () => import('./VignetteStep.svelte'),
	quiz: () => import('./QuizStep.svelte'),
	assessment: () => import('./AssessmentStep.svelte')
};

export const load: PageLoad = async ({ data }) => {
	const loader = data.indexPath ? prose[data.indexPath] : undefined;
	const kind = data.step.kind;
	// Authored modules' sanitised Markdown is printed by SafeHtml, loaded only for them.
	const [Prose, View, Html] = await Promise.all([
		loader ? (loader() as Promise<{ default: Component }>).then((m) => m.default) : null,
		kind === 'lesson' ? null : views[kind]().then((m) => m.default),
		data.html ? import('$lib/components/SafeHtml.svelte').then((m) => m.default) : null
	]);
	return { ...data, Prose, View, Html };
};
