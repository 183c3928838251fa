import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue, loadCourse, validateCourse } from './load';

describe('the shipped modules', () => {
	it('all load without problems', () => {
		const { issues, counts } = validateCourse('modules');
		expect(issues.map(formatIssue)).toEqual([]);
		expect(counts.modules).toBeGreaterThan(0);
		expect(() => loadCourse('modules')).not.toThrow();
	});
});

describe('the valid fixture', () => {
	const dir = 'tests/fixtures/modules-valid';

	it('loads with the expected counts', () => {
		const { course, issues, counts } = validateCourse(dir);
		expect(issues).toEqual([]);
		expect(course).not.toBeNull();
		expect(counts).toEqual({ modules: 2, steps: 5, vignettes: 1, items: 11, signals: 4 });
	});

	it('indexes modules, steps and signals', () => {
		const course = loadCourse(dir);
		expect(course.modules.map((m) => [m.slug, m.folder, m.order])).toEqual([
			['basis', '01-basis', 1],
			['opfrissing', '02-opfrissing', 2]
		]);
		const basis = course.moduleBySlug.get('basis')!;
		expect(basis.indexPath).toBe(`/${dir}/01-basis/index.md`);
		expect(basis.meta.refresher).toEqual({
			module: 'opfrissing',
			opensDaysBefore: 60,
			graceDays: 90
		});
		expect(course.moduleBySlug.get('opfrissing')!.meta.refreshes).toEqual(['basis']);
		expect(basis.steps.map((s) => [s.slug, s.meta.kind, s.meta.required])).toEqual([
			['uitleg', 'lesson', true],
			['casus-lina', 'vignette', true],
			['oefenen', 'quiz', true],
			['eindtoets', 'assessment', true]
		]);
		const casus = basis.stepBySlug.get('casus-lina')!;
		expect(casus.indexPath).toBe(`/${dir}/01-basis/02-casus-lina/index.md`);
		expect(casus.vignette!.start).toBe('n1');
		expect(Object.keys(casus.vignette!.endings)).toEqual(['e-gesprek', 'e-afwachten']);
		expect(basis.stepBySlug.get('oefenen')!.quiz!.items.map((i) => i.type)).toEqual([
			'single',
			'multi',
			'mark',
			'classify',
			'judge'
		]);
		expect(basis.stepBySlug.get('eindtoets')!.assessment!.draw).toBe(2);
		expect(course.signalById.get('oudere-vriend')!.category).toBe('relaties');
		expect(basis.contentHash).toMatch(/^[0-9a-f]{64}$/);
	});

	describe('content hash', () => {
		const tmp = mkdtempSync(path.join(tmpdir(), 'signaalwijs-hash-'));
		afterAll(() => rmSync(tmp, { recursive: true, force: true }));

		it('is stable and changes when a file of the module changes', () => {
			const before = loadCourse(dir).moduleBySlug.get('basis')!.contentHash;
			cpSync(dir, tmp, { recursive: true });
			const course = loadCourse(tmp);
			expect(course.moduleBySlug.get('basis')!.contentHash).toBe(before);
			writeFileSync(
				path.join(tmp, '01-basis/01-uitleg/index.md'),
				'---\nkind: lesson\ntitle: Anders\n---\n'
			);
			const after = loadCourse(tmp);
			expect(after.moduleBySlug.get('basis')!.contentHash).not.toBe(before);
			expect(after.moduleBySlug.get('opfrissing')!.contentHash).toBe(
				course.moduleBySlug.get('opfrissing')!.contentHash
			);
		});
	});
});

const toPosix = (p: string) => p.split(path.sep).join('/');

describe('rules across files', () => {
	const tmp = mkdtempSync(path.join(tmpdir(), 'signaalwijs-rules-'));
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));
	let n = 0;
	const variant = (files: Record<string, string>) => {
		const dir = path.join(tmp, String(n++));
		cpSync('tests/fixtures/modules-valid', dir, { recursive: true });
		for (const [file, text] of Object.entries(files)) {
			mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
			writeFileSync(path.join(dir, file), text);
		}
		return validateCourse(dir).issues.map(
			(i) => `${toPosix(path.relative(dir, i.file))}: ${i.path}: ${i.message}`
		);
	};
	const step = (kind: string) => `---\nkind: ${kind}\ntitle: Stap\n---\n`;

	it('checks step kinds against their files', () => {
		expect(variant({ '01-basis/01-uitleg/index.md': step('vignette') })).toEqual([
			'01-basis/01-uitleg/index.md: kind: a vignette step needs a vignette.yaml beside its index.md'
		]);
		expect(variant({ '01-basis/02-casus-lina/index.md': step('lesson') })).toEqual([
			'01-basis/02-casus-lina/vignette.yaml: : only a vignette step has a vignette.yaml; this step is kind: lesson'
		]);
		expect(variant({ '01-basis/03-oefenen/index.md': step('assessment') })).toEqual([
			'01-basis/03-oefenen/quiz.yaml: : an assessment step needs draw: and pool:; items: is for kind: quiz',
			'01-basis/04-eindtoets/index.md: kind: a module has exactly one assessment step; this is a second one',
			'01-basis/03-oefenen/index.md: kind: the assessment step must be the last step of the module'
		]);
	});

	it('checks refresher links', () => {
		const index = (extra: string) =>
			`---\ntitle: Opfrissing\nsummary: Kort.\naudience: both\nminutes: 10\npassMark: 0.7\ncertificate:\n  validityMonths: 24\n${extra}sources:\n  - title: Bron\n    publisher: Child Focus\n    year: 2015\n---\n`;
		expect(variant({ '02-opfrissing/index.md': index('refreshes: [basis, andere]\n') })).toEqual([
			'02-opfrissing/index.md: refreshes[1]: unknown module "andere"'
		]);
		expect(variant({ '02-opfrissing/index.md': index('') })).toEqual([
			'01-basis/index.md: refresher.module: module "opfrissing" does not list "basis" under refreshes'
		]);
	});

	it('checks folder names and unexpected files', () => {
		expect(
			variant({
				'01-basis/01-uitleg/quizz.yaml': 'items: []\n',
				'README.md': '# Over deze map\n',
				'01-basis/5-Extra/index.md': '---\nkind: lesson\ntitle: x\n---\n',
				'03-basis/index.md': '---\ntitle: x\n---\n'
			})
		).toEqual([
			'03-basis: : slug "basis" is also used by 01-basis',
			'01-basis/5-Extra: : folder name must be <nn>-<slug>: two digits, a dash, then lowercase a-z, 0-9, -',
			'01-basis/01-uitleg/quizz.yaml: : unexpected file; expected index.md, vignette.yaml or quiz.yaml'
		]);
	});
});
