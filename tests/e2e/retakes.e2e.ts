// A failed final assessment cannot be retaken at once while the cool-down is on (issue 16,
// finding 16). The other specs' server runs without a cool-down (they retake at once), so this
// test starts its own server with the default 24-hour wait and its own demo database.
import { demo, expect, expectAccessible, signIn, test } from './fixtures';
import { moduleProgress, startE2eServer } from '../support/e2e-server';

const basePort = Number(process.env.E2E_PORT ?? 4173);

test('a retake right after a fail is refused with the cool-down message; the review stays hidden', async ({
	browser
}, testInfo) => {
	test.setTimeout(240_000);
	const index = 50 + testInfo.parallelIndex;
	const server = await startE2eServer(index, basePort + index, {
		ASSESSMENT_COOLDOWN_MINUTES: String(24 * 60)
	});
	const context = await browser.newContext({ baseURL: server.origin });
	try {
		// Nina (no progress in the demo) works through module 1 and fails its final assessment.
		await moduleProgress(server, demo.newTeacher, 'failed-assessment');

		const page = await context.newPage();
		await signIn(page, demo.newTeacher);
		const path = '/leren/wat-en-hoe/eindtoets';
		await page.goto(path);
		const result = page.locator('#resultaat');
		await expect(result).toContainText('Nog niet geslaagd');
		await expect(result).toContainText(/Je kunt de eindtoets opnieuw maken vanaf \d+ \w+ \d{4}/);
		await expect(result).toContainText('Neem deze soorten signalen nog eens door:');
		await expect(result).toContainText('Je hebt nog 2 pogingen.');
		// No retry button and no per-item verdicts before a pass or the last attempt.
		await expect(page.getByRole('button', { name: 'Opnieuw proberen' })).toHaveCount(0);
		await expect(page.locator('ol.results li')).toHaveCount(0);
		await expectAccessible(page);

		// A forged retake is refused on the server with the same calm Dutch message.
		const forged = await page.request.post(`${path}?/start`, {
			data: '',
			headers: {
				origin: server.origin,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			maxRedirects: 0
		});
		expect(forged.status()).toBe(403);
		expect(await forged.text()).toMatch(/Je kunt de eindtoets opnieuw maken vanaf/);
	} finally {
		await context.close();
		await server.stop();
	}
});
