// One production server per Playwright worker: its own port, its own database file seeded with the
// demo data, and its own SMTP sink, so two workers never share a mutable row or a mailbox.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

export interface E2eServer {
	/** http://127.0.0.1:<port>, exactly the server's ORIGIN. */
	origin: string;
	port: number;
	/** The worker's SQLite file, for tests that read ids or check what was stored. */
	database: string;
	mail: SmtpSink;
	stop(): Promise<void>;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, log: number) {
	return spawn(command, args, { env, stdio: ['ignore', log, log] });
}

function exited(child: ChildProcess): Promise<number | null> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function waitForHealth(origin: string, server: ChildProcess, log: string): Promise<void> {
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`e2e server exited early; see ${log}`);
		const status = await fetch(`${origin}/healthz`).then(
			(r) => r.status,
			() => 0
		);
		if (status === 200) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`e2e server at ${origin} not healthy after 90 s; see ${log}`);
}

/**
 * Seeds `test-results/e2e-<index>.db` with the demo data and starts `node server.js` on `port`;
 * `extraEnv` overrides the test environment (a test that needs another setting starts its own).
 */
export async function startE2eServer(
	index: number,
	port: number,
	extraEnv: NodeJS.ProcessEnv = {}
): Promise<E2eServer> {
	const origin = `http://127.0.0.1:${port}`;
	const database = `test-results/e2e-${index}.db`;
	const logFile = `test-results/e2e-server-${index}.log`;
	fs.mkdirSync('test-results', { recursive: true });
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(database + suffix, { force: true });
	const log = fs.openSync(logFile, 'w');
	const mail = await startSmtpSink();
	const env: NodeJS.ProcessEnv = {
		...process.env,
		DATABASE_URL: database,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
		REQUIRE_STAFF_2FA: 'false',
		// The specs retake a failed final assessment at once; retakes.e2e.ts turns the wait on.
		ASSESSMENT_COOLDOWN_MINUTES: '0',
		NODE_ENV: 'production',
		...extraEnv
	};
	let server: ChildProcess | undefined;
	try {
		const seed = await exited(run('npx', ['tsx', 'scripts/seed-demo.ts'], env, log));
		if (seed !== 0) throw new Error(`seeding ${database} failed (${seed}); see ${logFile}`);
		server = run(process.execPath, ['server.js'], env, log);
		await waitForHealth(origin, server, logFile);
	} catch (error) {
		server?.kill('SIGTERM');
		await mail.close();
		fs.closeSync(log);
		throw error;
	}
	const running = server;
	return {
		origin,
		port,
		database,
		mail,
		async stop() {
			running.kill('SIGTERM');
			await exited(running);
			await mail.close();
			fs.closeSync(log);
		}
	};
}
