import { defineConfig } from '@playwright/test';

// Each worker starts its own server, database and SMTP sink (tests/e2e/fixtures.ts, worker
// fixture e2eServer) on port E2E_PORT + worker index (default 4173, 4174); baseURL follows it.
export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.e2e.ts',
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	outputDir: 'test-results/playwright',
	use: {
		locale: 'nl-BE',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--headless',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	}
});
