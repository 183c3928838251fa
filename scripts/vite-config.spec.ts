import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import {
	renderResultsOfOneShape,
	requestStoreWithoutAsyncHooks,
	serialiseDataOnlyForScripts,
	trackedUrlsOfOneShape
} from '../vite.config';
import { runProbe } from '../tests/support/node-probe';

// The page renderer of the SvelteKit this project installs, as Vite hands it to the plugin.
const kit = path.dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
const rendererId = path.join(kit, 'src', 'runtime', 'server', 'page', 'index.js');
const renderer = fs.readFileSync(rendererId, 'utf8');

/** What `plugin` makes of the module `id` when Vite hands it `code` (in the server build). */
function transformWith(plugin: Plugin, code: string, id: string, environment = 'ssr') {
	const hook = plugin.transform as Exclude<Plugin['transform'], { handler: unknown } | undefined>;
	return hook.call({ environment: { name: environment } } as never, code, id) as {
		code: string;
	} | null;
}

const transform = (code: string, id: string) =>
	transformWith(serialiseDataOnlyForScripts(), code, id);

describe('serialiseDataOnlyForScripts', () => {
	it('serialises a server load for the HTML only when the page has client JavaScript', () => {
		const patched = transform(renderer, rendererId)!.code;
		expect(patched).toContain(
			'if (node && csr) {\n\t\t\t\t\t\tdata_serializer.add_node(i, server_data);'
		);
		expect(patched).not.toMatch(/if \(node\) \{\s*data_serializer\.add_node/);
		// __data.json's serialiser (a client-side navigation to the page) is as it was.
		expect(patched).toContain('data_serializer_json?.add_node(i, server_data);');
		// The plugin changes those characters and nothing else.
		expect(patched.length).toBe(renderer.length + ' && csr'.length);
		expect(patched.replace('(node && csr)', '(node)')).toBe(renderer);
	});

	it('leaves every other module alone', () => {
		expect(
			transform(renderer, path.join(kit, 'src', 'runtime', 'server', 'respond.js'))
		).toBeNull();
	});

	it('stops the build when an upgrade changed the lines it patches', () => {
		const changed = renderer.replace('data_serializer.add_node(i, server_data);', 'serialise(i);');
		expect(() => transform(changed, rendererId)).toThrow(
			/serialiseDataOnlyForScripts in vite\.config\.ts/
		);
	});
});

// Svelte's server entry of `svelte/legacy`, as Vite hands it to the plugin.
const svelteDir = path.dirname(createRequire(import.meta.url).resolve('svelte/package.json'));
const legacyId = path.join(svelteDir, 'src', 'legacy', 'legacy-server.js');
const legacy = fs.readFileSync(legacyId, 'utf8');

const transformLegacy = (code: string, id: string) =>
	transformWith(renderResultsOfOneShape(), code, id);

/**
 * The module as a file of its own in `dir`, its relative imports pointing at the files beside
 * `from` (where the module comes from).
 */
function writeModule(dir: string, name: string, code: string, from = legacyId): string {
	const file = path.join(dir, name);
	fs.writeFileSync(
		file,
		code.replace(/from '(\.\.?\/[^']+)'/g, (_, spec: string) => {
			return `from '${pathToFileURL(path.resolve(path.dirname(from), spec)).href}'`;
		})
	);
	return pathToFileURL(file).href;
}

describe('renderResultsOfOneShape', () => {
	it('builds every render result from one class instead of giving each its own getters', () => {
		expect(legacy.split('Object.defineProperties(').length).toBe(2);
		const patched = transformLegacy(legacy, legacyId)!.code;
		expect(patched).not.toContain('Object.defineProperties(');
		expect(patched).toContain('return new SharedShapeRenderResult(result);');
		expect(patched).toContain('class SharedShapeRenderResult {');
		// The module's exports are as they were.
		const exports = (code: string) => code.match(/^export .*$/gm);
		expect(exports(patched)).toEqual(exports(legacy));
	});

	it('renders the same head, body and css, also when awaited, with one hidden class for all results', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'legacy-server-'));
		try {
			const original = writeModule(dir, 'original.js', legacy);
			const patched = writeModule(dir, 'patched.js', transformLegacy(legacy, legacyId)!.code);
			// A server component as Svelte compiles one: it writes to the renderer it is given.
			const probe = `
				const Page = ($$renderer, props) => $$renderer.push('<p>Dag ' + props.name + '</p>');
				const out = {};
				for (const [name, url] of [['original', ${JSON.stringify(original)}], ['patched', ${JSON.stringify(patched)}]]) {
					const { asClassComponent } = await import(url);
					const render = asClassComponent(Page).render;
					const first = render({ name: 'Lotte' });
					const second = render({ name: 'Ahmed' });
					const awaited = await render({ name: 'Sara' });
					out[name] = {
						sameShape: %HaveSameMap(first, second),
						first: { head: first.head, html: first.html, css: first.css },
						second: second.html,
						awaited,
						keys: Object.keys(first),
						thenable: 'then' in first
					};
				}
				console.log(JSON.stringify(out));
			`;
			const { original: before, patched: after } = runProbe(dir, probe);
			expect(after.first).toEqual(before.first);
			expect(after.first.html).toContain('<p>Dag Lotte</p>');
			expect(after.second).toEqual(before.second);
			expect(after.awaited).toEqual(before.awaited);
			expect(after.awaited.html).toContain('<p>Dag Sara</p>');
			expect(after.keys).toEqual(before.keys);
			expect(after.thenable).toBe(true);
			// What the patch is for: on this Node each original result has a hidden class of its own.
			expect(before.sameShape).toBe(false);
			expect(after.sameShape).toBe(true);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('leaves every other module alone', () => {
		expect(
			transformLegacy(legacy, path.join(svelteDir, 'src', 'legacy', 'legacy-client.js'))
		).toBeNull();
	});

	it('stops the build when an upgrade changed the code it patches', () => {
		const changed = legacy.replace('get: () => result.body', 'get: () => result.html');
		expect(() => transformLegacy(changed, legacyId)).toThrow(
			/renderResultsOfOneShape in vite\.config\.ts/
		);
	});
});

// SvelteKit's request store, as Vite hands it to the plugin.
const storeId = path.join(kit, 'src', 'exports', 'internal', 'event.js');
const store = fs.readFileSync(storeId, 'utf8');
const transformStore = (code: string, id: string) =>
	transformWith(requestStoreWithoutAsyncHooks(), code, id);

describe('requestStoreWithoutAsyncHooks', () => {
	it('keeps the request store without AsyncLocalStorage, so no async hooks run per promise', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'request-store-'));
		try {
			const original = writeModule(dir, 'original.js', store, storeId);
			const patched = writeModule(dir, 'patched.js', transformStore(store, storeId)!.code, storeId);
			// Each module in a process of its own: once on, async hooks stay on for the process.
			const probe = (url: string) => `
				const { with_request_store, try_get_request_store } = await import(${JSON.stringify(url)});
				await new Promise((resolve) => setTimeout(resolve, 50)); // the module's own import() settles
				const event = { url: 'https://signaalwijs.test/leren' };
				const during = with_request_store({ event }, () => try_get_request_store()?.event.url);
				const afterAwait = await with_request_store({ event }, async () => {
					await null;
					return try_get_request_store()?.event.url ?? null;
				});
				await new Promise((resolve) => setImmediate(resolve));
				const hooks = Object.getOwnPropertySymbols(Promise.resolve()).length > 0;
				console.log(JSON.stringify({ during, afterAwait, outside: try_get_request_store(), hooks }));
			`;
			const run = (url: string) => {
				const file = path.join(dir, `probe-${path.basename(url)}.mjs`);
				fs.writeFileSync(file, probe(url));
				const result = spawnSync(process.execPath, [file], { encoding: 'utf8' });
				expect(result.stderr).toBe('');
				return JSON.parse(result.stdout);
			};
			const before = run(original);
			const after = run(patched);
			// Both: the event while a load, action or handle runs synchronously, nothing outside.
			for (const side of [before, after]) {
				expect(side.during).toBe('https://signaalwijs.test/leren');
				expect(side.outside).toBeNull();
			}
			// SvelteKit's own path for runtimes without AsyncLocalStorage: not after an await ...
			expect(before.afterAwait).toBe('https://signaalwijs.test/leren');
			expect(after.afterAwait).toBeNull();
			// ... and what the patch is for: no async hooks on every promise of the process.
			expect(before.hooks).toBe(true);
			expect(after.hooks).toBe(false);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('bundles the store into the server build, where the patch reaches it, and only there', () => {
		const plugin = requestStoreWithoutAsyncHooks();
		expect(plugin.apply).toBe('build');
		const resolve = (source: string, environment: string) =>
			(plugin.resolveId as (this: unknown, source: string) => string | null).call(
				{ environment: { name: environment } },
				source
			);
		expect(resolve('@sveltejs/kit/internal/server', 'ssr')).toBe(
			path.join(kit, 'src', 'exports', 'internal', 'server.js')
		);
		expect(resolve('@sveltejs/kit/internal/server', 'client')).toBeNull();
		expect(resolve('@sveltejs/kit/internal', 'ssr')).toBeNull();
	});

	it('leaves every other module alone', () => {
		expect(
			transformStore(store, path.join(kit, 'src', 'exports', 'internal', 'server.js'))
		).toBeNull();
	});

	it('stops the build when an upgrade changed the code it patches', () => {
		const changed = store.replace(
			'return als ? als.run(store, fn) : fn();',
			'return als.run(store, fn);'
		);
		expect(() => transformStore(changed, storeId)).toThrow(
			/requestStoreWithoutAsyncHooks in vite\.config\.ts/
		);
	});
});

// SvelteKit's URL helpers, as Vite hands them to the plugin.
const urlId = path.join(kit, 'src', 'utils', 'url.js');
const urlHelpers = fs.readFileSync(urlId, 'utf8');
const transformUrl = (code: string, id: string, environment = 'ssr') =>
	transformWith(trackedUrlsOfOneShape(), code, id, environment);

describe('trackedUrlsOfOneShape', () => {
	it('tracks the same reads of the URL a load gets, with one hidden class for all tracked URLs', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracked-url-'));
		try {
			// As on the server: esm-env's BROWSER and DEV are both false there.
			const asServer = (code: string) =>
				code.replace(
					"import { BROWSER, DEV } from 'esm-env';",
					'const BROWSER = false, DEV = false;'
				);
			const original = writeModule(dir, 'original.js', asServer(urlHelpers), urlId);
			const patched = writeModule(
				dir,
				'patched.js',
				asServer(transformUrl(urlHelpers, urlId)!.code),
				urlId
			);
			const probe = `
				const out = {};
				for (const [name, module] of [['original', ${JSON.stringify(original)}], ['patched', ${JSON.stringify(patched)}]]) {
					const { make_trackable } = await import(module);
					const track = (href, allowHash = false) => {
						const reads = { url: 0, params: [] };
						const tracked = make_trackable(new URL(href), () => reads.url++, (p) => reads.params.push(p), allowHash);
						return { tracked, reads };
					};
					const { tracked, reads } = track('https://signaalwijs.test/leren/wat-en-hoe?stap=2#uitleg');
					const other = track('https://signaalwijs.test/beheer').tracked;
					const untracked = { origin: tracked.origin, host: tracked.host, instance: tracked instanceof URL };
					const before = reads.url;
					const seen = {
						href: tracked.href, pathname: tracked.pathname, search: tracked.search,
						string: String(tracked), json: JSON.stringify({ u: tracked }), copy: new URL(tracked).href,
						stap: tracked.searchParams.get('stap'),
						keys: [...tracked.searchParams.keys()]
					};
					let hash;
					try { hash = tracked.hash; } catch (e) { hash = 'throws: ' + e.message; }
					let assigned;
					try { tracked.pathname = '/elders'; assigned = tracked.pathname; } catch (e) { assigned = e.constructor.name; }
					const withHash = track('https://signaalwijs.test/a#b', true);
					const hashAllowed = withHash.tracked.hash;
					out[name] = {
						untracked, before, seen, hash, assigned, reads: { url: reads.url, params: reads.params },
						hashAllowed, hashRead: withHash.reads.url,
						sameShape: %HaveSameMap(tracked, other)
					};
				}
				console.log(JSON.stringify(out));
			`;
			const { original: before, patched: after } = runProbe(dir, probe);
			// Reading origin or host is not tracked; href, pathname, search, toString, toJSON are.
			expect(after.untracked).toEqual(before.untracked);
			expect(after.untracked.instance).toBe(true);
			expect(after.before).toBe(0);
			expect(after.seen).toEqual(before.seen);
			expect(after.seen.pathname).toBe('/leren/wat-en-hoe');
			expect(after.seen.stap).toBe('2');
			expect(after.reads).toEqual(before.reads);
			expect(after.reads.params).toEqual(['stap']);
			// The hash stays off limits on the server, unless the caller allows it (then tracked).
			expect(after.hash).toBe(before.hash);
			expect(after.hash).toMatch(/^throws: Cannot access event\.url\.hash/);
			expect(after.assigned).toBe(before.assigned);
			expect(after.hashAllowed).toBe('#b');
			expect(after.hashRead).toBe(before.hashRead);
			// What the patch is for: on this Node each original tracked URL has a hidden class of its own.
			expect(before.sameShape).toBe(false);
			expect(after.sameShape).toBe(true);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	it('leaves the browser build and every other module alone', () => {
		expect(transformUrl(urlHelpers, urlId, 'client')).toBeNull();
		expect(transformUrl(urlHelpers, path.join(kit, 'src', 'utils', 'routing.js'))).toBeNull();
	});

	it('stops the build when an upgrade changed the code it patches', () => {
		const changed = urlHelpers.replace(
			"const tracked_url_properties = ['href', 'pathname', 'search', 'toString', 'toJSON'];",
			"const tracked_url_properties = ['href', 'pathname', 'search', 'toString', 'toJSON', 'host'];"
		);
		expect(() => transformUrl(changed, urlId)).toThrow(/trackedUrlsOfOneShape in vite\.config\.ts/);
	});
});
