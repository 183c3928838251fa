import type { ParamMatcher } from '@sveltejs/kit';

// Module and step slugs: folder names without their number, lower-case words and dashes.
export const match: ParamMatcher = (param) =>
	/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(param) && param.length <= 80;
