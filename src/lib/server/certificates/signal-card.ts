// The signal card: one printable A5 page per module (pdf-lib, like the certificate) with the
// signal categories the module works with, the "one signal means little" rule, the first steps
// and the contacts. Every phone number, e-mail and web address comes from modules/contacts.yaml:
// the fixed ones (116 000, 1712, 101, 112) plus those the module's own texts mention. The text
// is real, selectable text in an embedded font; the document has a title and language nl-BE and
// is tagged (tagged-pdf.ts): H1 for the card's title, H2 per section, P for text, L/LI for the
// first steps and the contacts, in reading order.
import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { itemSignalIds, type Item } from '$lib/content/schema';
import { CATEGORY_LABELS, SIGNAL_CATEGORIES } from '$lib/content/categories';
import { messages } from '$lib/i18n';
import { config } from '../platform/config';
import { getCourse } from '../content/course';
import { parseYaml } from '../content/parse';
import { CONTACTS_FILE, contactsFileSchema, findContacts, type Contact } from '../content/rules';
import { loadVersion, newestVisibleVersionId, type ModuleSnapshot } from '../content/versions';
import { fontBytes } from './fonts';
import { Tagger, type StructureNode } from './tagged-pdf';

export interface SignalCardInput {
	moduleTitle: string;
	/** Category label and the labels of the module's signals in it, in taxonomy order. */
	categories: { label: string; signals: string[] }[];
	contacts: { value: string; label: string }[];
}

/** Always on the card, in this order; their labels come from contacts.yaml. */
export const FIXED_CONTACTS = ['116 000', '1712', '101', '112'] as const;

function readContacts(): Contact[] {
	const file = path.join(config.modulesDir, CONTACTS_FILE);
	return contactsFileSchema.parse(parseYaml(fs.readFileSync(file, 'utf8')));
}

const digits = (value: string) => value.replace(/\s+/g, '').toLowerCase();

/** The module's texts: its Markdown (files for a shipped module) and its cases. */
function moduleTexts(mod: ModuleSnapshot): string[] {
	const texts: string[] = [];
	if (mod.markdown) texts.push(mod.markdown);
	const shipped = getCourse().moduleBySlug.get(mod.slug);
	const read = (file: string) => {
		try {
			texts.push(fs.readFileSync(file, 'utf8'));
		} catch {
			// A step without its own text: nothing to scan.
		}
	};
	if (shipped) {
		const dir = path.join(config.modulesDir, shipped.folder);
		read(path.join(dir, 'index.md'));
		for (const step of shipped.steps) read(path.join(dir, step.folder, 'index.md'));
	}
	for (const step of mod.steps) {
		if (step.markdown) texts.push(step.markdown);
		for (const node of Object.values(step.vignette?.nodes ?? {})) {
			texts.push(node.text, ...node.choices.map((c) => c.feedback));
		}
		for (const ending of Object.values(step.vignette?.endings ?? {})) texts.push(ending.summary);
	}
	return texts;
}

function moduleSignalIds(mod: ModuleSnapshot): Set<string> {
	const ids = new Set<string>();
	for (const step of mod.steps) {
		for (const node of Object.values(step.vignette?.nodes ?? {}))
			node.signals?.forEach((s) => ids.add(s));
		const items: Item[] = [...(step.quiz?.items ?? []), ...(step.assessment?.pool ?? [])];
		for (const item of items) for (const { id } of itemSignalIds(item)) ids.add(id);
	}
	return ids;
}

/**
 * What the card of a module shows: the newest version this user may see (a shipped module, or
 * an authored one of their own organisation), or null when there is none.
 */
export async function signalCardFor(slug: string, userId: number): Promise<SignalCardInput | null> {
	const versionId = await newestVisibleVersionId(slug, userId);
	const mod = versionId === undefined ? undefined : (await loadVersion(versionId))?.module;
	if (!mod) return null;
	const course = getCourse();

	const used = moduleSignalIds(mod);
	const categories = SIGNAL_CATEGORIES.map((category) => ({
		label: CATEGORY_LABELS[category],
		signals: course.signals
			.filter((s) => s.category === category && used.has(s.id))
			.map((s) => s.label)
	})).filter((c) => c.signals.length > 0);

	const all = readContacts();
	const byValue = new Map(all.map((c) => [digits(c.value), c]));
	const chosen: Contact[] = [];
	const add = (value: string) => {
		const contact = byValue.get(digits(value));
		if (contact && !chosen.includes(contact)) chosen.push(contact);
	};
	FIXED_CONTACTS.forEach(add);
	for (const text of moduleTexts(mod)) for (const found of findContacts(text)) add(found.value);

	return {
		moduleTitle: mod.meta.title,
		categories,
		contacts: chosen.map((c) => ({ value: c.value, label: c.label }))
	};
}

const ink = rgb(0.11, 0.16, 0.24);
const muted = rgb(0.3, 0.35, 0.42);
const accent = rgb(0.05, 0.37, 0.42);

/** Characters the embedded Latin subset lacks become their base letter, or "?". */
function printable(font: PDFFont, text: string): string {
	const set = new Set(font.getCharacterSet());
	return [...text]
		.map((char) => {
			if (set.has(char.codePointAt(0)!)) return char;
			const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
			return [...base].every((c) => set.has(c.codePointAt(0)!)) ? base : '?';
		})
		.join('');
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const next = line ? `${line} ${word}` : word;
		if (line && font.widthOfTextAtSize(next, size) > width) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

class Writer {
	y: number;
	constructor(
		/** Null while measuring: nothing is drawn or tagged. */
		private target: { page: PDFPage; tagger: Tagger } | null,
		private x: number,
		private width: number,
		top: number,
		/** Every size is multiplied by this, so a module with many signals still fits the page. */
		private scale: number
	) {
		this.y = top;
	}

	/** Draws `text` wrapped to the width as one marked run of `into` (a new P by default). */
	text(
		font: PDFFont,
		text: string,
		size: number,
		{ color = ink, indent = 0, gap = 1.25, into }: TextOptions = {}
	) {
		const s = size * this.scale;
		const lines = wrap(font, printable(font, text), s, this.width - indent);
		const draw = () => {
			for (const line of lines) {
				this.y -= s * gap;
				this.target?.page.drawText(line, { x: this.x + indent, y: this.y, size: s, font, color });
			}
		};
		if (!this.target) return draw();
		const { tagger } = this.target;
		tagger.mark(into ?? tagger.element('P'), draw);
	}

	heading(font: PDFFont, text: string) {
		this.y -= 8 * this.scale;
		this.text(font, text, 11.5, { color: accent, into: this.target?.tagger.element('H2') });
		this.y -= 2 * this.scale;
	}

	/** A list element and, per entry, an LI with its LBody (null while measuring). */
	list(): { entry: () => StructureNode | undefined } {
		const tagger = this.target?.tagger;
		const list = tagger?.element('L');
		return {
			entry: () => (tagger ? tagger.element('LBody', tagger.element('LI', list)) : undefined)
		};
	}
}

interface TextOptions {
	color?: ReturnType<typeof rgb>;
	indent?: number;
	gap?: number;
	/** The structure element this run belongs to. */
	into?: StructureNode;
}

export async function renderSignalCard(card: SignalCardInput): Promise<Uint8Array<ArrayBuffer>> {
	const t = messages.signalCard;
	const doc = await PDFDocument.create();
	doc.registerFontkit(fontkit);
	const [regular, bold] = await Promise.all([
		doc.embedFont(fontBytes('regular'), { subset: true }),
		doc.embedFont(fontBytes('bold'), { subset: true })
	]);
	doc.setTitle(t.documentTitle(card.moduleTitle), { showInWindowTitleBar: true });
	doc.setAuthor('Signaalwijs');
	doc.setSubject(t.rule);
	doc.setCreator('Signaalwijs');
	doc.setProducer('Signaalwijs (pdf-lib)');
	// The same card always gives the same bytes.
	doc.setCreationDate(new Date(0));
	doc.setModificationDate(new Date(0));
	doc.catalog.set(PDFName.of('PageLayout'), PDFName.of('SinglePage'));

	// A5 portrait.
	const page = doc.addPage([419.53, 595.28]);
	const tagger = new Tagger(doc, page);
	const { width, height } = page.getSize();
	const margin = 28;
	tagger.artifact(() => {
		page.drawRectangle({ x: 0, y: height - 64, width, height: 64, color: accent });
		page.drawText('Signaalwijs', {
			x: margin,
			y: height - 24,
			size: 9,
			font: bold,
			color: rgb(1, 1, 1)
		});
	});
	tagger.mark(tagger.element('H1'), () =>
		page.drawText(printable(bold, t.heading), {
			x: margin,
			y: height - 48,
			size: 20,
			font: bold,
			color: rgb(1, 1, 1)
		})
	);
	const body = (target: PDFPage | null, scale: number) => {
		const w = new Writer(
			target && { page: target, tagger },
			margin,
			width - 2 * margin,
			height - 66,
			scale
		);
		w.text(bold, card.moduleTitle, 11);

		w.heading(bold, t.ruleHeading);
		w.text(regular, t.rule, 9.5);

		if (card.categories.length) {
			w.heading(bold, t.signalsHeading);
			const categories = w.list();
			for (const category of card.categories) {
				const into = categories.entry();
				w.text(bold, category.label, 8.5, { gap: 1.35, into });
				w.text(regular, category.signals.join(' · '), 8, { color: muted, indent: 8, into });
			}
		}

		w.heading(bold, t.stepsHeading);
		const steps = w.list();
		t.steps.forEach((step, i) => w.text(regular, `${i + 1}. ${step}`, 9, { into: steps.entry() }));

		w.heading(bold, t.contactsHeading);
		const contacts = w.list();
		for (const contact of card.contacts) {
			const into = contacts.entry();
			w.text(bold, contact.value, 9, { gap: 1.3, into });
			w.text(regular, contact.label, 8, { color: muted, indent: 8, gap: 1.2, into });
		}
		return w.y;
	};
	// Measure first (nothing drawn), then draw at the largest scale that stays above the footer.
	let scale = 1;
	while (scale > 0.6 && body(null, scale) < 30) scale -= 0.04;
	body(page, scale);

	tagger.mark(tagger.element('P'), () =>
		page.drawText(printable(regular, t.footer), {
			x: margin,
			y: 16,
			size: 7,
			font: regular,
			color: muted
		})
	);
	tagger.finish('nl-BE');

	return (await doc.save({ useObjectStreams: false })) as Uint8Array<ArrayBuffer>;
}
