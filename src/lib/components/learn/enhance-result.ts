// The rare answers to an enhanced learning form (./enhance.ts) other than a redirect, shown as
// `use:enhance` shows them: a refusal ("kies eerst een antwoord") as the page's `form` data, an
// error as the error page. Loaded only when such an answer comes.
import type { ActionResult } from '@sveltejs/kit';
import { applyAction, deserialize } from '$app/forms';
import { invalidateAll } from '$app/navigation';

/** `status` and `text` of the action's response; status 0 when there was none. */
export async function showResult(status: number, text: string): Promise<void> {
	let result: ActionResult;
	try {
		result = deserialize(text);
		if (result.type === 'error') result.status = status;
	} catch (error) {
		result = { type: 'error', error };
	}
	if (result.type === 'success') await invalidateAll();
	await applyAction(result);
}
