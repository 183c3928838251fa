import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	MAX_FILE_BYTES,
	ParseError,
	decodeContent,
	parseFrontMatter,
	parseYaml,
	readContentFile
} from './parse';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeContent', () => {
	it('decodes plain UTF-8', () => {
		expect(decodeContent(bytes('één, twee'))).toBe('één, twee');
	});

	it('refuses a byte order mark', () => {
		expect(() => decodeContent(bytes('\uFEFFtitle: x'))).toThrow(/byte order mark \(BOM\)/);
	});

	it('refuses invalid UTF-8 and names the line', () => {
		const broken = new Uint8Array([...bytes('a\nb\n'), 0xc3, 0x28]);
		expect(() => decodeContent(broken)).toThrow(
			'file is not valid UTF-8 (first invalid byte on line 3)'
		);
	});

	it('refuses more than 256 KB', () => {
		expect(() => decodeContent(new Uint8Array(MAX_FILE_BYTES + 1))).toThrow(
			'file is too large: 257 KB, the limit is 256 KB'
		);
		expect(decodeContent(new Uint8Array(MAX_FILE_BYTES).fill(0x61))).toHaveLength(MAX_FILE_BYTES);
	});
});

describe('readContentFile', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'signaalwijs-parse-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('checks the size before reading', () => {
		const file = path.join(dir, 'big.yaml');
		writeFileSync(file, 'a'.repeat(MAX_FILE_BYTES + 2048));
		expect(() => readContentFile(file)).toThrow(/file is too large: 258 KB/);
	});
});

describe('parseYaml', () => {
	it('uses the core schema: yes/no and dates stay text', () => {
		expect(parseYaml('a: yes\nb: 2024-01-02\nc: 0.7\nd: true')).toEqual({
			a: 'yes',
			b: '2024-01-02',
			c: 0.7,
			d: true
		});
	});

	it('refuses !!js/function and unknown tags', () => {
		expect(() => parseYaml('f: !!js/function "function () {}"')).toThrow(
			'YAML tags are not allowed: tag:yaml.org,2002:js/function at line 1, column 4'
		);
		expect(() => parseYaml('f: !kwaad x')).toThrow(/YAML tags are not allowed: !kwaad/);
		expect(() => parseYaml('f: !!binary aGFsbG8=')).toThrow(ParseError);
		expect(() => parseYaml('f: !!set {a}')).toThrow(ParseError);
		expect(parseYaml('f: !!str 12')).toEqual({ f: '12' });
	});

	it('allows a few aliases but refuses an alias bomb', () => {
		expect(parseYaml('a: &a [1, 2]\nb: *a')).toEqual({ a: [1, 2], b: [1, 2] });
		const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
		for (const l of 'bcdefghi') {
			const prev = String.fromCharCode(l.charCodeAt(0) - 1);
			levels.push(`${l}: &${l} [${Array(9).fill(`*${prev}`).join(', ')}]`);
		}
		expect(() => parseYaml(levels.join('\n'))).toThrow(/too many YAML aliases/);
	});

	it('refuses duplicate keys, several documents and broken syntax, with a line number', () => {
		expect(() => parseYaml('a: 1\na: 2')).toThrow(/Map keys must be unique at line 2/);
		expect(() => parseYaml('a: 1\n---\nb: 2')).toThrow(/multiple documents/);
		expect(() => parseYaml('a: [1\n')).toThrow(ParseError);
	});

	it('keeps merge keys as plain keys', () => {
		expect(parseYaml('a: &a {x: 1}\nb:\n  <<: *a')).toEqual({ a: { x: 1 }, b: { '<<': { x: 1 } } });
	});
});

describe('parseFrontMatter', () => {
	it('splits YAML front matter from the body', () => {
		expect(parseFrontMatter('---\nkind: lesson\ntitle: Fasen\n---\nTekst.\n')).toEqual({
			data: { kind: 'lesson', title: 'Fasen' },
			body: 'Tekst.\n'
		});
		expect(parseFrontMatter('---\r\ntitle: x\r\n---\r\nTekst').data).toEqual({ title: 'x' });
	});

	it.each(['---js', '---json', '---yaml', '--- coffee', '----'])('refuses "%s"', (opening) => {
		expect(() => parseFrontMatter(`${opening}\ntitle: x\n---\n`)).toThrow(
			/front matter must open with "---" alone/
		);
	});

	it('needs an opening and a closing line', () => {
		expect(() => parseFrontMatter('# Titel\n')).toThrow(/missing front matter/);
		expect(() => parseFrontMatter('---\ntitle: x\n')).toThrow(/not closed/);
	});

	it('needs a mapping', () => {
		expect(() => parseFrontMatter('---\n- a\n---\n')).toThrow(/must be a YAML mapping/);
		expect(() => parseFrontMatter('---\n---\n')).toThrow(/must be a YAML mapping/);
	});

	it('reports lines as they are in the file', () => {
		expect(() => parseFrontMatter('---\ntitle: x\ntitle: y\n---\n')).toThrow(/at line 3, column 1/);
		expect(() => parseFrontMatter('---\na: !!js/function x\n---\n')).toThrow(/at line 2, column 4/);
	});
});
