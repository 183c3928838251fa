import type { ParamMatcher } from '@sveltejs/kit';

/** A positive database id: `-1`, `1.0`, `1 OR 1=1` and 20-digit numbers never reach a query. */
export const match: ParamMatcher = (param) => /^[1-9][0-9]{0,9}$/.test(param);
