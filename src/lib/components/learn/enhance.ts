// Progressive enhancement for learning forms: after the server answers, move focus to the part of
// the page that changed (the feedback), so keyboard and screen-reader users land on it.
import type { SubmitFunction } from '@sveltejs/kit';
import { goto } from '$app/navigation';
import { tick } from 'svelte';

export function focusAfter(id: string): SubmitFunction {
	return () =>
		async ({ result, update }) => {
			if (result.type === 'redirect') {
				// Keep SvelteKit from resetting focus to the page start after the navigation.
				await goto(result.location, { invalidateAll: true, keepFocus: true, noScroll: true });
			} else {
				await update({ reset: false });
			}
			await tick();
			const target = document.getElementById(id);
			if (target) {
				target.focus();
				target.scrollIntoView({ block: 'start' });
			}
		};
}
