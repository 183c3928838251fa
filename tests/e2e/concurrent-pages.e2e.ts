// Many pages at once, at different depths (fifty connections): server.js starts requests in slices
// (request-slices.js), so requests run between each other's awaits. Each page must still link its
// stylesheets and scripts where they are. With SvelteKit's relative asset paths a page rendered
// while another request was being rendered got that page's depth: a lesson step asked for its
// stylesheet under /leren/<module>/_app/ and showed without styles.
import http from 'node:http';
import { demo, expect, signIn, test } from './fixtures';
import { course } from './course';

/** GET `url` on one of the agent's connections, with the session cookie. */
function get(
	url: string,
	cookie: string,
	agent: http.Agent
): Promise<{ status: number; html: string }> {
	return new Promise((resolve, reject) => {
		http
			.get(url, { agent, headers: { cookie } }, (response) => {
				let html = '';
				response.setEncoding('utf8');
				response.on('data', (chunk) => (html += chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, html }));
			})
			.on('error', reject);
	});
}

test('pages requested fifty at a time each link their own stylesheets and scripts', async ({
	page
}) => {
	await signIn(page, demo.teacher);
	const mod = course.modules[0];
	const lesson = mod.steps.find((s) => s.meta.kind === 'lesson')!;
	const paths = [
		'/toegankelijkheid',
		'/leren',
		`/leren/${mod.slug}`,
		`/leren/${mod.slug}/${lesson.slug}`
	];
	const origin = new URL(page.url()).origin;
	const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	// Fifty connections, each asking for its next page as soon as the last one came: the way
	// fifty browsers use one server, and the way requests come to run between each other's steps.
	const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
	const pages: { url: string; status: number; html: string }[] = [];
	try {
		await Promise.all(
			Array.from({ length: 50 }, async (_, connection) => {
				for (let i = 0; i < 8; i++) {
					const url = `${origin}${paths[(connection + i) % paths.length]}`;
					pages.push({ url, ...(await get(url, cookie, agent)) });
				}
			})
		);
	} finally {
		agent.destroy();
	}

	const assets = new Set<string>();
	for (const { url, status, html } of pages) {
		expect(status, url).toBe(200);
		const links = [...html.matchAll(/<link[^>]+href="([^"]+\.(?:css|js))"/g)].map((m) => m[1]);
		expect(links.length, `${url} links no stylesheet`).toBeGreaterThan(0);
		for (const link of links) {
			const resolved = new URL(link, url);
			expect(resolved.pathname, `${url} links ${link}`).toMatch(/^\/_app\/immutable\//);
			assets.add(resolved.href);
		}
	}
	expect(pages).toHaveLength(400);
	for (const asset of assets) {
		expect((await page.request.get(asset)).status(), asset).toBe(200);
	}
});
