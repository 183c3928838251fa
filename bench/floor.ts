// The framework floor: the smallest SvelteKit app that serves the bare page's text, so the bench
// can tell what SvelteKit itself costs on this machine from what the platform adds (hooks, the
// root layout load, the layout shell, CSP nonces). No hooks, no load, no layout, no CSP; the
// project's own svelte, kit, vite and adapter-node from node_modules.
// The app is written to bench/results/floor/ (ignored by git, lint and check) and built only when
// its files are newer than its build. Serve it with `node bench/results/floor/build/index.js`
// (PORT, HOST), as bench/all.ts does; `node bench/results/floor/sliced.js` serves it the way
// server.js serves the platform (runtime-flags.js, request-slices.js).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const floorDir = path.resolve('bench/results/floor');
export const floorEntry = path.join(floorDir, 'build/index.js');
/**
 * The same floor app served the way server.js serves (its V8 flags, runtime-flags.js, and its
 * requests started in slices, request-slices.js) instead of adapter-node's own server: the
 * like-for-like reference for what the platform adds per page.
 */
export const floorSlicedEntry = path.join(floorDir, 'sliced.js');
const slicedServer = () =>
	`import ${JSON.stringify(path.resolve('runtime-flags.js'))};\n` +
	"import http from 'node:http';\n" +
	"import { handler } from './build/handler.js';\n" +
	`import { inSlices } from ${JSON.stringify(path.resolve('request-slices.js'))};\n` +
	'http\n' +
	'\t.createServer(inSlices((request, response) => handler(request, response)))\n' +
	"\t.listen(Number(process.env.PORT || 3000), process.env.HOST || '0.0.0.0');\n";

const barePage = 'src/routes/toegankelijkheid/+page.svelte';
/** `import Name from '/pages/<file>.md'`: the bare page renders a prose file of pages/. */
const proseImport = /import\s+\w+\s+from\s+'\/pages\/([\w-]+\.md)'/;

/**
 * The floor's page renders the bare page's text: the bare page's own source and, when that
 * imports its prose from pages/ (Markdown through mdsvex, as the project compiles it), that file
 * beside it. The bare page moved its prose to pages/toegankelijkheid.md after the floor was
 * written; until 6 December 2026 the floor then served a one-line page instead of that text.
 */
function pageFiles(): Record<string, string> {
	const source = fs.existsSync(barePage) ? fs.readFileSync(barePage, 'utf8') : '';
	const prose = proseImport.exec(source)?.[1];
	if (prose && fs.existsSync(path.join('pages', prose))) {
		return {
			'src/routes/+page.svelte': source,
			[`pages/${prose}`]: fs.readFileSync(path.join('pages', prose), 'utf8')
		};
	}
	if (source && !/<script/.test(source)) return { 'src/routes/+page.svelte': source };
	throw new Error(`the framework floor cannot copy the text of ${barePage}`);
}

const files: Record<string, () => string> = {
	'package.json': () =>
		JSON.stringify({ name: 'signaalwijs-floor', private: true, type: 'module' }),
	// The project's compiler settings for pages and prose (svelte.config.js): runes mode for
	// src/, Markdown through mdsvex; absolute asset paths, as the project has them (with relative
	// ones SvelteKit's module-wide `base` is wrong for requests started between a render and its
	// reset, which request slices do: bench/results/floor/sliced.js).
	'svelte.config.js': () =>
		"import adapter from '@sveltejs/adapter-node';\n" +
		"import { mdsvex } from 'mdsvex';\n" +
		'export default {\n' +
		"\textensions: ['.svelte', '.md'],\n" +
		"\tpreprocess: [mdsvex({ extensions: ['.md'] })],\n" +
		'\tcompilerOptions: { discloseVersion: false },\n' +
		'\tvitePlugin: {\n' +
		'\t\tdynamicCompileOptions: ({ filename }) =>\n' +
		"\t\t\t/\\/src\\//.test(filename) && !filename.includes('/node_modules/')\n" +
		'\t\t\t\t? { runes: true }\n' +
		'\t\t\t\t: undefined\n' +
		'\t},\n' +
		'\tkit: { adapter: adapter(), paths: { relative: false } }\n' +
		'};\n',
	'vite.config.js': () =>
		"import { sveltekit } from '@sveltejs/kit/vite';\n" +
		"import { defineConfig } from 'vite';\n" +
		'export default defineConfig({ plugins: [sveltekit()], logLevel: "warn" });\n',
	'src/app.html': () =>
		'<!doctype html>\n<html lang="nl-BE">\n<head>\n<meta charset="utf-8" />\n' +
		'<meta name="viewport" content="width=device-width, initial-scale=1" />\n' +
		'%sveltekit.head%\n</head>\n<body>\n<div style="display: contents">%sveltekit.body%</div>\n' +
		'</body>\n</html>\n',
	...Object.fromEntries(Object.entries(pageFiles()).map(([name, text]) => [name, () => text]))
};

/** Writes the floor app (only files whose text changed) and builds it when it is stale. */
export function prepareFloor(): string {
	let newest = 0;
	for (const [name, text] of Object.entries(files)) {
		const file = path.join(floorDir, name);
		const content = text();
		if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content) {
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, content);
		}
		newest = Math.max(newest, fs.statSync(file).mtimeMs);
	}
	const built = fs.existsSync(floorEntry) ? fs.statSync(floorEntry).mtimeMs : 0;
	if (newest > built) {
		console.log('Building the framework floor app (bench/results/floor) ...');
		const run = spawnSync('npx', ['vite', 'build'], {
			cwd: floorDir,
			encoding: 'utf8',
			env: { ...process.env, NODE_ENV: 'production' }
		});
		if (run.status !== 0 || !fs.existsSync(floorEntry)) {
			throw new Error(`building the framework floor app failed:\n${run.stdout}${run.stderr}`);
		}
	}
	if (
		!fs.existsSync(floorSlicedEntry) ||
		fs.readFileSync(floorSlicedEntry, 'utf8') !== slicedServer()
	) {
		fs.writeFileSync(floorSlicedEntry, slicedServer());
	}
	return floorEntry;
}
