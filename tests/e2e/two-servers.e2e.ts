// Issue 14, item 6: two application servers on one PostgreSQL database. A learner signs in on
// one and answers on the other; wrong passwords on both count against one throttle; the
// reminder job started on both at once sends each reminder once. This file starts its own
// servers (not the per-worker SQLite server of fixtures.ts): a throwaway PostgreSQL, the demo
// data seeded as the e2e server does and copied over with db:copy, one production build (run
// `npx vite build` first, as for every e2e spec) served by two `node server.js` processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { expect, test, type Page } from '@playwright/test';
import { startPostgres, type ThrowawayPostgres } from '../support/postgres';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { correctAnswer, itemById } from './course';

const demoPassword = 'Signaalwijs-demo-2026';
const basePort = Number(process.env.E2E_PORT ?? 4173) + 40;
const seedFile = 'test-results/two-servers-seed.db';
const logFile = 'test-results/two-servers.log';

let postgres: ThrowawayPostgres;
let databaseUrl: string;
let mail: SmtpSink;
let log: number;
const servers: { origin: string; process: ChildProcess }[] = [];
let env: NodeJS.ProcessEnv;

function exited(child: ChildProcess): Promise<number | null> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function run(args: string[], extra: NodeJS.ProcessEnv = {}): Promise<number | null> {
	return exited(spawn('npx', args, { env: { ...env, ...extra }, stdio: ['ignore', log, log] }));
}

async function waitForHealth(origin: string, server: ChildProcess): Promise<void> {
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`server ${origin} exited; see ${logFile}`);
		const status = await fetch(`${origin}/healthz`).then(
			(r) => r.status,
			() => 0
		);
		if (status === 200) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`server ${origin} not healthy after 90 s; see ${logFile}`);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(300_000);
	fs.mkdirSync('test-results', { recursive: true });
	log = fs.openSync(logFile, 'w');
	postgres = await startPostgres({ durable: false });
	databaseUrl = await postgres.createDatabase('two_servers');
	mail = await startSmtpSink();
	env = {
		...process.env,
		SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
		// Every server gets the same two-factor key from configuration (never from the database).
		TWO_FACTOR_KEY: randomBytes(32).toString('hex'),
		REQUIRE_STAFF_2FA: 'false',
		ASSESSMENT_COOLDOWN_MINUTES: '0',
		NODE_ENV: 'production',
		HOST: '127.0.0.1'
	};
	// The demo data as the e2e server seeds it, then copied into PostgreSQL (npm run db:copy).
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(seedFile + suffix, { force: true });
	expect(await run(['tsx', 'scripts/seed-demo.ts'], { DATABASE_URL: seedFile })).toBe(0);
	expect(await run(['tsx', 'scripts/db-copy.ts', '--from', seedFile, '--to', databaseUrl])).toBe(0);
	env.DATABASE_URL = databaseUrl;
	for (const port of [basePort, basePort + 1]) {
		const origin = `http://127.0.0.1:${port}`;
		const child = spawn(process.execPath, ['server.js'], {
			env: { ...env, PORT: String(port), ORIGIN: origin },
			stdio: ['ignore', log, log]
		});
		servers.push({ origin, process: child });
	}
	await Promise.all(servers.map((s) => waitForHealth(s.origin, s.process)));
});

test.afterAll(async () => {
	for (const server of servers) server.process.kill('SIGTERM');
	await Promise.all(servers.map((s) => exited(s.process)));
	await mail?.close();
	postgres?.stop();
	if (log) fs.closeSync(log);
});

async function signIn(page: Page, origin: string, email: string, password: string) {
	await page.goto(`${origin}/aanmelden`);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
}

test('a learner signs in on one server and answers on the other', async ({ page }) => {
	const [a, b] = servers;
	await signIn(page, a.origin, 'nieuw@demo.signaalwijs.be', demoPassword);
	await expect(page).not.toHaveURL(/aanmelden/);

	// The session cookie made by server A is accepted by server B.
	await page.goto(`${b.origin}/leren/wat-en-hoe`);
	await page.getByRole('button', { name: 'Start deze module' }).click();
	for (let i = 0; i < 2; i++) {
		await expect(page.getByText('Stap 3 van')).toHaveCount(0);
		await page.getByRole('button', { name: /^Gelezen/ }).click();
	}
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Even checken: de basis');
	const itemId = 's-waarom-tienerpooier';
	const answer = correctAnswer(itemById('wat-en-hoe', itemId));
	const form = page.locator(`#vraag-${itemId} form`).first();
	await form.locator(`input[name=choice][value="${answer.selected[0]}"]`).check();
	await form.getByRole('button', { name: 'Antwoord bevestigen' }).click();
	await expect(page.locator(`#feedback-${itemId}`)).toContainText('Juist');
	expect(new URL(page.url()).origin).toBe(b.origin);

	// Stored in the one database: server A shows the same answer.
	const step = new URL(page.url()).pathname;
	await page.goto(`${a.origin}${step}`);
	await expect(page.locator(`#feedback-${itemId}`)).toContainText('Juist');
});

test('wrong passwords on both servers count against one throttle', async ({ page }) => {
	const [a, b] = servers;
	const email = 'hulpverlener@demo.signaalwijs.be';
	const wrong = 'geen-juist-wachtwoord-hier';
	const answered = page.getByText(/klopt niet|Te veel pogingen na elkaar/);
	// Five free attempts in all: three on A, two on B, none refused.
	for (const origin of [a.origin, a.origin, a.origin, b.origin, b.origin]) {
		await signIn(page, origin, email, wrong);
		await expect(page.getByText('Het e-mailadres of het wachtwoord klopt niet.')).toBeVisible();
	}
	// From the sixth on, the wait doubles (1 s, 2 s, 4 s): within the next three attempts one is
	// refused. Counted per server, A would have had 5 and B 3 by then, nothing refused yet.
	let refused = false;
	for (const origin of [a.origin, b.origin, a.origin]) {
		await signIn(page, origin, email, wrong);
		await expect(answered.first()).toBeVisible();
		if ((await page.getByText('Te veel pogingen na elkaar').count()) > 0) {
			refused = true;
			break;
		}
	}
	expect(refused).toBe(true);
});

test('the reminder job started on both servers at once sends each reminder once', async () => {
	test.setTimeout(180_000);
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		// The demo assignments are due in a month: make one overdue.
		const overdue = await client.query(
			`update assignment set due_at = now() - interval '2 days'
			 where module_slug = 'signalen-op-school'`
		);
		expect(overdue.rowCount).toBeGreaterThan(0);
		const codes = await Promise.all([
			run(['tsx', 'scripts/assignment-reminders.ts'], { ORIGIN: servers[0].origin }),
			run(['tsx', 'scripts/assignment-reminders.ts'], { ORIGIN: servers[1].origin })
		]);
		expect(codes).toEqual([0, 0]);
		const reminders = await client.query<{ email: string }>(
			`select u.email from assignment_reminder r join "user" u on u.id = r.user_id`
		);
		expect(reminders.rows.length).toBeGreaterThan(0);
		// Every reminded learner got exactly one mail.
		for (const { email } of reminders.rows) {
			await expect
				.poll(() => mail.mailsTo(email).filter((m) => m.subject.startsWith('Herinnering:')).length)
				.toBe(1);
		}
		const outbox = await client.query<{ n: number }>(
			`select count(*)::int as n from mail_outbox where kind = 'assignment-overdue'`
		);
		expect(outbox.rows[0].n).toBe(reminders.rows.length);
	} finally {
		await client.end();
	}
});
