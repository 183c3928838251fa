import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderCertificatePdf } from './pdf';

async function textOf(bytes: Uint8Array): Promise<string> {
	const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
	const page = await pdf.getPage(1);
	const content = await page.getTextContent();
	const text = content.items.map((item) => ('str' in item ? item.str : '')).join('');
	await pdf.destroy();
	return text;
}

const input = {
	learnerName: 'Zoë Ïnès Vandenbroucke-Dubois',
	moduleTitle: 'Signalen herkennen op school',
	issuedAt: new Date('2026-05-03T10:00:00Z'),
	expiresAt: new Date('2028-05-03T10:00:00Z'),
	code: 'ABCD-EFGH-IJKM-NPQR-STUV-WXYZ-2345',
	verifyUrl: 'https://signaalwijs.be/verifieer/abcdefghijkmnpqrstuvwxyz2345'
};

describe('certificate PDF', () => {
	it('is one A4 landscape page whose text reads back with the Dutch characters intact', async () => {
		const bytes = await renderCertificatePdf(input);
		const doc = await PDFDocument.load(bytes);
		expect(doc.getPageCount()).toBe(1);
		const { width, height } = doc.getPage(0).getSize();
		expect(Math.round(width)).toBe(842);
		expect(Math.round(height)).toBe(595);
		expect(doc.getTitle()).toBe('Certificaat Signalen herkennen op school');

		const text = await textOf(bytes);
		expect(text).toContain('Zoë Ïnès Vandenbroucke-Dubois');
		expect(text).toContain('Signalen herkennen op school');
		expect(text).toContain('ABCD-EFGH-IJKM-NPQR-STUV-WXYZ-2345');
		expect(text).toContain('3 mei 2026');
		expect(text).toContain('Geldig tot 3 mei 2028');
		expect(text).toContain('https://signaalwijs.be/verifieer/abcdefghijkmnpqrstuvwxyz2345');
		expect(text).toContain('Uitgereikt door Signaalwijs');
	});

	it('prints names beyond Latin-1 (Polish, Turkish, Czech) and shows the organisation only when given', async () => {
		const bytes = await renderCertificatePdf({
			...input,
			learnerName: 'Łukasz Çağlar Dvořák',
			organisation: 'Jeugdhulp Horizon'
		});
		const text = await textOf(bytes);
		expect(text).toContain('Łukasz Çağlar Dvořák');
		expect(text).toContain('Jeugdhulp Horizon');
		expect(await textOf(await renderCertificatePdf(input))).not.toContain('Jeugdhulp');
	});

	it('embeds its fonts (no reliance on fonts installed on the reader)', async () => {
		const bytes = await renderCertificatePdf(input);
		const raw = Buffer.from(bytes).toString('latin1');
		expect(raw).toMatch(/\/FontFile2/);
		expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
	});

	it('is tagged: its heading is an H1 and the learner and module are paragraphs in reading order', async () => {
		const bytes = await renderCertificatePdf(input);
		expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/MarkInfo\s*<<\s*\/Marked true\s*>>/);
		const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
		const page = await pdf.getPage(1);
		type Node = { role?: string; children?: Node[] };
		const tree = (await page.getStructTree()) as Node;
		await pdf.destroy();
		const document = tree.children![0];
		expect(document.role).toBe('Document');
		const roles = document.children!.map((n) => n.role);
		// Brand, heading, intro, name, "completed", module, dates, code, verify address, issuer.
		expect(roles).toEqual(['P', 'H1', 'P', 'P', 'P', 'P', 'P', 'P', 'P', 'P']);
	});
});
