import type { ParamMatcher } from '@sveltejs/kit';
import { isLessonSlug } from '$lib/server/learning';

// Lesson steps of the shipped course: their route, leren/[module=slug]/[step=textonly], ships no
// JavaScript. Matchers run on the server only (kit.router.resolution is 'server'). The name
// matters: of two routes that differ only in a matcher SvelteKit tries the one whose id sorts
// last first, and "textonly" sorts after "slug".
export const match: ParamMatcher = (param) => isLessonSlug(param);
