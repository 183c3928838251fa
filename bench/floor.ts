// The framework floor: the smallest SvelteKit app that serves the bare page's text, so the bench
// can tell what SvelteKit itself costs on this machine from what the platform adds (hooks, the
// root layout load, the layout shell, CSP nonces). No hooks, no load, no layout, no CSP; the
// project's own svelte, kit, vite and adapter-node from node_modules.
// The app is written to bench/results/floor/ (ignored by git, lint and check) and built only when
// its files are newer than its build. Serve it with `node bench/results/floor/build/index.js`
// (PORT, HOST), as bench/all.ts does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const floorDir = path.resolve('bench/results/floor');
export const floorEntry = path.join(floorDir, 'build/index.js');

/** The page body of /toegankelijkheid when it is plain markup, so both pages render the same text. */
function pageSource(): string {
	const bare = 'src/routes/toegankelijkheid/+page.svelte';
	const source = fs.existsSync(bare) ? fs.readFileSync(bare, 'utf8') : '';
	if (source && !/<script/.test(source)) return source;
	return (
		'<svelte:head><title>Vloer · Signaalwijs</title></svelte:head>\n' +
		'<h1>Vloer</h1>\n<p>Een SvelteKit-pagina zonder hooks en zonder load.</p>\n'
	);
}

const files: Record<string, () => string> = {
	'package.json': () =>
		JSON.stringify({ name: 'signaalwijs-floor', private: true, type: 'module' }),
	'svelte.config.js': () =>
		"import adapter from '@sveltejs/adapter-node';\n" +
		'export default { compilerOptions: { runes: true }, kit: { adapter: adapter() } };\n',
	'vite.config.js': () =>
		"import { sveltekit } from '@sveltejs/kit/vite';\n" +
		"import { defineConfig } from 'vite';\n" +
		'export default defineConfig({ plugins: [sveltekit()], logLevel: "warn" });\n',
	'src/app.html': () =>
		'<!doctype html>\n<html lang="nl-BE">\n<head>\n<meta charset="utf-8" />\n' +
		'<meta name="viewport" content="width=device-width, initial-scale=1" />\n' +
		'%sveltekit.head%\n</head>\n<body>\n<div style="display: contents">%sveltekit.body%</div>\n' +
		'</body>\n</html>\n',
	'src/routes/+page.svelte': pageSource
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
	return floorEntry;
}
