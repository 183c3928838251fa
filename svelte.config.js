import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';

/**
 * The style attribute of SvelteKit's route announcer (`.svelte-kit/generated/root.svelte`),
 * hashed as CSP 'unsafe-hashes' needs. A SvelteKit upgrade that changes it shows up as a CSP
 * violation in tests/e2e/csp.e2e.ts.
 */
const announcerStyleHash = 'S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/**
 * mdsvex 0.12 puts a Markdown file's front matter in `<script context="module">`, which Svelte 5
 * reports as deprecated for every lesson on every build; the `module` attribute means the same.
 * @type {import('svelte/compiler').PreprocessorGroup}
 */
const mdsvexModuleScript = {
	name: 'mdsvex-module-script',
	markup: ({ content, filename }) =>
		filename && /\.(md|svx)$/.test(filename) && content.includes('<script context="module">')
			? { code: content.replace('<script context="module">', '<script module>') }
			: undefined
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.svx', '.md'],
	preprocess: [vitePreprocess(), mdsvex({ extensions: ['.svx', '.md'] }), mdsvexModuleScript],
	// Our components and the course prose all compile in runes mode, also the ones that use no
	// rune (static pages, mdsvex lessons): a legacy-mode component pulls Svelte's legacy runtime
	// (stores, legacy lifecycle) into the chunk every page downloads.
	// No `window.__svelte.v` version marker: one less module and import in every chunk.
	compilerOptions: { discloseVersion: false },
	vitePlugin: {
		dynamicCompileOptions: ({ filename }) =>
			/\/(src|modules)\//.test(filename) && !filename.includes('/node_modules/')
				? { runes: true }
				: undefined
	},
	kit: {
		adapter: adapter(),
		// Absolute asset paths (/_app/...). With relative ones SvelteKit sets its module-wide `base`
		// for the page being rendered and resets it a few microtasks later; server.js starts
		// requests in slices (request-slices.js), so another request running in between rendered
		// its links for the wrong depth (a lesson step's stylesheet under /leren/<module>/_app/).
		paths: { relative: false },
		// The server resolves which route a link leads to, so the browser does not download the
		// route table and parameter matchers of all forty pages on every first visit.
		router: { resolution: 'server' },
		// The cross-site form check runs in hooks.server.ts instead (the same rule), so that an LMS
		// may post to /lti/login and /lti/launch (LTI 1.3); every other path stays protected.
		csrf: { trustedOrigins: ['*'] },
		typescript: {
			config: (tsconfig) => {
				tsconfig.include.push(
					'../scripts/**/*.ts',
					'../bench/**/*.ts',
					'../drizzle.config.ts',
					'../drizzle.postgres.config.ts',
					'../playwright.config.ts'
				);
			}
		},
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// No inline styles: components style through classes and their own CSS files.
				'style-src': ['self'],
				// The one style attribute left is SvelteKit's route announcer (a fixed string in
				// its generated root component, added after hydration): allowed by its hash, which
				// costs nothing per request. Check: `npx playwright test tests/e2e/csp.e2e.ts`.
				'style-src-attr': ['unsafe-hashes', `sha256-${announcerStyleHash}`],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'frame-ancestors': ['none'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
