// The Markdown cases of the bad-input catalogue (shared/docs/security-checklist.md): each renders
// harmlessly, and ordinary lesson Markdown still renders.
import { describe, expect, it } from 'vitest';
import { MAX_MARKDOWN_LENGTH, MarkdownTooLongError, renderMarkdown } from './markdown';

/** What no rendered lesson text may ever contain. */
function expectHarmless(html: string) {
	expect(html).not.toMatch(/<\s*(script|iframe|style|meta|form|img|svg|object|embed|base|link)\b/i);
	expect(html).not.toMatch(/\son[a-z]+\s*=/i);
	expect(html).not.toMatch(/(href|src|action|srcdoc)\s*=\s*"?\s*(javascript|data|vbscript):/i);
	expect(html).not.toMatch(/\s(id|name|srcdoc|style)\s*=/i);
}

describe('renderMarkdown', () => {
	it('renders ordinary lesson Markdown: headings, lists, links, bold, quotes, code, tables', () => {
		const html = renderMarkdown(
			[
				'## Signalen',
				'',
				'Een **plotse** verandering en *nieuwe* vrienden.',
				'',
				'- dure cadeaus',
				'- een tweede gsm',
				'',
				'1. luister',
				'2. noteer',
				'',
				'> Vertrouw je gevoel.',
				'',
				'Zie [Child Focus](https://childfocus.be) of mail [ons](mailto:info@example.be).',
				'',
				'`code`',
				'',
				'| Signaal | Ernst |',
				'| --- | --- |',
				'| Spijbelen | matig |'
			].join('\n')
		);
		expect(html).toContain('<h2>Signalen</h2>');
		expect(html).toContain('<strong>plotse</strong>');
		expect(html).toContain('<em>nieuwe</em>');
		expect(html).toContain('<li>dure cadeaus</li>');
		expect(html).toContain('<ol>');
		expect(html).toContain('<blockquote>');
		expect(html).toContain(
			'<a href="https://childfocus.be" rel="noopener noreferrer">Child Focus</a>'
		);
		expect(html).toContain('<a href="mailto:info@example.be" rel="noopener noreferrer">ons</a>');
		expect(html).toContain('<code>code</code>');
		expect(html).toContain('<td>Spijbelen</td>');
		expectHarmless(html);
	});

	it('keeps the page outline: h1 becomes h2, h5 and h6 become h4', () => {
		const html = renderMarkdown('# Eén\n\n##### Vijf\n\n###### Zes\n\n### Drie');
		expect(html).toBe('<h2>Eén</h2>\n<h4>Vijf</h4>\n<h4>Zes</h4>\n<h3>Drie</h3>');
	});

	it('drops a <script> element', () => {
		const html = renderMarkdown('Hallo\n\n<script>alert(1)</script>\n\nDaag');
		expectHarmless(html);
		expect(html).toContain('<p>Hallo</p>');
		expect(html).toContain('<p>Daag</p>');
	});

	it.each([
		['[x](javascript:alert(1))'],
		['[x](JaVaScRiPt:alert(1))'],
		['[x](java&#x09;script:alert(1))'],
		['[x](  javascript:alert(1))'],
		['[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
		['[x]: javascript:alert(1)\n\n[klik][x]'],
		['<javascript:alert(1)>']
	])('keeps the link text but drops the dangerous URL of %s', (markdown) => {
		const html = renderMarkdown(markdown);
		expectHarmless(html);
		expect(html).not.toMatch(/href="[^"]*(javascript|data:)/i);
	});

	it('drops <img onerror> and an external tracking image', () => {
		const html = renderMarkdown(
			'<img src=x onerror=alert(1)>\n\n![pixel](https://tracker.example/p.gif)\n\nTekst'
		);
		expectHarmless(html);
		expect(html).not.toContain('tracker.example');
		expect(html).toContain('<p>Tekst</p>');
	});

	it.each([
		['<svg><script>alert(1)</script></svg>'],
		['<svg onload=alert(1)>'],
		['<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
		['<style>body { display: none }</style>'],
		['<meta http-equiv="refresh" content="0;url=https://evil.example">'],
		['<form action="https://evil.example"><input name="wachtwoord"></form>'],
		['<a href="javascript:alert(1)">klik</a>'],
		['<div style="position:fixed">x</div>']
	])('drops raw HTML %s', (markdown) => {
		const html = renderMarkdown(`Voor\n\n${markdown}\n\nNa`);
		expectHarmless(html);
		expect(html).not.toMatch(/<(svg|iframe|style|meta|form|input|div)/i);
		expect(html).toContain('<p>Voor</p>');
		expect(html).toContain('<p>Na</p>');
	});

	it('does not let <a id="__proto__"> clobber anything', () => {
		const html = renderMarkdown('<a id="__proto__" name="__proto__">x</a> en [y](#__proto__)');
		expectHarmless(html);
		expect(html).not.toMatch(/\sid=|\sname=/);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	// Built from parts so the literal Svelte tag appears only in the one SafeHtml component.
	const tag = '{' + '@html data.x}';

	it('shows a Svelte html tag and <script> typed as text as text, not markup', () => {
		const html = renderMarkdown(`Schrijf nooit \`${tag}\` of \`<script>\` in een les.`);
		expect(html).toContain(`<code>${tag}</code>`);
		expect(html).toContain('<code>&#x3C;script></code>');
		expectHarmless(html);
		const plain = renderMarkdown(`${tag} blijft tekst`);
		expect(plain).toBe(`<p>${tag} blijft tekst</p>`);
	});

	// The budgets catch a super-linear blow-up (which takes minutes), not speed: they are generous so
	// that a loaded 2-core CI machine cannot fail them. Speed is measured by the benchmarks.
	it('renders 50,000 nested > within the time budget', () => {
		const start = performance.now();
		const html = renderMarkdown('>'.repeat(50_000) + ' diep');
		expect(performance.now() - start).toBeLessThan(10_000);
		expect(html).toContain('diep');
		expect(html.match(/<blockquote>/g)!.length).toBeLessThanOrEqual(8);
	});

	it('renders deeply nested lists and an emphasis flood within the time budget', () => {
		for (const bomb of [
			'- '.repeat(40_000) + 'x',
			'*a '.repeat(5_000) + 'b* '.repeat(5_000),
			'*'.repeat(40_000) + 'a' + '*'.repeat(40_000)
		]) {
			const start = performance.now();
			const html = renderMarkdown(bomb.slice(0, MAX_MARKDOWN_LENGTH));
			expect(performance.now() - start).toBeLessThan(10_000);
			expectHarmless(html);
		}
	});

	it('refuses text above the length limit', () => {
		expect(() => renderMarkdown('a'.repeat(MAX_MARKDOWN_LENGTH + 1))).toThrow(MarkdownTooLongError);
		expect(renderMarkdown('a'.repeat(MAX_MARKDOWN_LENGTH))).toContain('aaaa');
	});
});
