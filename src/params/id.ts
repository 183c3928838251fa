import type { ParamMatcher } from '@sveltejs/kit';

/**
 * A positive database id: `-1`, `1.0`, `1 OR 1=1` and 20-digit numbers never reach a query. The
 * one place the pattern is written: route params use this matcher, form fields `idField`.
 */
export const idPattern = /^[1-9][0-9]{0,9}$/;

export const match: ParamMatcher = (param) => idPattern.test(param);
