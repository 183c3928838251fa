import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { parse } from 'yaml';

// The shipped course's signal list (modules/signals.yaml) as a module of ids, labels and
// categories, so a page can show signals from its own code and receive only a learner's counts as
// data (/leren's signal map, src/lib/content/signal-map.ts). The server loads the same file at run
// time and sends its own list along when that differs from this one.
export function signalCatalogue(): Plugin {
	return {
		name: 'signaalwijs-signal-catalogue',
		transform(code, id) {
			if (!/[\\/]modules[\\/]signals\.yaml$/.test(id)) return null;
			const signals = parse(code) as { id: string; label: string; category: string }[];
			const fields = signals.map(({ id, label, category }) => ({ id, label, category }));
			return { code: `export default ${JSON.stringify(fields)};`, map: null };
		}
	};
}

/**
 * A plugin that changes one module of a dependency as Vite bundles it into the server build.
 * `patch` returns the changed code, or null when the code it expects is not there (an upgrade
 * changed it): then the build stops with a message naming `fn`, the function in this file.
 */
function dependencyPatch(options: {
	name: string;
	fn: string;
	module: RegExp;
	what: string;
	/** Only in the server build (Vite's `ssr` environment), when the browser's code imports the module too. */
	serverOnly?: boolean;
	patch: (code: string) => string | null;
}): Plugin {
	return {
		name: options.name,
		enforce: 'pre',
		transform(code, id) {
			if (!options.module.test(id)) return null;
			if (options.serverOnly && this.environment?.name !== 'ssr') return null;
			const patched = options.patch(code);
			if (patched === null) {
				throw new Error(`${id}: ${options.what} changed; see ${options.fn} in vite.config.ts`);
			}
			return { code: patched, map: null };
		}
	};
}

/** SvelteKit's page renderer, where a server load's data is serialised for the HTML response. */
const pageRenderer =
	/[\\/]@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]server[\\/]page[\\/]index\.js$/;
const serialiseForHtml =
	'\t\t\t\t\tif (node) {\n\t\t\t\t\t\tdata_serializer.add_node(i, server_data);';

/**
 * SvelteKit (2.70) serialises every server load's data into a page's HTML response with devalue,
 * also on a page without client JavaScript (`csr = false`), where the HTML carries no script and
 * the serialised text is thrown away: on a lesson step and /leren that was about 30 µs of CPU per
 * request (docs/operations.md, "Data serialised for no script"). This patch, applied when Vite
 * bundles SvelteKit's runtime into the server build, serialises only when the page has client
 * JavaScript. `__data.json` (a client-side navigation to such a page) has its own serialiser and
 * is untouched. If an upgrade changes those lines, the build stops here: look whether SvelteKit
 * now skips the work itself (then drop this plugin), or adapt the pattern.
 */
export function serialiseDataOnlyForScripts(): Plugin {
	return dependencyPatch({
		name: 'signaalwijs-serialise-data-only-for-scripts',
		fn: 'serialiseDataOnlyForScripts',
		module: pageRenderer,
		what: "SvelteKit's page renderer",
		patch: (code) =>
			code.split(serialiseForHtml).length !== 2
				? null
				: code.replace(serialiseForHtml, serialiseForHtml.replace('(node)', '(node && csr)'))
	});
}

/** Svelte's server entry of `svelte/legacy`, whose `asClassComponent` SvelteKit renders every page through. */
const legacyServer = /[\\/]svelte[\\/]src[\\/]legacy[\\/]legacy-server\.js$/;
/** The start and end of the result object `asClassComponent(...).render()` builds on each call. */
const legacyResultStart = '\t\tconst munged = Object.defineProperties(\n';
const legacyResultEnd = '\t\treturn munged;\n';
/** Pieces of the result's four members (css, head, html, then) that the class below reproduces. */
const legacyResultMembers = [
	"value: { code: '', map: null }",
	'get: () => result.head',
	'get: () => result.body',
	'if (!async_mode_flag) {',
	'css: munged.css,\n\t\t\t\t\t\t\t\thead: munged.head,\n\t\t\t\t\t\t\t\thtml: munged.html',
	'return result.then((result) => {',
	'html: result.body,\n\t\t\t\t\t\t\t\thashes: result.hashes'
];
/** The same result as instances of one class: its accessors live on the prototype. */
const sharedShapeResult = `
// Patched in by vite.config.ts (renderResultsOfOneShape): the result of a render as an instance of
// one class instead of an object given its own getters with Object.defineProperties on each call.
class SharedShapeRenderResult {
	#result;
	#css = { code: '', map: null };

	constructor(result) {
		this.#result = result;
	}

	get css() {
		return this.#css;
	}

	get head() {
		return this.#result.head;
	}

	get html() {
		return this.#result.body;
	}

	then(onfulfilled, onrejected) {
		if (!async_mode_flag) {
			const user_result = onfulfilled({ css: this.css, head: this.head, html: this.html });
			return Promise.resolve(user_result);
		}

		return this.#result.then((result) => {
			return onfulfilled({
				css: this.css,
				head: result.head,
				html: result.body,
				hashes: result.hashes
			});
		}, onrejected);
	}
}
`;

/**
 * SvelteKit (2.70) renders every page through Svelte's `asClassComponent(root).render()`, which
 * (Svelte 5.57) returns an object given its own `head` and `html` getters with
 * `Object.defineProperties` on each call. V8 keeps such getters in the object's hidden class, so
 * every render makes a new one in the old generation, and through it the getters' closures keep
 * the render's result (every string the page was built from) alive past the young-generation
 * collections until the next full one: on /leren about 30 KB more per request were copied into
 * the old generation, and the collector took a quarter of the page's CPU (docs/operations.md,
 * "Garbage per page"). This patch, applied when Vite bundles the module into the server build,
 * returns the same members from one class. If an upgrade changes that code, the build stops here:
 * look whether Svelte now builds the result without per-call getters (then drop this plugin), or
 * adapt the pattern.
 */
export function renderResultsOfOneShape(): Plugin {
	const declaration = 'export { createClassComponent };\n';
	return dependencyPatch({
		name: 'signaalwijs-render-results-of-one-shape',
		fn: 'renderResultsOfOneShape',
		module: legacyServer,
		what: "Svelte's asClassComponent",
		patch(code) {
			const start = code.indexOf(legacyResultStart);
			const end = code.indexOf(legacyResultEnd, start);
			if (start < 0 || end < 0) return null;
			const block = code.slice(start, end + legacyResultEnd.length);
			const expected =
				code.split(legacyResultStart).length === 2 &&
				code.split(declaration).length === 2 &&
				legacyResultMembers.every((member) => block.includes(member));
			if (!expected) return null;
			return code
				.replace(block, '\t\treturn new SharedShapeRenderResult(result);\n')
				.replace(declaration, declaration + sharedShapeResult);
		}
	});
}

/** SvelteKit's request store: the request event behind `getRequestEvent()` and remote functions. */
const requestStoreEntry = '@sveltejs/kit/internal/server';
const requestStoreModule = /[\\/]@sveltejs[\\/]kit[\\/]src[\\/]exports[\\/]internal[\\/]event\.js$/;
/** The statement that gives the store an AsyncLocalStorage once `node:async_hooks` has loaded. */
const requestStoreStorage =
	"import('node:async_hooks')\n\t.then((hooks) => (als = new hooks.AsyncLocalStorage()))\n";
/** Where that statement ends: its `.catch(() => { ... })` closes the first such line after it. */
const requestStoreStorageEnd = '\n\t});\n';
/** What SvelteKit does without one: the store is set while its callback runs synchronously. */
const requestStoreWithout = [
	'return als ? als.run(store, fn) : fn();',
	'return sync_store ?? als?.getStore() ?? null;'
];

/**
 * SvelteKit (2.70) keeps each request's event in an AsyncLocalStorage so `getRequestEvent()` and
 * remote functions work after an `await`. On Node 20 an AsyncLocalStorage in use runs three async
 * hooks on every promise of the process, and a page makes 180-260: a tenth of every page's CPU
 * (docs/operations.md, "Async hooks on every promise"). The platform calls neither (routes get the
 * event as an argument; `compose` in src/lib/server/http/compose.ts chains the handles), so this
 * patch, applied when Vite bundles the module into the server build, leaves SvelteKit on its own
 * path for runtimes without AsyncLocalStorage: the store is set while a load, action or handle
 * runs synchronously, and `getRequestEvent()` must be called before the first `await`. The
 * transactions' own AsyncLocalStorage is on only while a transaction runs (db/transaction.ts). If
 * an upgrade changes that code, the build stops here: look whether SvelteKit now keeps the event
 * without async hooks (then drop this plugin), or adapt the pattern.
 */
export function requestStoreWithoutAsyncHooks(): Plugin {
	const patch = dependencyPatch({
		name: 'signaalwijs-request-store-without-async-hooks',
		fn: 'requestStoreWithoutAsyncHooks',
		module: requestStoreModule,
		what: "SvelteKit's request store",
		patch(code) {
			const start = code.indexOf(requestStoreStorage);
			const end = code.indexOf(requestStoreStorageEnd, start);
			const expected =
				start >= 0 &&
				end >= 0 &&
				code.split(requestStoreStorage).length === 2 &&
				requestStoreWithout.every((line) => code.split(line).length === 2);
			if (!expected) return null;
			return (
				code.slice(0, start) +
				'// No AsyncLocalStorage: patched out by vite.config.ts (requestStoreWithoutAsyncHooks).\n' +
				code.slice(end + requestStoreStorageEnd.length)
			);
		}
	});
	return {
		...patch,
		// Production builds only: `vite dev` keeps SvelteKit as it is.
		apply: 'build',
		// Vite leaves `@sveltejs/kit/internal/server` to adapter-node's bundler, after these plugins
		// have run. As a file path it is bundled here, so the patch above reaches it. Only
		// SvelteKit's runtime, bundled here too, imports it: the server holds one copy.
		resolveId(source) {
			if (source !== requestStoreEntry || this.environment?.name !== 'ssr') return null;
			return fileURLToPath(import.meta.resolve(requestStoreEntry));
		}
	};
}

/** SvelteKit's URL helpers, among them `make_trackable`, which every server load's `url` comes from. */
const urlHelpers = /[\\/]@sveltejs[\\/]kit[\\/]src[\\/]utils[\\/]url\.js$/;
/** The start of `make_trackable` (with its doc comment), and the lines that give each tracked URL its own getters. */
const trackedUrlStart = `/**
 * @param {URL} url
 * @param {() => void} callback
 * @param {(search_param: string) => void} search_params_callback
 * @param {boolean} [allow_hash]
 */
export function make_trackable(url, callback, search_params_callback, allow_hash = false) {
\tconst tracked = new URL(url);
`;
const trackedUrlGetters = `\t/**
\t * URL properties that could change during the lifetime of the page,
\t * which excludes things like \`origin\`
\t * @type {(keyof URL)[]}
\t */
\tconst tracked_url_properties = ['href', 'pathname', 'search', 'toString', 'toJSON'];
\tif (allow_hash) tracked_url_properties.push('hash');

\tfor (const property of tracked_url_properties) {
\t\tObject.defineProperty(tracked, property, {
\t\t\tget() {
\t\t\t\tcallback();
\t\t\t\treturn url[property];
\t\t\t},

\t\t\tenumerable: true,
\t\t\tconfigurable: true
\t\t});
\t}

`;
const trackedUrlHash =
	'\tif ((DEV || !BROWSER) && !allow_hash) {\n\t\tdisable_hash(tracked);\n\t}\n';
const hashMessage =
	"'Cannot access event.url.hash. Consider using `page.url.hash` inside a component instead'";
/** The same tracked URL as an instance of one class: its getters live on the prototype. */
const sharedShapeTrackedUrl = `
// Patched in by vite.config.ts (trackedUrlsOfOneShape): a tracked URL as an instance of one class
// instead of a URL given its own getters with Object.defineProperty on each call. This copy of
// the module is the server's, where reading the hash throws unless the caller allows it.
class TrackedUrl extends URL {
	#url;
	#callback;
	#allow_hash;

	constructor(url, callback, allow_hash) {
		super(url);
		this.#url = url;
		this.#callback = callback;
		this.#allow_hash = allow_hash;
	}

	static {
		for (const property of ['href', 'pathname', 'search', 'toString', 'toJSON']) {
			Object.defineProperty(this.prototype, property, {
				get() {
					this.#callback();
					return this.#url[property];
				}
			});
		}
	}

	get hash() {
		if (!this.#allow_hash) throw new Error(${hashMessage});
		this.#callback();
		return this.#url.hash;
	}
}

`;

/**
 * SvelteKit (2.70) gives every server load a tracked copy of the request's URL
 * (`make_trackable`), a URL given its own `href`, `pathname`, `search`, `toString`, `toJSON` and
 * `hash` getters with `Object.defineProperty` on each call. As with the render results above, V8
 * then makes a hidden class per copy in the old generation, and through it the getters' closures
 * keep the load's state alive past the young-generation collections: on a lesson step (two server
 * loads) about 3-4 KB more per request were copied into the old generation (docs/operations.md,
 * "Tracked URLs of one shape"). This patch, applied when Vite bundles the module into the server
 * build, makes the copy an instance of one subclass of URL whose getters do the same from the
 * prototype. The browser's copy of the module is untouched. If an upgrade changes that code, the
 * build stops here: look whether SvelteKit now tracks the URL without per-call getters (then drop
 * this plugin), or adapt the pattern.
 */
export function trackedUrlsOfOneShape(): Plugin {
	return dependencyPatch({
		name: 'signaalwijs-tracked-urls-of-one-shape',
		fn: 'trackedUrlsOfOneShape',
		module: urlHelpers,
		// The server build only: the browser's runtime imports the same module.
		serverOnly: true,
		what: "SvelteKit's make_trackable",
		patch(code) {
			const expected = [trackedUrlStart, trackedUrlGetters, trackedUrlHash].every(
				(part) => code.split(part).length === 2
			);
			if (!expected) return null;
			return code
				.replace(
					trackedUrlStart,
					sharedShapeTrackedUrl +
						trackedUrlStart.replace('new URL(url)', 'new TrackedUrl(url, callback, allow_hash)')
				)
				.replace(trackedUrlGetters, '')
				.replace(
					trackedUrlHash,
					trackedUrlHash.replace('disable_hash', 'allow_nodejs_console_log')
				);
		}
	});
}

export default defineConfig({
	plugins: [
		signalCatalogue(),
		serialiseDataOnlyForScripts(),
		renderResultsOfOneShape(),
		requestStoreWithoutAsyncHooks(),
		trackedUrlsOfOneShape(),
		sveltekit()
	],
	server: { fs: { allow: ['modules', 'pages'] } },
	build: {
		// Everything every page loads (the Svelte and SvelteKit runtimes, Vite's preload helper, the
		// catalogue sections of the layout and the error page) in one chunk: one request and one
		// gzip dictionary instead of seven small files. The form helper stays apart: only pages
		// with enhanced forms load it. Of the catalogue only the app and errors sections: a group
		// takes its modules' dependencies too, so listing i18n/index.ts or nl/index.ts (which
		// re-export every section) put the whole catalogue, authoring included, on every page.
		rolldownOptions: {
			// The catalogue sections only define constants: a section no page reads is dropped. Without
			// this, codes.ts (which reads other sections' messages at the top level and spreads one)
			// counted as having side effects and shipped, 8 KB gzip, on every page.
			treeshake: {
				moduleSideEffects: [{ test: /[\\/]src[\\/]lib[\\/]i18n[\\/]/, sideEffects: false }]
			},
			output: {
				codeSplitting: {
					groups: [
						{
							name: 'frame',
							// The root error page too: SvelteKit loads it with every page, and as a file of
							// its own it was 0.5 KB gzip (most of it the list of what it imports from here).
							test: (id: string) =>
								/[\\/]src[\\/](routes[\\/]\+(error|layout)\.svelte|lib[\\/]components[\\/]Site(Header|Footer)\.svelte|lib[\\/]i18n[\\/]nl[\\/]footer\.ts)$/.test(
									id
								) ||
								(!id.includes('/runtime/app/forms') &&
									/node_modules[\\/](svelte[\\/]src[\\/](internal[\\/]|index-client\.js|constants\.js|store[\\/]|reactivity[\\/]create-subscriber\.js)|@sveltejs[\\/]kit[\\/]|devalue[\\/]|clsx[\\/])|preload-helper|[\\/]src[\\/]lib[\\/]i18n[\\/]nl[\\/](app|errors|helpLine)\.ts$/.test(
										id
									))
						},
						{
							// Shared by the groups below and other pages (`learn` spreads the quiz item
							// strings; /leren shows progress bars): in files of their own, or a group would
							// take them in and those pages would download the whole group.
							name: 'shared',
							test: /[\\/]src[\\/]lib[\\/](i18n[\\/]nl[\\/]quizItems\.ts|components[\\/]learn[\\/]ProgressBar\.svelte)$/
						},
						{
							// A shipped step's page in a file of its own, shared with the lesson route. Not its
							// load (which picks the view): with it, the JavaScript-free lesson page linked
							// the stylesheets of the quiz, vignette and assessment views it loads lazily.
							name: 'step',
							test: /[\\/]src[\\/]routes[\\/]leren[\\/]\[module=slug\][\\/]\[step=slug\][\\/]\+page\.svelte$/
						},
						{
							// The form helper on its own (many pages with enhanced forms load it): otherwise the
							// group below would take it in as a dependency.
							name: 'forms',
							test: (id: string) => id.includes('/runtime/app/forms')
						},
						{
							// The item forms and feedback of quizzes, pre-tests and assessments (and their
							// strings) in one file: split by which pages use which part they were five small
							// files, about 1 KB gzip more for a quiz step to download.
							name: 'items',
							test: /[\\/]src[\\/](lib[\\/](components[\\/]learn[\\/](QuizSection|ItemInputs|ItemResultView|MarkText)\.svelte|components[\\/]learn[\\/]enhance\.ts|content[\\/]classify\.ts)|routes[\\/]leren[\\/]\[module=slug\][\\/]\[step=slug\][\\/]QuizStep\.svelte)/
						}
					]
				}
			}
		}
	},
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'bench/**/*.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 20000,
		hookTimeout: 20000,
		fileParallelism: true
	}
});
