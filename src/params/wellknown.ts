import type { ParamMatcher } from '@sveltejs/kit';

/**
 * `/.well-known/...` lives in a matched segment rather than a `.well-known` folder: TypeScript and
 * ESLint skip dot folders, and every route must be type-checked and linted.
 */
export const match: ParamMatcher = (param) => param === '.well-known';
