// A lesson step: the step route's load and actions (../[step=slug]), served without client
// JavaScript (+page.ts). The only form, "gelezen", is a plain form that redirects.
export { load, actions } from '../[step=slug]/+page.server';
