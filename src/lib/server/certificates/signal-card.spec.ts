import { beforeEach, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { makeMember, makeOrganisation } from '../testing/testing';
import { renderSignalCard, signalCardFor } from './signal-card';
import { freshCertificates } from './spec-support';
import { messages } from '$lib/i18n';

let learnerId = 0;
beforeEach(async () => {
	await freshCertificates();
	learnerId = (await makeMember({ organisation: await makeOrganisation('Sint-Jansschool') })).id;
});

async function read(bytes: Uint8Array) {
	const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
	const page = await pdf.getPage(1);
	const content = await page.getTextContent();
	const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
	const meta = await pdf.getMetadata();
	const view = page.view;
	await pdf.destroy();
	return { text: text.replace(/\s+/g, ' '), info: meta.info as Record<string, unknown>, view };
}

describe('signal card', { timeout: 20_000 }, () => {
	it('gives a shipped module its categories and the contacts from contacts.yaml', async () => {
		const card = await signalCardFor('wat-en-hoe', learnerId);
		expect(card).not.toBeNull();
		const values = card!.contacts.map((c) => c.value);
		expect(values.slice(0, 4)).toEqual(['116 000', '1712', '101', '112']);
		expect(card!.categories.length).toBeGreaterThan(0);
		for (const c of card!.categories) expect(c.signals.length).toBeGreaterThan(0);
	});

	it('fits a full card (all categories, seven contacts) on the page above its footer', async () => {
		const bytes = await renderSignalCard((await signalCardFor('wat-en-hoe', learnerId))!);
		const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
		const content = await (await pdf.getPage(1)).getTextContent();
		const lines = content.items.flatMap((item) =>
			'str' in item && item.str.trim() ? [{ text: item.str, y: item.transform[5] as number }] : []
		);
		await pdf.destroy();
		const footer = lines.find((l) => l.text.startsWith('Signaalwijs ·'))!;
		expect(footer).toBeDefined();
		const lowest = Math.min(...lines.filter((l) => l !== footer).map((l) => l.y));
		expect(lowest).toBeGreaterThan(footer.y + 8);
		expect(lines.map((l) => l.text).join(' ')).toContain('102');
	});

	it('knows no unknown module', async () => {
		expect(await signalCardFor('bestaat-niet', learnerId)).toBeNull();
	});

	it('is an A5 page of extractable text with the rule, 116 000, a title and nl-BE', async () => {
		const bytes = await renderSignalCard({
			moduleTitle: 'Signalen op school',
			categories: [{ label: 'Gedrag', signals: ['Trekt zich terug', 'Liegt of is geheimzinnig'] }],
			contacts: [
				{ value: '116 000', label: 'Child Focus, gratis, dag en nacht, ook anoniem' },
				{ value: '1712', label: 'Hulplijn voor vragen over geweld' }
			]
		});
		const { text, info, view } = await read(bytes);
		expect(text).toContain('Eén signaal zegt weinig.');
		expect(text).toContain('116 000');
		expect(text).toContain('Trekt zich terug');
		expect(text).toContain('Eerste stappen');
		expect(info.Title).toBe('Signaalkaart: Signalen op school');
		expect(info.Language).toBe('nl-BE');
		// A5 portrait: 148 × 210 mm.
		expect(Math.round(view[2])).toBe(420);
		expect(Math.round(view[3])).toBe(595);
	});

	it('is a tagged PDF: H1 and H2 headings in reading order over selectable text', async () => {
		const bytes = await renderSignalCard((await signalCardFor('wat-en-hoe', learnerId))!);
		const raw = Buffer.from(bytes).toString('latin1');
		expect(raw).toMatch(/\/MarkInfo\s*<<\s*\/Marked true\s*>>/);
		expect(raw).toMatch(/\/DisplayDocTitle true/);
		expect(raw).toMatch(/\/Lang \(nl-BE\)/);
		expect(raw).toMatch(/\/ParentTree/);

		const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
		const page = await pdf.getPage(1);
		const tree = await page.getStructTree();
		// The text of each marked-content id, as pdf.js reads it.
		const content = await page.getTextContent({ includeMarkedContent: true });
		const textOf = new Map<string, string>();
		let open: string | null = null;
		for (const item of content.items) {
			if ('type' in item && item.type === 'beginMarkedContentProps') open = item.id ?? null;
			else if ('type' in item && item.type === 'endMarkedContent') open = null;
			else if ('str' in item && open) textOf.set(open, `${textOf.get(open) ?? ''}${item.str} `);
		}
		const plain = (await page.getTextContent()).items
			.map((i) => ('str' in i ? i.str : ''))
			.join(' ');
		await pdf.destroy();

		type Node = { role?: string; type?: string; id?: string; children?: Node[] };
		const elements: { role: string; text: string }[] = [];
		const textIn = (node: Node): string =>
			node.type === 'content'
				? (textOf.get(node.id!) ?? '')
				: (node.children ?? []).map(textIn).join('');
		const walk = (node: Node) => {
			if (node.role)
				elements.push({ role: node.role, text: textIn(node).replace(/\s+/g, ' ').trim() });
			(node.children ?? []).forEach(walk);
		};
		walk(tree as Node);

		const t = messages.signalCard;
		expect(elements.map((e) => e.role).slice(0, 3)).toEqual(['Root', 'Document', 'H1']);
		expect(elements.find((e) => e.role === 'H1')!.text).toBe(t.heading);
		expect(elements.filter((e) => e.role === 'H2').map((e) => e.text)).toEqual([
			t.ruleHeading,
			t.signalsHeading,
			t.stepsHeading,
			t.contactsHeading
		]);
		// The rule is a paragraph, the first steps and the contacts are lists.
		expect(elements.some((e) => e.role === 'P' && e.text === t.rule)).toBe(true);
		expect(elements.filter((e) => e.role === 'L')).toHaveLength(3);
		expect(elements.some((e) => e.role === 'LI' && e.text.startsWith('116 000'))).toBe(true);
		// The tags wrap the text; it is still there to select and copy.
		expect(plain).toContain(t.heading);
		expect(plain.replace(/\s+/g, ' ')).toContain('116 000');
	});
});
