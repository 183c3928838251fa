// The certificate's and the signal card's typeface (Atkinson Hyperlegible): each file is read
// and unpacked to TrueType once per process; pdf-lib parses it per document.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { woffToSfnt } from './woff';

const require = createRequire(import.meta.url);
const fontFiles = {
	regular: '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff',
	bold: '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff',
	regularExt:
		'@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-ext-400-normal.woff',
	boldExt: '@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-ext-700-normal.woff'
};

export type FontName = keyof typeof fontFiles;

const cache = new Map<FontName, Uint8Array>();

/** The TrueType bytes of one of the platform's font files. */
export function fontBytes(name: FontName): Uint8Array {
	let bytes = cache.get(name);
	if (!bytes) {
		bytes = woffToSfnt(new Uint8Array(fs.readFileSync(require.resolve(fontFiles[name]))));
		cache.set(name, bytes);
	}
	return bytes;
}
