import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { messages } from '$lib/i18n';
import { snapshotOf, type ModuleSnapshot } from '../../content/versions';
import { parseFrontMatter, validateCourse } from '../../content';
import { readdirSync } from 'node:fs';
import { parseYaml, readContentFile } from '../../content/parse';
import { describeIssues, vignetteNodeSchema } from '$lib/content/schema';
import { getCourse } from '../../content/course';
import { exportFileName, exportModuleZip } from './export';
import { importModuleZip, importedDraftContent } from './import';
import { contentMessage } from './import-messages';
import { mdsvexToMarkdown } from './lesson-markdown';
import { MAX_ARCHIVE_BYTES, MAX_ENTRIES } from './limits';
import { readZip, writeZip, type ZipEntryInput } from './zip';

const t = messages.authoringZip;
const course = getCourse();
const known = new Set(course.signalById.keys());
const encode = (text: string) => new TextEncoder().encode(text);
const limits = { maxEntries: 400, maxFileBytes: 256 * 1024, maxTotalBytes: 2 * 1024 * 1024 };

/** What an imported shipped module must equal: its texts as markdown instead of file paths. */
function authored(snapshot: ModuleSnapshot): ModuleSnapshot {
	const body = (p: string) => parseFrontMatter(readContentFile('.' + p)).body;
	return {
		slug: snapshot.slug,
		meta: snapshot.meta,
		markdown: body(snapshot.indexPath!),
		steps: snapshot.steps.map(({ indexPath, ...step }) => ({
			...JSON.parse(JSON.stringify(step)),
			markdown: body(indexPath!)
		}))
	};
}

// The smallest shipped module, as files, to build broken archives from.
const base = snapshotOf(course.moduleBySlug.get('opfrissing')!);
const baseFiles = (() => {
	const read = readZip(exportModuleZip(base), limits);
	if (!read.ok) throw new Error('export of opfrissing is unreadable');
	return new Map(read.files.map((f) => [f.name, new TextDecoder().decode(f.data)]));
})();
const folder = [...baseFiles.keys()].find((n) => n.endsWith('/index.md'))!.split('/')[0];
const steps = [...baseFiles.keys()].filter((n) => n.split('/').length === 3);
const quizFile = steps.find((n) => n.endsWith('/quiz.yaml'))!;
const stepIndex = steps.find((n) => n.endsWith('/index.md'))!;

/** The base module with some files replaced (a string), added, or removed (null). */
function archive(
	changes: Record<string, string | Uint8Array | null> = {},
	extra: ZipEntryInput[] = []
): Uint8Array {
	const files = new Map<string, string | Uint8Array>(baseFiles);
	for (const [name, data] of Object.entries(changes)) {
		if (data === null) files.delete(name);
		else files.set(name, data);
	}
	return writeZip([
		...[...files].map(([name, data]) => ({
			name,
			data: typeof data === 'string' ? encode(data) : data
		})),
		...extra
	]);
}

function refused(bytes: Uint8Array): string[] {
	const result = importModuleZip(bytes, known);
	if (result.ok) throw new Error('the archive was accepted');
	return result.errors;
}

/** Sets the declared unpacked size of entry `index` in both its local and central header. */
function lieAboutSize(zip: Uint8Array, index: number, size: number): Uint8Array {
	const out = zip.slice();
	const view = new DataView(out.buffer);
	const eocd = out.length - 22;
	let at = view.getUint32(eocd + 16, true);
	for (let i = 0; i < index; i++) {
		at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true);
		at += view.getUint16(at + 32, true);
	}
	view.setUint32(at + 24, size, true);
	view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
	return out;
}

describe('exportModuleZip and importModuleZip', () => {
	it.each(course.modules.map((m) => [m.slug, m] as const))(
		'gives back an equal module for shipped module %s',
		(_, mod) => {
			const snapshot = snapshotOf(mod);
			const bytes = exportModuleZip(snapshot);
			const result = importModuleZip(bytes, known);
			expect(result).toEqual({ ok: true, module: authored(snapshot) });
			if (!result.ok) return;
			expect(result.module.indexPath).toBeUndefined();
			// exporting the imported module writes the very same archive
			expect(Buffer.from(exportModuleZip(result.module)).equals(Buffer.from(bytes))).toBe(true);
		}
	);

	it('writes the modules/ layout with a signals.yaml of the signals the module tags', () => {
		const mod = course.moduleBySlug.get('wat-en-hoe')!;
		const read = readZip(exportModuleZip(snapshotOf(mod)), limits);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		const names = read.files.map((f) => f.name);
		expect(names).toContain(`${mod.folder}/index.md`);
		for (const step of mod.steps) expect(names).toContain(`${mod.folder}/${step.folder}/index.md`);
		expect(names).toContain('signals.yaml');
		const index = new TextDecoder().decode(
			read.files.find((f) => f.name.endsWith('/index.md'))!.data
		);
		expect(index).toMatch(/^---\ntitle: "Tienerpooiers: wat en hoe"\nsummary: /);
		expect(index).not.toContain('refreshes');
		expect(exportFileName(snapshotOf(mod))).toBe(`${mod.folder}.zip`);
	});

	it('exports an authored module from its markdown', () => {
		const imported = importModuleZip(archive(), known);
		if (!imported.ok) throw new Error(imported.errors.join('\n'));
		const changed = { ...imported.module, markdown: 'Een **nieuwe** inleiding.\n' };
		const again = importModuleZip(exportModuleZip(changed), known);
		expect(again.ok && again.module.markdown).toBe('Een **nieuwe** inleiding.\n');
	});

	it('turns the lesson components of a shipped export into Markdown for a draft, nothing else', () => {
		const mod = course.moduleBySlug.get('handelen')!;
		const imported = importModuleZip(exportModuleZip(snapshotOf(mod)), known);
		if (!imported.ok) throw new Error(imported.errors.join('\n'));
		expect(imported.module.steps.some((s) => s.markdown!.includes('<Callout'))).toBe(true);
		const draft = importedDraftContent(imported.module);
		for (const step of draft.steps) expect(step.markdown).not.toMatch(/<script|<Callout|<HelpLine/);
		expect(draft.steps.map((s) => s.quiz ?? s.assessment ?? s.vignette)).toEqual(
			imported.module.steps.map((s) => s.quiz ?? s.assessment ?? s.vignette)
		);
		const plain = { ...imported.module, markdown: 'Gewone *Markdown*\n\n\n\nmet witruimte  \n' };
		expect(importedDraftContent(plain).markdown).toBe(plain.markdown);
	});

	it('reads an archive made by another zip tool (Python zipfile, with a folder entry)', () => {
		const python = Buffer.from(
			'UEsDBBQAAAAIAFeUfV0AAAAAAgAAAAAAAAAEAAAAbWFwLwMAUEsDBBQAAAAIAFeUfV2xmNWpFgAAACwBAAANAAAAbWFwL2hhbGxvLnR4dPNIzMnJ11EoTy1KzUlRVPAY5eLmAgBQSwECFAMUAAAACABXlH1dAAAAAAIAAAAAAAAABAAAAAAAAAAAABAA/UEAAAAAbWFwL1BLAQIUAxQAAAAIAFeUfV2xmNWpFgAAACwBAAANAAAAAAAAAAAAAACAASQAAABtYXAvaGFsbG8udHh0UEsFBgAAAAACAAIAbQAAAGUAAAAAAA==',
			'base64'
		);
		const read = readZip(python, limits);
		expect(read.ok && read.files.map((f) => [f.name, new TextDecoder().decode(f.data)])).toEqual([
			['map/hallo.txt', 'Hallo, wereld! '.repeat(20)]
		]);
	});
});

describe('importModuleZip refuses bad archives', () => {
	it('refuses an entry path with ..', () => {
		expect(refused(archive({}, [{ name: '../buiten.md', data: encode('x') }]))).toEqual([
			t.traversal('../buiten.md')
		]);
		const deep = `${folder}/../../etc/passwd`;
		expect(refused(archive({}, [{ name: deep, data: encode('x') }]))).toEqual([t.traversal(deep)]);
		expect(t.traversal('../buiten.md')).toContain('het pad bevat ".."');
	});

	it('refuses absolute paths, drive letters and backslashes', () => {
		expect(refused(archive({}, [{ name: '/etc/passwd', data: encode('x') }]))).toEqual([
			t.absolute('/etc/passwd')
		]);
		expect(refused(archive({}, [{ name: 'C:/Windows/win.ini', data: encode('x') }]))).toEqual([
			t.absolute('C:/Windows/win.ini')
		]);
		const windows = `${folder}\\..\\..\\index.md`;
		expect(refused(archive({}, [{ name: windows, data: encode('x') }]))).toEqual([
			t.backslash(windows)
		]);
		expect(t.absolute('/etc/passwd')).toBe(
			'/etc/passwd: dit is een absoluut pad. Paden in het archief beginnen bij de map van de module.'
		);
	});

	it('refuses a symlink, seen in the external attributes of the central directory', () => {
		const link = {
			name: `${folder}/01-link/index.md`,
			data: encode('/etc/passwd'),
			mode: 0o120777
		};
		const bytes = archive({}, [link]);
		// the central directory entry carries S_IFLNK in the upper 16 bits of its attributes
		expect(Buffer.from(bytes).includes(Buffer.from([0xff, 0xa1]))).toBe(true);
		expect(refused(bytes)).toEqual([t.symlink(`${folder}/01-link/index.md`)]);
		expect(t.symlink('x')).toContain('symbolische koppeling');
	});

	it('refuses too many entries before reading any of them', () => {
		const many = Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => ({
			name: `${folder}/extra-${i}/`,
			data: new Uint8Array()
		}));
		expect(refused(writeZip(many))).toEqual([t.tooManyEntries(MAX_ENTRIES + 1, MAX_ENTRIES)]);
		expect(t.tooManyEntries(401, 400)).toBe(
			'Het archief bevat 401 bestanden en mappen; het maximum is 400.'
		);
	});

	it('refuses an archive whose declared unpacked size is too large', () => {
		const big = new Uint8Array(250 * 1024).fill(0x61);
		const files = Array.from({ length: 9 }, (_, i) => ({
			name: `${folder}/0${i + 1}-stap/index.md`,
			data: big
		}));
		expect(refused(writeZip(files))).toEqual([t.tooLarge(2)]);
		expect(refused(archive({ [stepIndex]: new Uint8Array(300 * 1024).fill(0x61) }))).toEqual([
			t.fileTooLarge(stepIndex, 256)
		]);
	});

	it('stops inflating a zip bomb that lies about its size', () => {
		// 64 MB of zeros deflates to about 64 KB; the headers claim 100 bytes
		const bomb = new Uint8Array(64 * 1024 * 1024);
		const zip = writeZip([{ name: `${folder}/index.md`, data: bomb, method: 8 }]);
		expect(zip.length).toBeLessThan(MAX_ARCHIVE_BYTES);
		const lying = lieAboutSize(zip, 0, 100);
		const started = performance.now();
		expect(refused(lying)).toEqual([t.tooLarge(2)]);
		expect(performance.now() - started).toBeLessThan(2000);
		expect(deflateRawSync(bomb).length).toBeLessThan(100 * 1024);
	});

	it('refuses a file that is not valid UTF-8, and one with a byte order mark', () => {
		const bad = new Uint8Array([...encode('items:\n  - id: a'), 0xff, 0xfe, 0x0a]);
		expect(refused(archive({ [quizFile]: bad }))).toEqual([
			t.inFile(quizFile, '', t.content.notUtf8('2'))
		]);
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(baseFiles.get(stepIndex)!)]);
		expect(refused(archive({ [stepIndex]: bom }))).toEqual([
			t.inFile(stepIndex, '', t.content.bom)
		]);
	});

	it('refuses ---js front matter', () => {
		const js = '---js\n{ title: (() => process.exit())() }\n---\nTekst\n';
		expect(refused(archive({ [`${folder}/index.md`]: js }))).toEqual([
			t.inFile(`${folder}/index.md`, '', t.content.frontMatterLanguage('---js'))
		]);
	});

	it('refuses a YAML alias bomb', () => {
		const lol = [
			'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
			...'bcdefgh'
				.split('')
				.map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)
		].join('\n');
		expect(refused(archive({ [quizFile]: lol }))).toEqual([
			t.inFile(quizFile, '', t.content.yamlAliases('100'))
		]);
	});

	it('refuses !!js/function and other YAML tags', () => {
		const evil = 'items: !!js/function "function () { return process.exit() }"\n';
		expect(refused(archive({ [quizFile]: evil }))).toEqual([
			t.inFile(quizFile, '', t.content.yamlTag('!!js/function'))
		]);
	});

	it('refuses files other than index.md, vignette.yaml, quiz.yaml and signals.yaml', () => {
		const html = `${steps[0].split('/').slice(0, 2).join('/')}/foto.png`;
		const svg = `${folder}/logo.svg`;
		expect(
			refused(
				archive({
					[html]: '<html><script>alert(1)</script></html>',
					[svg]: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
					'README.md': 'Lees mij'
				})
			)
		).toEqual([t.notAllowed(html), t.notAllowed(svg), t.notAllowed('README.md')].sort());
		expect(t.notAllowed('x.png')).toContain('hoort niet in een module-archief');
	});

	it('refuses bytes that are not a zip archive', () => {
		expect(refused(encode('Dit is gewoon tekst.'))).toEqual([t.notZip]);
		expect(refused(new Uint8Array())).toEqual([t.notZip]);
		const png = new Uint8Array([
			0x89,
			0x50,
			0x4e,
			0x47,
			0x0d,
			0x0a,
			0x1a,
			0x0a,
			...new Uint8Array(64)
		]);
		expect(refused(png)).toEqual([t.notZip]);
	});

	it('refuses a damaged archive: cut off, or a changed byte', () => {
		const good = archive();
		expect(refused(good.slice(0, good.length - 100))).toEqual([t.corrupt]);
		const flipped = good.slice();
		flipped[60] ^= 0xff; // inside the first file's compressed data
		expect(refused(flipped)).toEqual([t.corrupt]);
	});

	it('refuses an upload larger than the limit', () => {
		expect(refused(new Uint8Array(MAX_ARCHIVE_BYTES + 1))).toEqual([t.uploadTooLarge(400)]);
	});

	it('refuses an archive with no module or with two', () => {
		expect(
			refused(
				writeZip([{ name: 'signals.yaml', data: encode(baseFiles.get('signals.yaml') ?? '') }])
			)
		).toEqual([t.noModule]);
		const second = `99-tweede/index.md`;
		expect(refused(archive({ [second]: baseFiles.get(`${folder}/index.md`)! }))).toEqual([
			t.severalModules(`${folder}, 99-tweede`)
		]);
	});

	it('refuses invalid content with the same checks as modules:check, in Dutch', () => {
		const index = baseFiles.get(`${folder}/index.md`)!.replace(/passMark: [\d.]+/, 'passMark: 2');
		expect(refused(archive({ [`${folder}/index.md`]: index }))).toEqual([
			`${folder}/index.md, veld passMark: moet tussen 0 en 1 liggen.`
		]);
		expect(refused(archive({ [quizFile]: null }))).toEqual([
			t.inFile(
				quizFile.replace(/quiz\.yaml$/, 'index.md'),
				'kind',
				t.content.needsQuiz('assessment')
			)
		]);
	});

	it('names the vignette field of a broken link and a typo in a key', () => {
		const file = steps.find((n) => n.endsWith('/vignette.yaml'))!;
		const vignette = baseFiles.get(file)!;
		const next = /next: ([a-z0-9-]+)/.exec(vignette)![1];
		const broken = vignette.replace(`next: ${next}`, 'next: nergens');
		const errors = refused(archive({ [file]: broken }));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(
			new RegExp(
				`^${file}, veld nodes\\.[a-z0-9-]+\\.choices\\[0\\]\\.next: onbekend knooppunt "nergens"\\.$`
			)
		);
		const typo = vignette.replace(/^start:/m, 'strat:');
		expect(refused(archive({ [file]: typo }))).toEqual([
			t.inFile(file, 'strat', 'onbekende sleutel "strat" (bedoel je "start"?)')
		]);
	});

	it('refuses signal tags that are not in the platform taxonomy, even if signals.yaml lists them', () => {
		const quiz = baseFiles.get(quizFile)!;
		const id = /signals:\n\s+- ([a-z0-9-]+)/.exec(quiz)![1];
		const changed = quiz.replace(`- ${id}\n`, '- verzonnen-signaal\n');
		const signals = `${baseFiles.get('signals.yaml')}- id: verzonnen-signaal\n  label: Verzonnen\n  category: gedrag\n  description: Bestaat niet op het platform.\n`;
		const errors = refused(archive({ [quizFile]: changed, 'signals.yaml': signals }));
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(
			new RegExp(
				`^${quizFile}, veld pool\\[\\d+\\]\\.[a-z.\\[\\]0-9]*signals?\\[\\d+\\]: onbekend signaal "verzonnen-signaal"`
			)
		);
	});

	it('never throws on damaged bytes: every flipped byte or cut is a refusal or the module', () => {
		const good = archive();
		let seed = 7;
		const random = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31;
			return seed % n;
		};
		for (let i = 0; i < 300; i++) {
			const bad = good.slice(0, i % 3 === 0 ? random(good.length) : good.length);
			for (let j = 0; j < 1 + random(4); j++) bad[random(bad.length)] = random(256);
			const result = importModuleZip(bad, known);
			if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
		}
	});

	it('refuses a file entered twice', () => {
		const twice = {
			name: `${folder}/index.md`,
			data: encode(baseFiles.get(`${folder}/index.md`)!)
		};
		expect(refused(archive({}, [twice]))).toEqual([t.duplicate(`${folder}/index.md`)]);
	});
});

describe('contentMessage', () => {
	it('says every problem of the broken fixture modules in Dutch', () => {
		const root = 'tests/fixtures/modules-broken';
		const english: string[] = [];
		for (const dir of readdirSync(root)) {
			for (const issue of validateCourse(`${root}/${dir}`).issues) {
				const dutch = contentMessage(issue);
				if (issue.code === 'content.other' || dutch.startsWith('ongeldige waarde ('))
					english.push(`${dir}: ${issue.message}`);
			}
		}
		expect(english).toEqual([]);
	});

	it('says a schema problem from its code, not from its English', () => {
		const result = vignetteNodeSchema.safeParse(
			{
				text: 'Een situatie.',
				choices: [{ label: 'A', feedback: 'B', score: 'vijf', next: 'n2' }]
			},
			{ reportInput: true }
		);
		const said = describeIssues(result.error!.issues).map((p) => [p.path, contentMessage(p)]);
		expect(said).toEqual([
			['choices[0].score', 'moet een getal zijn, maar is de tekst "vijf"'],
			['choices', 'heeft minstens 2 keuzes nodig']
		]);
		expect(() => parseYaml('a:\n  b: 1\n c: 2')).toThrow(
			expect.objectContaining({ code: 'content.yamlInvalid' })
		);
	});

	it.each([
		['content.required', {}, 'is verplicht'],
		[
			'content.oneOf',
			{ values: 'lesson, vignette, quiz, assessment' },
			'moet een van deze waarden zijn: lesson, vignette, quiz, assessment'
		],
		['content.tooLong', { max: 120, what: 'characters' }, 'is te lang: hoogstens 120 tekens'],
		['content.tooFew', { min: 2, what: 'choices' }, 'heeft minstens 2 keuzes nodig'],
		['content.yamlInvalid', { line: 3, column: 8 }, 'ongeldige YAML op regel 3, kolom 8'],
		[
			'content.unknownKey',
			{ key: 'titel', guess: 'title' },
			'onbekende sleutel "titel" (bedoel je "title"?)'
		]
	] as const)('%s', (code, params, dutch) => {
		expect(contentMessage({ code, params })).toBe(dutch);
	});
});

describe('hostile lesson texts', () => {
	// Repeated unclosed component tags made the lesson regexes quadratic: a 400 KB upload froze
	// the server for seconds. Each text is bounded and each scan linear now.
	const hostile = (tag: string) => {
		const { data, body } = parseFrontMatter(baseFiles.get(stepIndex)!);
		const front = baseFiles.get(stepIndex)!.slice(0, baseFiles.get(stepIndex)!.indexOf(body));
		expect(data).toBeTruthy();
		return front + tag.repeat(Math.floor((250 * 1024 - front.length) / tag.length));
	};

	for (const tag of ['<script ', '<Callout title="x">', '<SignalCard ', '<Callout ']) {
		it(`refuses or converts a text of repeated ${tag.trim()} in under a second`, () => {
			const started = performance.now();
			const result = importModuleZip(archive({ [stepIndex]: hostile(tag) }), known);
			if (result.ok) importedDraftContent(result.module);
			expect(performance.now() - started).toBeLessThan(1000);
			// Longer than the 100 KB Markdown limit: refused with a clear message naming the file.
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.errors.join('\n')).toContain(stepIndex);
		});
	}

	it('converts the components in linear time, even left unclosed', () => {
		const text =
			'<Callout title="a">'.repeat(5000) + '<script>'.repeat(5000) + '<SignalCard x'.repeat(5000);
		const started = performance.now();
		mdsvexToMarkdown(text);
		expect(performance.now() - started).toBeLessThan(200);
		expect(
			mdsvexToMarkdown('<script>x</script>\n<Callout title="Let op">\nTekst\n</Callout>\n')
		).toBe('> **Let op**\n>\n> Tekst\n');
	});
});
