import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { serialiseDataOnlyForScripts } from '../vite.config';

// The page renderer of the SvelteKit this project installs, as Vite hands it to the plugin.
const kit = path.dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
const rendererId = path.join(kit, 'src', 'runtime', 'server', 'page', 'index.js');
const renderer = fs.readFileSync(rendererId, 'utf8');

function transform(code: string, id: string) {
	const hook = serialiseDataOnlyForScripts().transform as Exclude<
		Plugin['transform'],
		{ handler: unknown } | undefined
	>;
	return hook.call({} as never, code, id) as { code: string } | null;
}

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
