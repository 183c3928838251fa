// V8 settings of the production server (imported first by server.js, before the app allocates
// anything).
//
// `--no-allocation-site-pretenuring`: V8 watches where objects are allocated, and a place whose
// objects mostly survive a young-generation collection starts allocating them directly in the old
// generation. Under load a request's objects do survive one (fifty requests are in flight), so
// V8 tenured places such as SvelteKit's request event and cookie jar. Every later request's
// objects written into those old ones (a closure set at the end of `resolve`, the page's data)
// then counted as alive in each young-generation collection, were copied twice and died in the
// old generation: the whole request waited for a full collection. Measured on the 2-core machine
// at 50 connections (docs/operations.md, "Pretenuring"): copied into the old generation per
// request, bare page 14.1 -> 4.7 KB, lesson step 17.6-18.2 -> 7.6 KB, /leren 61.5 -> 7.1 KB;
// scavenge pauses per lesson step 71-75 -> 50-52 µs, full collections 4 -> 1 per 20,000 requests.
import v8 from 'node:v8';

/** The flags this module sets, in order. */
export const v8Flags = ['--no-allocation-site-pretenuring'];

// Setting flags at run time is allowed for flags V8 reads as it goes, as this one (read at every
// collection and allocation-site decision); scripts/runtime-flags.spec.ts checks that it holds.
for (const flag of v8Flags) v8.setFlagsFromString(flag);
