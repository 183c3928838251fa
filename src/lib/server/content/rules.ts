// Editorial rules for the shipped course, on top of the schema and graph checks: every lesson shows
// the help line, every item explains its answers, no contact detail outside modules/contacts.yaml,
// one definition per classify category, one name per person and role, sources name their page.
// They run for `npm run modules:check` and the course tests (validateCourse with courseRules).
import { z } from 'zod';
import {
	describeIssues,
	formatPath,
	sourceSchema,
	type Item,
	type Source
} from '$lib/content/schema';
import { ParseError, parseFrontMatter, parseYaml } from './parse';
import type { ContentTree, CourseModule, CourseStep } from './load';

export const CONTACTS_FILE = 'contacts.yaml';

/** The rules modules:check runs besides the schema, named in its output. */
export const COURSE_RULES = [
	'help line in every lesson',
	'feedback that explains every option',
	'contact details from contacts.yaml only',
	'classify categories defined once',
	'names unique per role',
	'sources name their page'
] as const;

export const contactSchema = z.strictObject({
	kind: z.enum(['phone', 'email', 'url']),
	value: z.string().trim().min(1).max(200),
	label: z.string().trim().min(1).max(200),
	/** Where the detail was checked; a help line's year may be unknown, its publisher never. */
	source: sourceSchema.extend({ year: sourceSchema.shape.year.optional() })
});
export const contactsFileSchema = z.array(contactSchema).min(1);
export type Contact = z.infer<typeof contactSchema>;

type Add = (file: string, at: string, message: string) => void;

interface Text {
	file: string;
	path: string;
	text: string;
}

const HELP_LINE = /<HelpLine\s*\/>/;
const HELP_LINE_IMPORT = /import\s+HelpLine\s+from\s+'\$lib\/components\/lesson\/HelpLine\.svelte'/;

/** At least one sentence of four or more words that ends with . ! or ? */
export function hasFullSentence(text: string): boolean {
	return text
		.split(/(?<=[.!?])\s+/)
		.some((s) => /[.!?]["'”)]?$/.test(s.trim()) && s.trim().split(/\s+/).length >= 4);
}

// Contact details as they are written in Dutch text.
const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/gu;
const URL_LIKE =
	/\b(?:https?:\/\/[^\s)>\]]+|www\.[^\s)>\]]+|[a-z\d][a-z\d-]*(?:\.[a-z\d-]+)*\.(?:be|nl|org|com|eu|net|info|vlaanderen|brussels)\b(?:\/[^\s)>\]]*)?)/giu;
// Six or more digits grouped by spaces, dots or slashes (03 201 16 90, 0800.12.345, 116 000).
const LONG_NUMBER = /(?<![\d])\+?\d(?:[ \u00a0./\n]?\d){5,}(?![\d])/g;
// "in 2022 111 meldingen": a year followed by a figure is not a phone number.
const YEAR_THEN_FIGURE = /^(?:19|20)\d\d\s/;
// A short number right after a word that makes it a phone number ("bel 1712", "Awel (102)").
const SHORT_NUMBER =
	/\b(?:bel|belt|bellen|nummer|telefoonnummer|telefoon|tel|lijn|hulplijn|awel|noodnummer)\b[\s:(]*(\d{3,4})(?![\d]|[ \u00a0.]\d)|\p{L}+lijn[\s:(]+(\d{3,4})(?![\d]|[ \u00a0.]\d)/giu;

function normalise(kind: Contact['kind'], value: string): string {
	const v = value.trim().toLowerCase();
	if (kind === 'phone') return v.replace(/[^\d+]/g, '');
	if (kind === 'url')
		return v
			.replace(/^https?:\/\//, '')
			.replace(/^www\./, '')
			.replace(/[/.,;:]+$/, '');
	return v.replace(/[.,;:]+$/, '');
}

/** Every phone number, e-mail address and web address in a text. */
export function findContacts(text: string): { kind: Contact['kind']; value: string }[] {
	const out: { kind: Contact['kind']; value: string }[] = [];
	const emails = [...text.matchAll(EMAIL)].map((m) => m[0].replace(/[.,;:]+$/, ''));
	for (const e of emails) out.push({ kind: 'email', value: e });
	const withoutEmails = text.replace(EMAIL, ' ');
	for (const m of withoutEmails.matchAll(URL_LIKE)) out.push({ kind: 'url', value: m[0] });
	for (const m of withoutEmails.matchAll(LONG_NUMBER)) {
		if (!YEAR_THEN_FIGURE.test(m[0])) out.push({ kind: 'phone', value: m[0].replace(/\s+/g, ' ') });
	}
	for (const m of withoutEmails.matchAll(SHORT_NUMBER)) {
		out.push({ kind: 'phone', value: m[1] ?? m[2] });
	}
	return out;
}

/** The page of a source, or undefined when it names no more than a home page. */
export function isHomePage(url: string): boolean {
	try {
		const u = new URL(url);
		return (u.pathname === '' || u.pathname === '/') && u.search === '' && u.hash === '';
	} catch {
		return false;
	}
}

function itemTexts(item: Item, file: string, base: (string | number)[]): Text[] {
	const out: Text[] = [];
	const at = (...p: (string | number)[]) => formatPath([...base, ...p]);
	out.push({ file, path: at('prompt'), text: item.prompt });
	out.push({ file, path: at('feedback'), text: item.feedback });
	if (item.type === 'single' || item.type === 'multi') {
		item.options.forEach((o, i) => {
			out.push({ file, path: at('options', i, 'text'), text: o.text });
			if (o.feedback) out.push({ file, path: at('options', i, 'feedback'), text: o.feedback });
		});
	} else if (item.type === 'mark') {
		out.push({ file, path: at('text'), text: item.text });
		item.phrases.forEach((p, i) => {
			if (p.feedback) out.push({ file, path: at('phrases', i, 'feedback'), text: p.feedback });
		});
	} else if (item.type === 'classify') {
		item.statements.forEach((s, i) => {
			out.push({ file, path: at('statements', i, 'text'), text: s.text });
			if (s.feedback) out.push({ file, path: at('statements', i, 'feedback'), text: s.feedback });
		});
	} else {
		for (const q of ['concern', 'action'] as const) {
			item[q].options.forEach((o, i) => {
				out.push({ file, path: at(q, 'options', i, 'text'), text: o.text });
				if (o.feedback) out.push({ file, path: at(q, 'options', i, 'feedback'), text: o.feedback });
			});
		}
	}
	return out;
}

interface StepFiles {
	module: CourseModule;
	step: CourseStep;
	index: string;
	body: string;
	texts: Text[];
	items: { item: Item; file: string; base: (string | number)[] }[];
}

/** Runs the course rules over the loaded modules; issues are added like the loader's own. */
export function checkCourseRules(
	tree: ContentTree,
	modules: CourseModule[],
	add: Add
): { contacts: Contact[] } {
	const root = tree.root;
	const pathOf = (...parts: string[]) => parts.reduce((d, p) => tree.join(d, p), root);

	// contacts.yaml: the allow-list, each entry with its source.
	const contactsFile = pathOf(CONTACTS_FILE);
	let contacts: Contact[] = [];
	if (!tree.exists(contactsFile)) {
		add(contactsFile, '', 'file is missing: list every phone number, e-mail and web address here');
	} else {
		try {
			const result = contactsFileSchema.safeParse(parseYaml(tree.read(contactsFile)), {
				reportInput: true
			});
			if (!result.success) {
				for (const p of describeIssues(result.error.issues)) add(contactsFile, p.path, p.message);
			} else {
				contacts = result.data;
				contacts.forEach((c, i) => {
					if (c.source.url && isHomePage(c.source.url))
						add(contactsFile, `[${i}].source.url`, HOME_PAGE);
				});
			}
		} catch (err) {
			if (!(err instanceof ParseError)) throw err;
			add(contactsFile, err.path, err.message);
		}
	}
	const allowed = new Set(contacts.map((c) => `${c.kind}:${normalise(c.kind, c.value)}`));

	// Gather each step's texts once.
	const steps: StepFiles[] = [];
	for (const mod of modules) {
		const indexFile = pathOf(mod.folder, 'index.md');
		mod.meta.sources.forEach((s: Source, i) => {
			if (s.url && isHomePage(s.url)) add(indexFile, `sources[${i}].url`, HOME_PAGE);
		});
		for (const step of mod.steps) {
			const index = pathOf(mod.folder, step.folder, 'index.md');
			let body = '';
			try {
				body = parseFrontMatter(tree.read(index)).body;
			} catch {
				// already reported by the loader
			}
			const texts: Text[] = [{ file: index, path: '', text: stripScript(body) }];
			const items: StepFiles['items'] = [];
			if (step.vignette) {
				const file = pathOf(mod.folder, step.folder, 'vignette.yaml');
				for (const [id, node] of Object.entries(step.vignette.nodes)) {
					texts.push({ file, path: `nodes.${id}.text`, text: node.text });
					node.choices.forEach((c, i) => {
						texts.push({ file, path: `nodes.${id}.choices[${i}].label`, text: c.label });
						texts.push({ file, path: `nodes.${id}.choices[${i}].feedback`, text: c.feedback });
					});
				}
				for (const [id, e] of Object.entries(step.vignette.endings)) {
					texts.push({ file, path: `endings.${id}.title`, text: e.title });
					texts.push({ file, path: `endings.${id}.summary`, text: e.summary });
				}
			}
			const quizFile = pathOf(mod.folder, step.folder, 'quiz.yaml');
			step.quiz?.items.forEach((item, i) =>
				items.push({ item, file: quizFile, base: ['items', i] })
			);
			step.assessment?.pool.forEach((item, i) =>
				items.push({ item, file: quizFile, base: ['pool', i] })
			);
			for (const { item, file, base } of items) texts.push(...itemTexts(item, file, base));
			steps.push({ module: mod, step, index, body, texts, items });
		}
	}

	for (const s of steps) {
		// Help line in every lesson.
		if (s.step.meta.kind === 'lesson') {
			if (!HELP_LINE.test(s.body))
				add(s.index, '', 'a lesson must render the help line: add <HelpLine /> to its text');
			else if (!HELP_LINE_IMPORT.test(s.body))
				add(
					s.index,
					'',
					"import the help line in the <script> block: import HelpLine from '$lib/components/lesson/HelpLine.svelte';"
				);
		}
		// Feedback that explains.
		for (const { item, file, base } of s.items) {
			const at = (...p: (string | number)[]) => formatPath([...base, ...p]);
			if (!hasFullSentence(item.feedback)) add(file, at('feedback'), FEEDBACK_SENTENCE);
			if (item.type === 'single' || item.type === 'multi') {
				item.options.forEach((o, i) => {
					if (!o.feedback)
						add(
							file,
							at('options', i),
							'needs feedback: one full sentence on why this option is right or wrong'
						);
					else if (!hasFullSentence(o.feedback))
						add(file, at('options', i, 'feedback'), FEEDBACK_SENTENCE);
				});
			}
		}
		// Contact details only from the allow-list.
		for (const t of s.texts) {
			for (const c of findContacts(t.text)) {
				if (!allowed.has(`${c.kind}:${normalise(c.kind, c.value)}`)) {
					add(
						t.file,
						t.path,
						`${KIND_WORD[c.kind]} "${c.value}" is not in modules/${CONTACTS_FILE}; add it there with its source, or leave it out`
					);
				}
			}
		}
	}

	// Classify categories: each defined once, in a lesson; every statement uses a defined one.
	const definedBy = new Map<string, StepFiles>();
	for (const s of steps) {
		for (const term of s.step.meta.defines ?? []) {
			const first = definedBy.get(term);
			if (s.step.meta.kind !== 'lesson')
				add(s.index, 'defines', 'only a lesson step defines classify categories');
			else if (first)
				add(
					s.index,
					'defines',
					`"${term}" is already defined in ${tree.display(first.index)}; a category has one definition`
				);
			else definedBy.set(term, s);
		}
	}
	for (const s of steps) {
		for (const { item, file, base } of s.items) {
			if (item.type !== 'classify') continue;
			item.statements.forEach((st, i) => {
				if (!definedBy.has(st.answer))
					add(
						file,
						formatPath([...base, 'statements', i, 'answer']),
						`category "${st.answer}" is not defined in any lesson (defines:); defined: ${[...definedBy.keys()].join(', ') || 'none'}`
					);
			});
		}
	}

	// People: one name per person and role across the course.
	const declared = new Map<string, { role: string; s: StepFiles }[]>();
	for (const s of steps) {
		for (const [name, role] of Object.entries(s.step.meta.cast ?? {})) {
			const list = declared.get(name) ?? [];
			const clash = list.find((d) => d.role === role && d.s.module !== s.module);
			if (clash)
				add(
					s.index,
					`cast.${name}`,
					`"${name}" is already the ${role} in ${tree.display(clash.s.index)}; give this ${role} another name`
				);
			list.push({ role, s });
			declared.set(name, list);
			if (!s.texts.some((t) => mentions(t.text, name)))
				add(s.index, `cast.${name}`, `"${name}" does not appear in this step`);
		}
	}
	for (const s of steps) {
		const own = s.step.meta.cast ?? {};
		for (const [name, list] of declared) {
			if (name in own) continue;
			const hit = s.texts.find((t) => mentions(t.text, name));
			if (hit)
				add(
					hit.file,
					hit.path,
					`mentions "${name}" (the ${list[0].role} in ${tree.display(list[0].s.index)}) but does not list them under cast in ${tree.display(s.index)}`
				);
		}
	}
	return { contacts };
}

const HOME_PAGE = 'points to a home page; give the address of the page the fact comes from';
const FEEDBACK_SENTENCE =
	'feedback must explain in at least one full sentence (four words or more, ending in . ! or ?)';
const KIND_WORD: Record<Contact['kind'], string> = {
	phone: 'phone number',
	email: 'e-mail address',
	url: 'web address'
};

function mentions(text: string, name: string): boolean {
	const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![\\p{L}\\d-])${escaped}(?![\\p{L}\\d])`, 'u').test(text);
}

function stripScript(body: string): string {
	return body.replace(/<script[\s\S]*?<\/script>/g, ' ');
}
