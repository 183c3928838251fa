// No client JavaScript on a lesson step: it is prose, links and one plain form, so the browser
// downloads none of the 35 KB gzip of the Svelte and SvelteKit runtimes and the page's own code.
// The server still runs the step route's universal load to pick the prose component.
export const csr = false;
export { load } from '../[step=slug]/+page';
