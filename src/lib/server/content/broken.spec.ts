import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError, loadCourse, validateCourse, type ContentIssue } from './load';

const BROKEN = 'tests/fixtures/modules-broken';
const V = '01-basis/02-casus-lina/vignette.yaml';
const Q = '01-basis/03-oefenen/quiz.yaml';
const A = '01-basis/04-eindtoets/quiz.yaml';
const M = '01-basis/index.md';

// case folder -> the issues it must produce, in order: [file in the case folder, path, message]
const cases: Record<string, [string, string, string][]> = {
	'unknown-next-node': [[V, 'nodes.n2.choices[0].next', 'unknown node "n9"']],
	'unreachable-node': [[V, 'nodes.n4', 'cannot be reached from start']],
	'unreachable-ending': [[V, 'endings.e-vergeten', 'cannot be reached from start']],
	'cycle-without-exit': [
		[V, 'endings.e-gesprek', 'cannot be reached from start'],
		[V, 'nodes.n2', 'no ending can be reached from this node (a dead end or a cycle without exit)'],
		[V, 'nodes.n3', 'no ending can be reached from this node (a dead end or a cycle without exit)'],
		[V, 'endings', 'needs at least 2 reachable endings, has 1']
	],
	'unknown-signal': [[Q, 'items[3].statements[0].signals[0]', 'unknown signal "drie-gsms"']],
	'duplicate-item-id': [
		[
			A,
			'pool[2].id',
			`duplicate item id "s-eerste-stap", also used in ${BROKEN}/duplicate-item-id/${Q}`
		]
	],
	'no-correct-answer': [[Q, 'items[0].options', 'exactly one option must be correct, found 0']],
	'mark-phrase-not-in-text': [
		[Q, 'items[2].phrases[1].text', '"speelt graag tennis" does not occur in the text']
	],
	'pool-too-small': [[A, 'pool', 'pool has 9 items, needs at least 2 x draw = 16']],
	'pass-mark-too-high': [[M, 'passMark', 'must be between 0 and 1']],
	'reserved-step-name': [
		[
			'01-basis/01-voortoets',
			'',
			'the step name "voortoets" is reserved for the pre-test page; rename the folder'
		]
	],
	'pretest-too-large': [
		[M, 'pretest', 'pretest draws 5 items, but the assessment pool has only 4']
	],
	'missing-assessment': [
		[M, '', 'module has no assessment step; its last step must be kind: assessment']
	],
	'front-matter-js': [
		[
			'01-basis/01-uitleg/index.md',
			'',
			'front matter must open with "---" alone; "---js" is refused (only YAML front matter is allowed)'
		]
	],
	'yaml-alias-bomb': [
		[Q, '', 'too many YAML aliases (more than 100 expanded); aliases are for small reuse only']
	],
	'yaml-js-function': [
		[V, '', 'YAML tags are not allowed: tag:yaml.org,2002:js/function at line 1, column 8']
	],
	bom: [[M, '', 'file starts with a byte order mark (BOM); save it as UTF-8 without BOM']],
	'invalid-utf8': [
		[M, '', 'file is not valid UTF-8 (first invalid byte on line 16); save it as UTF-8']
	],
	'unknown-key': [[V, 'nodes.n1.choices[0].scroe', 'unknown key "scroe" (did you mean "score"?)']]
};

describe('broken fixture modules', () => {
	it('has an expectation for every fixture folder', () => {
		expect(readdirSync(BROKEN).sort()).toEqual(Object.keys(cases).sort());
	});

	it.each(Object.entries(cases))('%s fails with its expected message', (name, expected) => {
		const dir = `${BROKEN}/${name}`;
		const { course, issues } = validateCourse(dir);
		expect(course).toBeNull();
		expect(issues).toEqual(
			expected.map(([file, at, message]) =>
				expect.objectContaining<Partial<ContentIssue>>({
					file: `${dir}/${file}`,
					path: at,
					message
				})
			)
		);
		expect(() => loadCourse(dir)).toThrow(ContentError);
	});

	describe('a file over 256 KB', () => {
		const tmp = mkdtempSync(path.join(tmpdir(), 'signaalwijs-large-'));
		afterAll(() => rmSync(tmp, { recursive: true, force: true }));

		it('is refused', () => {
			cpSync('tests/fixtures/modules-valid', tmp, { recursive: true });
			appendFileSync(path.join(tmp, '01-basis/01-uitleg/index.md'), 'Veel tekst. '.repeat(25_000));
			const { issues } = validateCourse(tmp);
			expect(issues).toHaveLength(1);
			expect(issues[0].file).toMatch(/\/01-basis\/01-uitleg\/index\.md$/);
			expect(issues[0].path).toBe('');
			expect(issues[0].message).toBe('file is too large: 294 KB, the limit is 256 KB');
		});
	});
});

describe('ContentError', () => {
	it('lists every issue, one per line', () => {
		const dir = `${BROKEN}/cycle-without-exit`;
		const error = (() => {
			try {
				loadCourse(dir);
			} catch (err) {
				return err;
			}
		})();
		expect(error).toBeInstanceOf(ContentError);
		const lines = (error as ContentError).message.split('\n');
		expect(lines[0]).toBe('invalid course content (4 problems):');
		expect(lines[1]).toBe(`${dir}/${V}: endings.e-gesprek: cannot be reached from start`);
		expect(lines).toHaveLength(5);
		expect((error as ContentError).issues).toHaveLength(4);
	});
});

describe('npm run modules:check', () => {
	const run = promisify(execFile);
	const check = (dir: string) =>
		run('npx', ['tsx', 'scripts/modules-check.ts', '--dir', dir]).then(
			({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
			(err: { code: number; stdout: string; stderr: string }) => err
		);

	it('prints the summary line for a valid folder', async () => {
		const { code, stdout, stderr } = await check('tests/fixtures/modules-valid');
		expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
		expect(stdout).toBe(
			'modules: 2, steps: 5, vignettes: 1, items: 11, signals: 4\n' +
				'checks: help line in every lesson; feedback that explains every option; contact details from contacts.yaml only; classify categories defined once; names unique per role; sources name their page\n'
		);
	});

	it('exits 1 when a course rule fails, naming file and field', async () => {
		const tmp = mkdtempSync(path.join(tmpdir(), 'signaalwijs-rules-'));
		try {
			cpSync('tests/fixtures/modules-valid', tmp, { recursive: true });
			rmSync(path.join(tmp, 'contacts.yaml'));
			const { code, stdout, stderr } = await check(tmp);
			expect(code).toBe(1);
			expect(stdout).toBe('');
			expect(stderr).toContain(
				'contacts.yaml: file is missing: list every phone number, e-mail and web address here\n'
			);
		} finally {
			rmSync(tmp, { recursive: true, force: true });
		}
	});

	it('exits 1 and names file and field for a broken folder', async () => {
		const { code, stdout, stderr } = await check(`${BROKEN}/unknown-next-node`);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toContain(
			`${BROKEN}/unknown-next-node/${V}: nodes.n2.choices[0].next: unknown node "n9"\n`
		);
	});
});
