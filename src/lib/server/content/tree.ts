// Where the loader reads course files from: the modules/ folder on disk, or the files of an
// uploaded archive held in memory. Both hash a module's files the same way.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ParseError, decodeContent, readContentFile } from './parse';

/**
 * Where the loader reads from: the modules/ folder on disk, or the files of an uploaded archive
 * held in memory. Paths are the tree's own (absolute on disk, archive-relative in memory).
 */
export interface ContentTree {
	root: string;
	join(dir: string, name: string): string;
	/** The path as issues name it. */
	display(p: string): string;
	exists(p: string): boolean;
	isDirectory(p: string): boolean;
	/** A folder's entries without hidden ones, sorted by name. */
	list(dir: string): { name: string; isDirectory: boolean; isFile: boolean }[];
	/** A file's text; throws ParseError when it is too large or not plain UTF-8. */
	read(file: string): string;
	/** sha256 (hex) over a folder's files, with their relative paths. */
	hash(dir: string): string;
}

function toPosix(p: string): string {
	return p.split(path.sep).join('/');
}

function byName(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function hashFiles(entries: { rel: string; bytes: Uint8Array }[]): string {
	entries.sort((a, b) => byName(a.rel, b.rel));
	const hash = createHash('sha256');
	for (const { rel, bytes } of entries) {
		hash.update(`${rel}\0${bytes.length}\0`);
		hash.update(bytes);
	}
	return hash.digest('hex');
}

/** The modules/ folder on disk; issues name files relative to process.cwd(). */
export function fileTree(dir: string): ContentTree {
	return {
		root: path.resolve(dir),
		join: (d, name) => path.join(d, name),
		display: (abs) => toPosix(path.relative(process.cwd(), abs)) || '.',
		exists: (p) => existsSync(p),
		isDirectory: (p) => existsSync(p) && statSync(p).isDirectory(),
		list: (d) =>
			readdirSync(d, { withFileTypes: true })
				.filter((e) => !e.name.startsWith('.'))
				.sort((a, b) => byName(a.name, b.name))
				.map((e) => ({ name: e.name, isDirectory: e.isDirectory(), isFile: e.isFile() })),
		read: (file) => readContentFile(file),
		hash: (d) => {
			const files: string[] = [];
			const walk = (at: string) => {
				for (const e of readdirSync(at, { withFileTypes: true })) {
					const abs = path.join(at, e.name);
					if (e.isDirectory()) walk(abs);
					else if (e.isFile()) files.push(abs);
				}
			};
			walk(d);
			return hashFiles(
				files.map((abs) => ({ rel: toPosix(path.relative(d, abs)), bytes: readFileSync(abs) }))
			);
		}
	};
}

/**
 * Files held in memory, keyed by their path with forward slashes ('01-basis/index.md'); folders
 * are implied by the paths. Issues name files by these paths.
 */
export function memoryTree(files: ReadonlyMap<string, Uint8Array>): ContentTree {
	const folders = new Set<string>(['']);
	for (const file of files.keys()) {
		const parts = file.split('/');
		for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
	}
	const under = (d: string) => (d === '' ? '' : d + '/');
	return {
		root: '',
		join: (d, name) => under(d) + name,
		display: (p) => p || '.',
		exists: (p) => files.has(p) || folders.has(p),
		isDirectory: (p) => folders.has(p),
		list: (d) => {
			const names = new Map<string, boolean>();
			for (const p of [...files.keys(), ...folders]) {
				if (p === '' || !p.startsWith(under(d))) continue;
				const rest = p.slice(under(d).length);
				if (rest.includes('/')) continue;
				names.set(rest, folders.has(p));
			}
			return [...names]
				.filter(([name]) => !name.startsWith('.'))
				.sort((a, b) => byName(a[0], b[0]))
				.map(([name, folder]) => ({ name, isDirectory: folder, isFile: !folder }));
		},
		read: (file) => {
			const bytes = files.get(file);
			if (!bytes) throw new ParseError('file is missing', 'content.missing');
			return decodeContent(bytes);
		},
		hash: (d) =>
			hashFiles(
				[...files]
					.filter(([p]) => p.startsWith(under(d)))
					.map(([p, bytes]) => ({ rel: p.slice(under(d).length), bytes }))
			)
	};
}
