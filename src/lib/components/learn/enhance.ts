// Progressive enhancement for learning forms: the form is posted in the background and, after the
// server answers, focus moves to the part of the page that changed (the feedback), so keyboard
// and screen-reader users land on it. Without JavaScript the same forms post and redirect.
//
// What `use:enhance` from `$app/forms` does for these forms (a POST of url-encoded fields to an
// action of the page itself), without loading `$app/forms` with every step page: the usual
// answer is a redirect, which needs only `goto`. Anything else (a refused answer, an error) is
// rare, and loads ./enhance-result.ts then.
import { goto } from '$app/navigation';
import { tick } from 'svelte';

/** A Svelte action: `<form method="POST" use:submitThenFocus={'feedback-x'}>`. */
export function submitThenFocus(form: HTMLFormElement, id: string) {
	let target = id;
	async function submit(event: SubmitEvent) {
		event.preventDefault();
		let status = 0;
		let text = '';
		let location: string | undefined;
		try {
			// The attribute, not `form.action`: a judge item has a field named "action", which that
			// property would return. fetch resolves it against the page's address, as the form does.
			const response = await fetch(form.getAttribute('action') ?? '', {
				method: 'POST',
				headers: { accept: 'application/json', 'x-sveltekit-action': 'true' },
				cache: 'no-store',
				body: new URLSearchParams(
					new FormData(form, event.submitter) as unknown as Record<string, string>
				)
			});
			status = response.status;
			text = await response.text();
			const result = JSON.parse(text);
			if (result.type === 'redirect') location = result.location;
		} catch {
			// No answer, or not one SvelteKit wrote: shown as an error below.
		}
		if (location) {
			// Keep SvelteKit from resetting focus to the page start after the navigation.
			await goto(location, { invalidateAll: true, keepFocus: true, noScroll: true });
		} else {
			await (await import('./enhance-result')).showResult(status, text);
		}
		await tick();
		const element = document.getElementById(target);
		if (element) {
			element.focus();
			element.scrollIntoView({ block: 'start' });
		}
	}
	const onSubmit = (event: SubmitEvent) => void submit(event);
	form.addEventListener('submit', onSubmit);
	return {
		update(next: string) {
			target = next;
		},
		destroy() {
			form.removeEventListener('submit', onSubmit);
		}
	};
}
