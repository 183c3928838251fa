import { defineConfig } from '@playwright/test';

// Each worker starts its own server, database and SMTP sink (tests/e2e/fixtures.ts, worker
// fixture e2eServer) on port E2E_PORT + worker index (default 4173, 4174); baseURL follows it.
// E2E_ENGINE=postgres (`npm run test:e2e:postgres`) serves the same build on PostgreSQL: one
// throwaway server for the run, the demo data seeded once into a template, a clone per worker
// (tests/support/e2e-postgres.ts); it runs the specs below, which cover every domain.
const onPostgres = process.env.E2E_ENGINE === 'postgres';
const postgresSpecs = [
	'learner',
	'manager',
	'authoring-editor',
	'authoring-learner',
	'authoring-versions',
	'access-matrix',
	// server.js's request slices, where requests also interleave at each query's round trip
	'concurrent-pages'
].map((name) => `**/${name}.e2e.ts`);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: onPostgres ? postgresSpecs : '**/*.e2e.ts',
	globalSetup: onPostgres ? './tests/support/e2e-postgres.ts' : undefined,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	outputDir: onPostgres ? 'test-results/playwright-postgres' : 'test-results/playwright',
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
