import { describe, expect, it } from 'vitest';
import { formatIssue, memoryTree, validateCourse, validateTree } from './load';
import { findContacts, hasFullSentence, isHomePage } from './rules';

// A small course in memory that passes every course rule; each test breaks one thing.
const enc = (s: string) => new TextEncoder().encode(s);

const SIGNALS = `- id: spijbelen-weekend
  label: Spijbelt rond het weekend
  category: school
  description: Is vaak afwezig op maandag of vrijdag.
- id: oudere-vriend
  label: Veel oudere vriend
  category: relaties
  description: Gaat om met iemand die veel ouder is.
`;
const CONTACTS = `- kind: phone
  value: 116 000
  label: Child Focus
  source:
    title: Themapagina tienerpooiers
    publisher: Vlaamse overheid
    year: 2022
`;
const MODULE = `---
title: Basis
summary: Een korte module.
audience: both
minutes: 10
passMark: 0.7
certificate:
  validityMonths: 24
sources:
  - title: Onderzoek naar de tienerpooiermethodiek
    publisher: Child Focus
    year: 2015
---
Inleiding.
`;
const LESSON = `---
kind: lesson
title: Uitleg
defines: [signaal, geen-signaal]
---
<script>
	import HelpLine from '$lib/components/lesson/HelpLine.svelte';
</script>

Bel Child Focus op 116 000 als je twijfelt.

<HelpLine />
`;
const VIGNETTE_INDEX = `---
kind: vignette
title: Casus Lina
cast: { Lina: jongere, Dylan: dader }
---
Een casus.
`;
const choice = (label: string, next: string, score: number) => `      - label: ${label}
        feedback: Dit is de uitleg bij deze keuze.
        score: ${score}
        next: ${next}
`;
const VIGNETTE = `start: n1
nodes:
  n1:
    text: Lina spijbelt en haar vriend Dylan wacht haar op.
    choices:
${choice('Ik spreek haar aan.', 'n2', 2)}${choice('Ik doe niets.', 'e-niets', 0)}  n2:
    text: Lina vertelt iets.
    choices:
${choice('Ik luister.', 'n3', 2)}${choice('Ik oordeel.', 'e-niets', 0)}  n3:
    text: Lina vraagt wat nu.
    choices:
${choice('Ik overleg met het CLB.', 'e-hulp', 2)}${choice('Ik wacht.', 'e-niets', 0)}endings:
  e-hulp:
    title: Hulp
    summary: Er komt hulp.
  e-niets:
    title: Niets
    summary: Er gebeurt niets.
`;
const ASSESSMENT_INDEX = `---
kind: assessment
title: Eindtoets
---
Toets.
`;
const single = (id: string) => `  - id: ${id}
    type: single
    prompt: Wat doe je eerst?
    options:
      - id: a
        text: Rustig een gesprek beginnen.
        correct: true
        feedback: Juist, een rustig gesprek opent de deur.
      - id: b
        text: Meteen straffen.
        feedback: Een straf sluit het gesprek af en helpt niet.
    feedback: Een rustig gesprek is de eerste stap naar hulp.
`;
const CLASSIFY = `  - id: c-uitspraken
    type: classify
    prompt: Signaal of geen signaal?
    statements:
      - id: s1
        text: Ze spijbelt elke maandag.
        answer: signaal
      - id: s2
        text: Ze speelt voetbal.
        answer: geen-signaal
    feedback: Spijbelen rond het weekend is een signaal, voetbal niet.
`;
const ASSESSMENT = `draw: 1
pool:
${single('s-een')}${CLASSIFY}`;

function course(overrides: Record<string, string | null> = {}) {
	const files: Record<string, string | null> = {
		'signals.yaml': SIGNALS,
		'contacts.yaml': CONTACTS,
		'01-basis/index.md': MODULE,
		'01-basis/01-uitleg/index.md': LESSON,
		'01-basis/02-casus-lina/index.md': VIGNETTE_INDEX,
		'01-basis/02-casus-lina/vignette.yaml': VIGNETTE,
		'01-basis/03-eindtoets/index.md': ASSESSMENT_INDEX,
		'01-basis/03-eindtoets/quiz.yaml': ASSESSMENT,
		...overrides
	};
	const map = new Map<string, Uint8Array>();
	for (const [name, text] of Object.entries(files)) if (text !== null) map.set(name, enc(text));
	return validateTree(memoryTree(map), { courseRules: true }).issues.map(formatIssue);
}

const LESSON_FILE = '01-basis/01-uitleg/index.md';
const QUIZ_FILE = '01-basis/03-eindtoets/quiz.yaml';

describe('course rules', () => {
	it('accept a course that keeps them', () => {
		expect(course()).toEqual([]);
	});

	it('are off unless asked for (archive imports, fixtures)', () => {
		const map = new Map([['signals.yaml', enc(SIGNALS)]]);
		map.set('01-basis/index.md', enc(MODULE));
		map.set('01-basis/01-uitleg/index.md', enc('---\nkind: lesson\ntitle: Uitleg\n---\nTekst.\n'));
		map.set('01-basis/03-eindtoets/index.md', enc(ASSESSMENT_INDEX));
		map.set(
			'01-basis/03-eindtoets/quiz.yaml',
			enc(`draw: 1\npool:\n${single('s-een')}${single('s-twee')}`)
		);
		expect(validateTree(memoryTree(map)).issues).toEqual([]);
	});

	describe('help line', () => {
		it('refuses a lesson without <HelpLine />', () => {
			expect(course({ [LESSON_FILE]: LESSON.replace('<HelpLine />', '') })).toEqual([
				`${LESSON_FILE}: a lesson must render the help line: add <HelpLine /> to its text`
			]);
		});

		it('refuses <HelpLine /> without its import', () => {
			const noImport = LESSON.replace(/<script>[\s\S]*<\/script>/, '');
			expect(course({ [LESSON_FILE]: noImport })).toEqual([
				`${LESSON_FILE}: import the help line in the <script> block: import HelpLine from '$lib/components/lesson/HelpLine.svelte';`
			]);
		});
	});

	describe('feedback', () => {
		it('refuses an option without its own explanation', () => {
			const quiz = ASSESSMENT.replace(
				'        feedback: Een straf sluit het gesprek af en helpt niet.\n',
				''
			);
			expect(course({ [QUIZ_FILE]: quiz })).toEqual([
				`${QUIZ_FILE}: pool[0].options[1]: needs feedback: one full sentence on why this option is right or wrong`
			]);
		});

		it('refuses "Fout." as an explanation, for an option and for the item', () => {
			const quiz = ASSESSMENT.replace(
				'Een straf sluit het gesprek af en helpt niet.',
				'Fout.'
			).replace('Spijbelen rond het weekend is een signaal, voetbal niet.', 'Juist');
			const sentence =
				'feedback must explain in at least one full sentence (four words or more, ending in . ! or ?)';
			expect(course({ [QUIZ_FILE]: quiz })).toEqual([
				`${QUIZ_FILE}: pool[0].options[1].feedback: ${sentence}`,
				`${QUIZ_FILE}: pool[1].feedback: ${sentence}`
			]);
		});

		it('knows a full sentence', () => {
			expect(hasFullSentence('Juist.')).toBe(false);
			expect(hasFullSentence('Nee. Een kapsel zegt niets.')).toBe(true);
			expect(hasFullSentence('Een rustig gesprek helpt')).toBe(false);
		});
	});

	describe('contacts', () => {
		it('refuses a phone number, e-mail or web address outside contacts.yaml', () => {
			const lesson = LESSON.replace(
				'Bel Child Focus op 116 000 als je twijfelt.',
				'Bel 03 201 16 90, mail naar hulp@voorbeeld.be of kijk op www.voorbeeld.be/hulp; bel 1712.'
			);
			expect(course({ [LESSON_FILE]: lesson })).toEqual([
				`${LESSON_FILE}: e-mail address "hulp@voorbeeld.be" is not in modules/contacts.yaml; add it there with its source, or leave it out`,
				`${LESSON_FILE}: web address "www.voorbeeld.be/hulp;" is not in modules/contacts.yaml; add it there with its source, or leave it out`,
				`${LESSON_FILE}: phone number "03 201 16 90" is not in modules/contacts.yaml; add it there with its source, or leave it out`,
				`${LESSON_FILE}: phone number "1712" is not in modules/contacts.yaml; add it there with its source, or leave it out`
			]);
		});

		it('finds numbers in item texts too, but not years and figures', () => {
			const quiz = ASSESSMENT.replace(
				'Een rustig gesprek is de eerste stap naar hulp.',
				'In 2022 kreeg het meldpunt 111 meldingen; bel gerust de hulplijn 0800 12 345.'
			);
			expect(course({ [QUIZ_FILE]: quiz })).toEqual([
				`${QUIZ_FILE}: pool[0].feedback: phone number "0800 12 345" is not in modules/contacts.yaml; add it there with its source, or leave it out`
			]);
		});

		it('requires contacts.yaml, each entry with its source', () => {
			expect(course({ 'contacts.yaml': null })).toContain(
				'contacts.yaml: file is missing: list every phone number, e-mail and web address here'
			);
			const noSource = '- kind: phone\n  value: 116 000\n  label: Child Focus\n';
			expect(course({ 'contacts.yaml': noSource })).toContain(
				'contacts.yaml: [0].source: is required'
			);
		});

		it('finds contact details the way Dutch texts write them', () => {
			expect(
				findContacts('Awel (102) en de Zelfmoordlijn 1813, of 116000@childfocus.org.')
			).toEqual([
				{ kind: 'email', value: '116000@childfocus.org' },
				{ kind: 'phone', value: '102' },
				{ kind: 'phone', value: '1813' }
			]);
			expect(findContacts('109 dossiers in 2022, 46 in 2018; artikel 458bis.')).toEqual([]);
		});
	});

	describe('classify categories', () => {
		it('refuses a category no lesson defines', () => {
			const lesson = LESSON.replace('defines: [signaal, geen-signaal]', 'defines: [signaal]');
			expect(course({ [LESSON_FILE]: lesson })).toEqual([
				`${QUIZ_FILE}: pool[1].statements[1].answer: category "geen-signaal" is not defined in any lesson (defines:); defined: signaal`
			]);
		});

		it('refuses a second definition of the same category', () => {
			const second = LESSON.replace('title: Uitleg', 'title: Nog eens uitleg');
			const again = (term: string) =>
				`01-basis/01-uitleg/index.md: defines: "${term}" is already defined in 01-basis/00-eerst/index.md; a category has one definition`;
			expect(course({ '01-basis/00-eerst/index.md': second })).toEqual([
				again('signaal'),
				again('geen-signaal')
			]);
		});

		it('refuses a category outside the four of the schema', () => {
			const quiz = ASSESSMENT.replace('answer: geen-signaal', 'answer: misschien');
			expect(course({ [QUIZ_FILE]: quiz })).toEqual([
				`${QUIZ_FILE}: pool[1].statements[1].answer: must be one of signaal, risicofactor, context, geen-signaal, got text "misschien"`
			]);
		});
	});

	describe('names', () => {
		const secondModule = (cast: string, text: string) => ({
			'02-verder/index.md': MODULE.replace('title: Basis', 'title: Verder'),
			'02-verder/01-casus/index.md': VIGNETTE_INDEX.replace(
				'cast: { Lina: jongere, Dylan: dader }',
				cast
			),
			'02-verder/01-casus/vignette.yaml': VIGNETTE.replaceAll('Lina', text).replace(
				'haar vriend Dylan',
				'haar vriend Bryan'
			),
			'02-verder/02-eindtoets/index.md': ASSESSMENT_INDEX,
			'02-verder/02-eindtoets/quiz.yaml': ASSESSMENT
		});

		it('refuse a name used for another person in the same role', () => {
			expect(course(secondModule('cast: { Lina: jongere, Bryan: dader }', 'Lina'))).toEqual([
				'02-verder/01-casus/index.md: cast.Lina: "Lina" is already the jongere in 01-basis/02-casus-lina/index.md; give this jongere another name'
			]);
		});

		it('refuse a declared name that another step mentions without listing it', () => {
			expect(course(secondModule('cast: { Noor: jongere, Bryan: dader }', 'Noor'))).toEqual([]);
			const mention = secondModule('cast: { Noor: jongere, Bryan: dader }', 'Noor');
			mention['02-verder/01-casus/vignette.yaml'] = mention[
				'02-verder/01-casus/vignette.yaml'
			].replace('Noor vraagt wat nu.', 'Noor vraagt of Dylan mee mag.');
			expect(course(mention)).toEqual([
				'02-verder/01-casus/vignette.yaml: nodes.n3.text: mentions "Dylan" (the dader in 01-basis/02-casus-lina/index.md) but does not list them under cast in 02-verder/01-casus/index.md'
			]);
		});

		it('refuse a cast name that does not appear in the step', () => {
			const index = VIGNETTE_INDEX.replace('Dylan: dader', 'Dylan: dader, Sem: vriend');
			expect(course({ '01-basis/02-casus-lina/index.md': index })).toEqual([
				'01-basis/02-casus-lina/index.md: cast.Sem: "Sem" does not appear in this step'
			]);
		});
	});

	describe('sources', () => {
		it('refuse a home page as the address of a source', () => {
			const mod = MODULE.replace(
				'year: 2015',
				'year: 2015\n    url: https://www.stoptienerpooiers.be/'
			);
			expect(course({ '01-basis/index.md': mod })).toEqual([
				'01-basis/index.md: sources[0].url: points to a home page; give the address of the page the fact comes from'
			]);
			expect(isHomePage('https://www.childfocus.be/nl-be/sextortion')).toBe(false);
		});
	});
});

describe('the shipped course', () => {
	it('keeps every course rule', () => {
		const { issues, counts } = validateCourse('modules', { courseRules: true });
		expect(issues.map(formatIssue)).toEqual([]);
		expect(counts.modules).toBeGreaterThanOrEqual(6);
		expect(counts.vignettes).toBeGreaterThanOrEqual(17);
		expect(counts.items).toBeGreaterThanOrEqual(130);
	});
});
