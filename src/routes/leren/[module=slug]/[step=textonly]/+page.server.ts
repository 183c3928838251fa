// A lesson step: the step route's load and actions (../[step=slug]), served without client
// JavaScript (+page.ts, which also renders the prose component). The only form, "gelezen", is a
// plain form that redirects.
import type { PageServerLoad } from './$types';
import { _loadStep } from '../[step=slug]/+page.server';

export { actions } from '../[step=slug]/+page.server';

export const load: PageServerLoad = (event) => _loadStep(event, false);
