// The e2e specs on PostgreSQL (`E2E_ENGINE=postgres`, `npm run test:e2e:postgres`): Playwright's
// global set-up starts ONE throwaway PostgreSQL server for the run and seeds the demo data once
// into a template database, exactly as each SQLite worker seeds its file (scripts/seed-demo.ts);
// every worker then gets its own clone of that template (tests/support/e2e-server.ts), so two
// workers never share a row. The returned function stops the server and removes its folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';
import { startPostgres } from './postgres';

/** Whether this e2e run serves the platform on PostgreSQL instead of SQLite files. */
export const e2eOnPostgres = process.env.E2E_ENGINE === 'postgres';

/** The template every worker's database is cloned from. */
export const templateDatabase = 'signaalwijs_e2e_template';
/** The data folder (signing keys) the seed made beside the template; each worker copies it. */
export const templateDataDir = 'test-results/e2e-postgres-data';
/** Set by the global set-up for the workers: the server's maintenance URL. */
const serverUrlVariable = 'E2E_POSTGRES_URL';

function withDatabase(url: string, name: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${name}`;
	return parsed.toString();
}

/**
 * A fresh database for worker `index`, cloned from the seeded template, and the data folder
 * that goes with it.
 */
export async function workerDatabase(index: number): Promise<{ url: string; dataDir: string }> {
	const server = process.env[serverUrlVariable];
	if (!server)
		throw new Error('E2E_ENGINE=postgres needs the global set-up (playwright.config.ts).');
	const name = `signaalwijs_e2e_${index}`;
	const admin = new pg.Client({ connectionString: server });
	await admin.connect();
	try {
		await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
		await admin.query(
			`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(templateDatabase)}`
		);
	} finally {
		await admin.end();
	}
	const dataDir = `test-results/e2e-postgres-${index}`;
	fs.rmSync(dataDir, { recursive: true, force: true });
	fs.cpSync(templateDataDir, dataDir, { recursive: true });
	return { url: withDatabase(server, name), dataDir };
}

/** Playwright global set-up: the server, the seeded template; returns the teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
	const started = Date.now();
	const server = await startPostgres({ durable: false });
	const url = await server.createDatabase(templateDatabase);
	fs.mkdirSync('test-results', { recursive: true });
	fs.rmSync(templateDataDir, { recursive: true, force: true });
	fs.mkdirSync(templateDataDir, { recursive: true });
	const logFile = 'test-results/e2e-postgres-seed.log';
	const log = fs.openSync(logFile, 'w');
	// The same environment as a worker's SQLite seed, so both engines start from equal data.
	const { e2eEnvironment } = await import('./e2e-server');
	const code = await new Promise<number | null>((resolve) => {
		const seed = spawn('npx', ['tsx', 'scripts/seed-demo.ts'], {
			env: e2eEnvironment({ DATABASE_URL: url, DATA_DIR: templateDataDir }),
			stdio: ['ignore', log, log]
		});
		seed.once('exit', resolve);
	});
	fs.closeSync(log);
	if (code !== 0) {
		server.stop();
		throw new Error(`seeding the PostgreSQL e2e template failed (${code}); see ${logFile}`);
	}
	process.env[serverUrlVariable] = server.url;
	console.log(
		`PostgreSQL e2e: server on port ${server.port}, demo template seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`
	);
	return async () => server.stop();
}
