// Chains the handles like SvelteKit's sequence(), without its per-handle cost. sequence() wraps
// every handle in a tracing span, an AsyncLocalStorage run and an async function, and nests the
// page chunks through one async transform per handle: with seven handles that was a tenth of a
// bare page's CPU time. Each handle gets the event as its argument; the server build keeps
// SvelteKit's request store without AsyncLocalStorage (vite.config.ts,
// requestStoreWithoutAsyncHooks), so getRequestEvent() would work only before a handle's first
// await, and the platform does not call it.
import type { Handle, RequestEvent, ResolveOptions } from '@sveltejs/kit';

type MaybePromise<T> = T | Promise<T>;

/** sequence()'s rule: the inner handle's page-chunk transform runs first, then the outer one's. */
function merge(outer: ResolveOptions | undefined, inner: ResolveOptions | undefined) {
	if (!outer) return inner;
	if (!inner) return outer;
	const first = inner.transformPageChunk;
	const second = outer.transformPageChunk;
	const merged: ResolveOptions = {
		filterSerializedResponseHeaders:
			outer.filterSerializedResponseHeaders ?? inner.filterSerializedResponseHeaders,
		preload: outer.preload ?? inner.preload
	};
	if (first || second) {
		merged.transformPageChunk = async ({ html, done }) => {
			if (first) html = (await first({ html, done })) ?? '';
			if (second) html = (await second({ html, done })) ?? '';
			return html;
		};
	}
	return merged;
}

/** The handles in order, outermost first, as sequence(...handles) runs them. */
export function compose(...handles: Handle[]): Handle {
	return ({ event, resolve }) => {
		const step = (
			i: number,
			current: RequestEvent,
			options: ResolveOptions | undefined
		): MaybePromise<Response> =>
			i === handles.length
				? resolve(current, options)
				: handles[i]({
						event: current,
						resolve: (next, inner) => step(i + 1, next, merge(options, inner))
					});
		return step(0, event, undefined);
	};
}
