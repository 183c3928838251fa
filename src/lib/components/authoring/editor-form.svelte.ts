// The editor form in the browser: saves by itself 1.5 s after the last change and when a field is
// left, through the same form action as the Bewaren button, without moving focus. An explicit save
// or publish moves focus to the first field with an error. A stale revision stops autosaving.
import { deserialize } from '$app/forms';
import { afterNavigate } from '$app/navigation';
import type { ActionResult, SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';
import { messages } from '$lib/i18n';

export interface PageIssue {
	key: string;
	label: string;
	message: string;
}

/** What the editor actions return on success. */
export interface Saved {
	revision: number;
	savedAt: string;
	issues: PageIssue[];
	preview?: string;
}

const DELAY_MS = 1500;

/** Whether a field differs from what the server rendered into the page. */
function changedBeforeScripts(form: HTMLFormElement): boolean {
	for (const field of Array.from(form.elements)) {
		if (field instanceof HTMLInputElement) {
			if (field.type === 'checkbox' || field.type === 'radio') {
				if (field.checked !== field.defaultChecked) return true;
			} else if (!['hidden', 'submit', 'button', 'reset', 'file'].includes(field.type)) {
				if (field.value !== field.defaultValue) return true;
			}
		} else if (field instanceof HTMLTextAreaElement) {
			// `value` has the browser's line ends (LF), `defaultValue` the text as rendered.
			if (field.value !== field.defaultValue.replace(/\r\n?/g, '\n')) return true;
		} else if (field instanceof HTMLSelectElement) {
			const options = Array.from(field.options);
			if (field.multiple) {
				if (options.some((o) => o.selected !== o.defaultSelected)) return true;
			} else {
				// Without a `selected` attribute the first option is the one shown.
				const rendered = Math.max(
					0,
					options.findIndex((o) => o.defaultSelected)
				);
				if (options.length > 0 && field.selectedIndex !== rendered) return true;
			}
		}
	}
	return false;
}

export class EditorForm {
	/** The newest revision an autosave produced (the page takes the max with its loaded one). */
	autosaved = $state(0);
	status = $state('');
	conflict = $state(false);
	failure = $state('');
	/** Issues and preview from the last autosave, until the page data is loaded again. */
	live = $state<Saved | null>(null);

	#form: HTMLFormElement | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#dirty = false;
	#inflight: Promise<void> | null = null;
	/** Whether a field differed from its rendered value when the form was attached. */
	#typedEarly = false;

	constructor(private readonly loadedRevision: () => number) {}

	/** A new page (another step, or data loaded again) starts without the last autosave's view. */
	reset(): void {
		this.live = null;
		this.autosaved = 0;
	}

	get revision(): number {
		return Math.max(this.loadedRevision(), this.autosaved);
	}

	/**
	 * Called once the page the server rendered has its scripts (`afterNavigate`, type `enter`):
	 * what was typed before then (a slow connection or a busy server) sent no input event, so it
	 * counts as a change now. Not for a page rendered in the browser, whose fields carry no
	 * rendered defaults to compare with (`attach` reads them for both).
	 */
	scriptsStarted(): void {
		if (this.#typedEarly) this.#changed();
		this.#typedEarly = false;
	}

	#changed(): void {
		this.#dirty = true;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.#save(), DELAY_MS);
	}

	/** Svelte action for the form element. */
	attach = (form: HTMLFormElement) => {
		this.#form = form;
		const changed = () => this.#changed();
		// Read now: once the scripts have started, Svelte drops the rendered defaults (in a
		// microtask after hydration), so they cannot be compared later.
		this.#typedEarly = changedBeforeScripts(form);
		const left = () => {
			if (!this.#dirty) return;
			clearTimeout(this.#timer);
			void this.#save();
		};
		form.addEventListener('input', changed);
		form.addEventListener('change', changed);
		form.addEventListener('focusout', left);
		return {
			destroy: () => {
				clearTimeout(this.#timer);
				form.removeEventListener('input', changed);
				form.removeEventListener('change', changed);
				form.removeEventListener('focusout', left);
			}
		};
	};

	#save(): Promise<void> {
		if (this.#inflight) {
			// Saved again as soon as the running save has its new revision.
			return this.#inflight.then(() => this.#save());
		}
		const form = this.#form;
		if (!form || !this.#dirty || this.conflict) return Promise.resolve();
		this.#dirty = false;
		const body = new FormData(form);
		body.set('revision', String(this.revision));
		body.delete('op');
		this.status = messages.authoringEditor.saving;
		const page = location.pathname;
		this.#inflight = fetch('?/save', {
			method: 'POST',
			body,
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
		})
			.then(async (response) => {
				const result = deserialize(await response.text());
				// Saved, but the author has moved on to another page: show nothing of it there.
				if (location.pathname === page) this.#handle(result);
				else {
					this.status = '';
					if (result.type === 'success' && result.data?.saved)
						this.autosaved = Math.max(this.autosaved, (result.data.saved as Saved).revision);
				}
			})
			.catch(() => {
				this.#dirty = true;
				this.status = messages.authoringEditor.saveFailed;
			})
			.finally(() => {
				this.#inflight = null;
			});
		return this.#inflight;
	}

	#handle(result: ActionResult): void {
		if (result.type === 'success' && result.data?.saved) {
			const saved = result.data.saved as Saved;
			this.autosaved = Math.max(this.autosaved, saved.revision);
			this.live = saved;
			this.status = messages.authoringEditor.savedAt(saved.savedAt);
			this.failure = '';
		} else if (result.type === 'failure') {
			const data = result.data as { conflict?: boolean; message?: string } | undefined;
			if (data?.conflict) this.conflict = true;
			this.failure = data?.message ?? messages.authoringEditor.saveFailed;
			this.status = '';
		} else {
			this.status = messages.authoringEditor.saveFailed;
		}
	}

	/** use:enhance callback: waits for a running autosave, then submits on its revision. */
	submit: SubmitFunction = async ({ formData, submitter }) => {
		clearTimeout(this.#timer);
		if (this.#inflight) await this.#inflight;
		this.#dirty = false;
		formData.set('revision', String(this.revision));
		// Leaving the field for the button may have autosaved just before: its "saved at" must
		// not stand for this save, which is still on its way (an author who then leaves the page
		// would publish on a revision this save makes stale).
		this.status = messages.authoringEditor.saving;
		const explicit = submitter?.getAttribute('name') !== 'op';
		return async ({ result, update }) => {
			// Shown at once: while the page data loads again (slow on a busy server), the preview
			// and issues must not fall back to the data loaded before this save.
			if (result.type === 'success' || result.type === 'failure') this.#handle(result);
			else this.status = '';
			await update({ reset: false });
			if (explicit) {
				await tick();
				const first = this.#form?.querySelector<HTMLElement>('[data-error-target]');
				if (first) {
					first.focus();
					first.scrollIntoView({ block: 'center' });
				}
			}
		};
	};
}

/** Issues and preview of one revision of the draft. */
interface Shown {
	revision: number;
	issues: PageIssue[];
	preview?: string;
}

/**
 * What an editor page shows of the draft: issues and preview of the newest revision among the last
 * autosave, the last submitted form and the loaded page (on a tie, in that order, as only they
 * carry the form's input errors); and the save time or refusal of the last submit. Create it while
 * the page component initialises (it resets the autosave view whenever the page data is loaded
 * again).
 */
export class EditorView {
	readonly editor: EditorForm;
	readonly #data: () => { revision: number; issues: PageIssue[]; preview?: string };
	readonly #form: () => unknown;

	readonly saved = $derived.by(() => {
		const form = this.#form();
		return form && typeof form === 'object' && 'saved' in form ? (form.saved as Saved) : undefined;
	});
	readonly failure = $derived.by(() => {
		const form = this.#form();
		return form && typeof form === 'object' && 'message' in form
			? (form.message as string)
			: undefined;
	});
	/** The newest of the three: an older one never hides a newer one, whatever order they land in. */
	readonly #shown = $derived.by((): Shown => {
		let newest: Shown = this.#data();
		for (const candidate of [this.saved, this.editor.live]) {
			if (candidate && candidate.revision >= newest.revision) newest = candidate;
		}
		return newest;
	});
	readonly issues = $derived(this.#shown.issues);
	readonly issueOf = $derived(Object.fromEntries(this.issues.map((i) => [i.key, i.message])));
	readonly preview = $derived(this.#shown.preview ?? '');

	constructor(
		data: () => { revision: number; issues: PageIssue[]; preview?: string },
		form: () => unknown
	) {
		this.#data = data;
		this.#form = form;
		this.editor = new EditorForm(() => data().revision);
		$effect.pre(() => {
			void data();
			this.editor.reset();
		});
		afterNavigate((navigation) => {
			if (navigation.type === 'enter') this.editor.scriptsStarted();
		});
	}
}
