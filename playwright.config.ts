import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://127.0.0.1:${port}`;
const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 2525);
const smtpHttpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? 2526);

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
		baseURL: origin,
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
	},
	webServer: [
		{
			command: 'npx tsx tests/support/smtp-sink.ts',
			url: `http://127.0.0.1:${smtpHttpPort}/`,
			reuseExistingServer: false,
			env: { SMTP_SINK_PORT: String(smtpPort), SMTP_SINK_HTTP_PORT: String(smtpHttpPort) }
		},
		{
			command: 'npx tsx tests/support/e2e-server.ts',
			url: `${origin}/healthz`,
			reuseExistingServer: false,
			timeout: 120_000,
			env: {
				DATABASE_URL: 'test-results/e2e.db',
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: origin,
				SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
				REQUIRE_STAFF_2FA: 'false',
				NODE_ENV: 'production'
			}
		}
	]
});
