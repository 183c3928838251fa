// JavaScript per page, measured the way a browser gets it: Chromium opens the page signed in and
// every script it downloads until the network is idle (the entry files, the modulepreloaded
// chunks, the route's nodes, the lesson prose and step view loaded by +page.ts, the root error
// page SvelteKit loads ahead, and anything those import) is gzipped at level 9 and summed. The
// modulepreload list of the response (Link header and HTML) is read too: a script the browser
// fetched that was not announced there came in a second round trip, and is listed as late.
// Used by bench/all.ts: `const meter = await javascriptMeter(); await meter.measure(url, cookie)`.
import zlib from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';

export interface PageJavaScript {
	/** gzip -9 bytes of every script the browser downloaded. */
	bytes: number;
	/** The scripts, largest first, with their gzip size. */
	files: { path: string; gzip: number }[];
	/** Scripts downloaded that the HTML did not modulepreload (fetched in a second round trip). */
	late: string[];
}

export async function javascriptMeter(): Promise<{
	measure: (url: string, cookie: string) => Promise<PageJavaScript>;
	close: () => Promise<void>;
}> {
	const browser: Browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--headless', '--disable-gpu']
	});
	async function measure(url: string, cookie: string): Promise<PageJavaScript> {
		const { origin } = new URL(url);
		const context = await browser.newContext();
		const [name, value] = cookie.split('=');
		if (name && value) await context.addCookies([{ name, value, url: origin }]);
		const page = await context.newPage();
		const scripts = new Map<string, Promise<Buffer>>();
		page.on('response', (response) => {
			const path = new URL(response.url()).pathname;
			if (response.request().resourceType() === 'script' || path.endsWith('.js')) {
				scripts.set(path, response.body());
			}
		});
		const response = await page.goto(url, { waitUntil: 'networkidle' });
		if (!response?.ok()) throw new Error(`${url}: ${response?.status()}`);
		const html = await response.text();
		const link = (await response.allHeaders())['link'] ?? '';
		const announced = new Set(
			[
				...link.matchAll(/<([^>]+\.js)>;\s*rel="modulepreload"/g),
				...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
				...html.matchAll(/import\("([^"]+\.js)"\)/g)
			].map((m) => new URL(m[1], url).pathname)
		);
		const files: PageJavaScript['files'] = [];
		for (const [path, body] of scripts) {
			files.push({ path, gzip: zlib.gzipSync(await body, { level: 9 }).length });
		}
		await context.close();
		files.sort((a, b) => b.gzip - a.gzip);
		// A page rendered without client JavaScript (csr = false: no SvelteKit start script in
		// it) honestly weighs 0 KB; a page that starts SvelteKit but loaded almost nothing means
		// the measurement failed.
		const starts = /import\("[^"]*\/entry\/start\.[^"]*\.js"\)/.test(html);
		if (starts && files.length < 3) throw new Error(`${url}: fewer than three scripts downloaded`);
		return {
			bytes: files.reduce((sum, f) => sum + f.gzip, 0),
			files,
			late: files.map((f) => f.path).filter((p) => !announced.has(p))
		};
	}
	return { measure, close: () => browser.close() };
}
