// The certificate as a PDF (A4 landscape): name, module, dates, the grouped code and a QR code to
// the public verify page. Atkinson Hyperlegible (OFL, from @fontsource) is embedded as a subset,
// so Dutch names and titles (é, ë, ï, ...) print correctly and the text can be copied and read
// back; characters outside Latin fall back to their base letter.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { formatDate } from '$lib/format';
import { messages } from '$lib/i18n';
import { fontBytes, type FontName } from './fonts';
import { Tagger, type StructureType } from './tagged-pdf';

export interface CertificatePdfInput {
	learnerName: string;
	moduleTitle: string;
	issuedAt: Date;
	expiresAt: Date;
	/** Grouped for reading aloud. */
	code: string;
	/** The full URL of the public verify page; the QR code points here. */
	verifyUrl: string;
	/** Shown only when the learner allowed it. */
	organisation?: string | null;
}

const ink = rgb(0.11, 0.16, 0.24);
const muted = rgb(0.3, 0.35, 0.42);
const accent = rgb(0.05, 0.37, 0.42);

/** A font pair: the Latin subset first, Latin Extended (Ł, ğ, ő, ...) only when a text needs it. */
class FontSet {
	private ext: PDFFont | undefined;
	private latinSet: Set<number>;
	private extSet: Set<number> | undefined;

	constructor(
		private doc: PDFDocument,
		private latin: PDFFont,
		private extName: FontName
	) {
		this.latinSet = new Set(latin.getCharacterSet());
	}

	/** Splits text into runs per font; a character neither font has becomes its base letter. */
	async runs(text: string): Promise<{ font: PDFFont; text: string }[]> {
		const out: { font: PDFFont; text: string }[] = [];
		for (const char of text) {
			let font: PDFFont | undefined;
			let glyph = char;
			const code = char.codePointAt(0)!;
			if (this.latinSet.has(code)) font = this.latin;
			else {
				await this.loadExt();
				if (this.extSet!.has(code)) font = this.ext!;
				else {
					const base = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
					glyph = [...base].every((c) => this.latinSet.has(c.codePointAt(0)!)) ? base : '?';
					font = this.latin;
				}
			}
			const last = out.at(-1);
			if (last && last.font === font) last.text += glyph;
			else out.push({ font, text: glyph });
		}
		return out;
	}

	private async loadExt() {
		if (this.ext) return;
		this.ext = await this.doc.embedFont(fontBytes(this.extName), { subset: true });
		this.extSet = new Set(this.ext.getCharacterSet());
	}
}

async function drawCentred(
	page: PDFPage,
	fonts: FontSet,
	text: string,
	y: number,
	size: number,
	color = ink
): Promise<void> {
	const runs = await fonts.runs(text);
	const width = runs.reduce((sum, r) => sum + r.font.widthOfTextAtSize(r.text, size), 0);
	let x = (page.getWidth() - width) / 2;
	for (const run of runs) {
		page.drawText(run.text, { x, y, size, font: run.font, color });
		x += run.font.widthOfTextAtSize(run.text, size);
	}
}

async function drawLeft(
	page: PDFPage,
	fonts: FontSet,
	text: string,
	x: number,
	y: number,
	size: number,
	color = ink
): Promise<void> {
	for (const run of await fonts.runs(text)) {
		page.drawText(run.text, { x, y, size, font: run.font, color });
		x += run.font.widthOfTextAtSize(run.text, size);
	}
}

/** The largest size (from `size` down) at which `text` fits in `maxWidth`. */
function fitted(font: PDFFont, text: string, size: number, maxWidth: number): number {
	const width = font.widthOfTextAtSize(text, size);
	return width <= maxWidth ? size : Math.max(12, Math.floor((size * maxWidth) / width));
}

/** Draws the QR code as vector squares (one rectangle per run of dark modules): sharp and small. */
function drawQr(page: PDFPage, text: string, x: number, y: number, side: number): void {
	const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const size = qr.modules.size;
	const cell = side / (size + 8);
	const origin = { x: x + 4 * cell, y: y + 4 * cell };
	page.drawRectangle({ x, y, width: side, height: side, color: rgb(1, 1, 1) });
	for (let row = 0; row < size; row++) {
		let start = -1;
		for (let col = 0; col <= size; col++) {
			const dark = col < size && qr.modules.get(row, col);
			if (dark && start < 0) start = col;
			if (!dark && start >= 0) {
				page.drawRectangle({
					x: origin.x + start * cell,
					y: origin.y + (size - 1 - row) * cell,
					width: (col - start) * cell,
					height: cell,
					color: rgb(0, 0, 0)
				});
				start = -1;
			}
		}
	}
}

export async function renderCertificatePdf(
	input: CertificatePdfInput
): Promise<Uint8Array<ArrayBuffer>> {
	const t = messages.certificates.pdf;
	const doc = await PDFDocument.create();
	doc.registerFontkit(fontkit);
	const [regularFont, boldFont] = await Promise.all([
		doc.embedFont(fontBytes('regular'), { subset: true }),
		doc.embedFont(fontBytes('bold'), { subset: true })
	]);
	const regular = new FontSet(doc, regularFont, 'regularExt');
	const bold = new FontSet(doc, boldFont, 'boldExt');

	doc.setTitle(t.documentTitle(input.moduleTitle));
	doc.setAuthor('Signaalwijs');
	doc.setSubject(`${input.learnerName}: ${input.moduleTitle}`);
	doc.setCreator('Signaalwijs');
	doc.setProducer('Signaalwijs (pdf-lib)');
	doc.setCreationDate(input.issuedAt);
	doc.setModificationDate(input.issuedAt);

	const page = doc.addPage([841.89, 595.28]);
	const { width, height } = page.getSize();
	// Tagged (tagged-pdf.ts): the frame and the QR code are artifacts; the text is H1 and P.
	const tagger = new Tagger(doc, page);
	const tagged = async (type: StructureType, draw: () => Promise<void>) => {
		tagger.begin(tagger.element(type));
		await draw();
		tagger.end();
	};
	tagger.artifact(() => {
		page.drawRectangle({
			x: 24,
			y: 24,
			width: width - 48,
			height: height - 48,
			borderColor: accent,
			borderWidth: 3
		});
		page.drawRectangle({
			x: 32,
			y: 32,
			width: width - 64,
			height: height - 64,
			borderColor: accent,
			borderWidth: 0.75
		});
	});
	await tagged('P', () => drawLeft(page, bold, 'Signaalwijs', 60, height - 80, 16, accent));

	await tagged('H1', () => drawCentred(page, bold, t.heading, height - 140, 40, ink));
	await tagged('P', () => drawCentred(page, regular, t.intro, height - 190, 16, muted));
	await tagged('P', () =>
		drawCentred(
			page,
			bold,
			input.learnerName,
			height - 238,
			fitted(boldFont, input.learnerName, 32, width - 160)
		)
	);
	if (input.organisation) {
		const organisation = input.organisation;
		await tagged('P', () => drawCentred(page, regular, organisation, height - 266, 14, muted));
	}
	await tagged('P', () => drawCentred(page, regular, t.completed, height - 300, 16, muted));
	await tagged('P', () =>
		drawCentred(
			page,
			bold,
			input.moduleTitle,
			height - 340,
			fitted(boldFont, input.moduleTitle, 24, width - 160),
			accent
		)
	);
	await tagged('P', () =>
		drawCentred(
			page,
			regular,
			`${t.issued(formatDate(input.issuedAt))}   ·   ${t.validUntil(formatDate(input.expiresAt))}`,
			height - 380,
			14
		)
	);

	await tagged('P', () => drawLeft(page, bold, t.code(input.code), 60, 120, 13));
	await tagged('P', () => drawLeft(page, regular, t.verifyAt(input.verifyUrl), 60, 100, 10, muted));
	await tagged('P', () => drawLeft(page, regular, t.issuer, 60, 72, 11, muted));
	tagger.artifact(() => drawQr(page, input.verifyUrl, width - 60 - 120, 56, 120));
	tagger.finish('nl-BE');

	// pdf-lib always returns bytes over a plain ArrayBuffer.
	return (await doc.save({ useObjectStreams: false })) as Uint8Array<ArrayBuffer>;
}
