// A throwaway PostgreSQL server for tests and scripts: initdb into a temporary folder, start on a
// private port (socket in that folder, TCP on 127.0.0.1 only), hand back a postgres:// URL, and
// stop and remove everything at the end, also when a test fails or the process is interrupted.
// Debian's `postgresql` package is installed with apt when initdb is missing and we are root, as
// scripts/ensure-chromium.js does for Chromium. PostgreSQL refuses to run as root, so as root the
// server runs as an unprivileged system user (`pgtest`, created when missing).
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface ThrowawayPostgres {
	/** postgres://postgres@127.0.0.1:<port>/postgres: the maintenance database. */
	url: string;
	port: number;
	/** The temporary folder: data directory, socket and log. */
	dir: string;
	/** Creates an empty database and returns its URL. */
	createDatabase(name: string): Promise<string>;
	/** Stops the server and removes the folder; safe to call twice. */
	stop(): void;
}

export interface PostgresOptions {
	/** A fixed port; by default a free one is picked. */
	port?: number;
	/** The system user the server runs as when we are root (default `pgtest`). */
	user?: string;
	/**
	 * False for a server whose data nobody needs after a crash (the domain specs): no fsync, so
	 * hundreds of small test databases are cheap. Durability runs and benchmarks keep the default.
	 */
	durable?: boolean;
}

const SYSTEM_USER = 'pgtest';

function isRoot(): boolean {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

function binDirWith(program: string): string | null {
	const candidates: string[] = [];
	if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(dir);
	const debian = '/usr/lib/postgresql';
	if (fs.existsSync(debian)) {
		const versions = fs
			.readdirSync(debian)
			.filter((v) => /^\d+$/.test(v))
			.sort((a, b) => Number(b) - Number(a));
		for (const v of versions) candidates.push(path.join(debian, v, 'bin'));
	}
	for (const dir of candidates) {
		if (fs.existsSync(path.join(dir, program)) && fs.existsSync(path.join(dir, 'pg_ctl'))) {
			return fs.realpathSync(dir);
		}
	}
	return null;
}

/** The folder holding initdb and pg_ctl; installs Debian's package first when root and missing. */
export function findPostgresBinaries(): string {
	const found = binDirWith('initdb');
	if (found) return found;
	if (isRoot()) {
		console.log('initdb is missing: installing Debian\u2019s postgresql package with apt ...');
		execFileSync(
			'/bin/bash',
			[
				'-c',
				'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql'
			],
			{ stdio: 'inherit' }
		);
		const installed = binDirWith('initdb');
		if (installed) return installed;
		throw new Error('apt installed postgresql but initdb is still not found.');
	}
	throw new Error(
		'The PostgreSQL tests need initdb and pg_ctl (PostgreSQL 15 or later).\n' +
			'Install them once as root:  sudo apt-get update && sudo apt-get install -y postgresql\n' +
			'(or set PG_BIN to the folder that holds initdb).'
	);
}

function ensureSystemUser(name: string): void {
	if (spawnSync('id', ['-u', name], { stdio: 'ignore' }).status === 0) return;
	execFileSync('useradd', ['-r', '-m', name], { stdio: 'inherit' });
}

function userIds(name: string): { uid: number; gid: number } {
	const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
	return { uid, gid };
}

/** A port nobody listens on right now on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

const running = new Set<ThrowawayPostgres>();
let hooked = false;

/** Stops every server this process started: on exit, SIGINT and SIGTERM. */
function hookProcessExit(): void {
	if (hooked) return;
	hooked = true;
	const stopAll = () => {
		for (const server of [...running]) server.stop();
	};
	process.on('exit', stopAll);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			stopAll();
			process.kill(process.pid, signal);
		});
	}
}

/** Initialises and starts a throwaway PostgreSQL server with `synchronous_commit=on`. */
export async function startPostgres(options: PostgresOptions = {}): Promise<ThrowawayPostgres> {
	const bin = findPostgresBinaries();
	const root = isRoot();
	const systemUser = options.user ?? SYSTEM_USER;
	if (root) ensureSystemUser(systemUser);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-pg-'));
	const data = path.join(dir, 'data');
	const log = path.join(dir, 'server.log');
	if (root) {
		const { uid, gid } = userIds(systemUser);
		fs.chownSync(dir, uid, gid);
	}
	// As root, run PostgreSQL's programs as the system user (runuser keeps our environment).
	// Asynchronous, so a test can prepare its data while the server initialises.
	const run = (program: string, args: string[]) =>
		new Promise<void>((resolve, reject) => {
			const file = path.join(bin, program);
			const [command, argv] = root
				? ['runuser', ['-u', systemUser, '--', file, ...args]]
				: [file, args];
			execFile(command, argv, { cwd: dir, encoding: 'utf8' }, (error, stdout, stderr) => {
				if (!error) return resolve();
				const logText = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
				reject(
					new Error(`${program} failed: ${stderr || stdout || error.message}\n${logText}`.trim())
				);
			});
		});

	let stopped = false;
	let started = false;
	const server: ThrowawayPostgres = {
		url: '',
		port: 0,
		dir,
		async createDatabase(name: string) {
			const client = new pg.Client({ connectionString: server.url });
			await client.connect();
			try {
				await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
			} finally {
				await client.end();
			}
			const url = new URL(server.url);
			url.pathname = `/${name}`;
			return url.toString();
		},
		stop() {
			if (stopped) return;
			stopped = true;
			running.delete(server);
			if (started) {
				// Immediate: a throwaway server has nothing to flush; its folder goes next.
				const file = path.join(bin, 'pg_ctl');
				const args = ['-D', data, '-m', 'immediate', '-w', 'stop'];
				spawnSync(root ? 'runuser' : file, root ? ['-u', systemUser, '--', file, ...args] : args, {
					stdio: 'ignore'
				});
			}
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
	running.add(server);
	hookProcessExit();

	try {
		// --no-sync: the data folder is thrown away; the running server still syncs its commits.
		await run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
		const port = options.port ?? (await freePort());
		const serverOptions = [
			`-p ${port}`,
			`-k ${dir}`,
			'-c listen_addresses=127.0.0.1',
			'-c synchronous_commit=on',
			options.durable === false ? '-c fsync=off -c full_page_writes=off' : '-c fsync=on'
		].join(' ');
		started = true;
		await run('pg_ctl', ['-D', data, '-o', serverOptions, '-l', log, '-w', '-t', '60', 'start']);
		server.port = port;
		server.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
		return server;
	} catch (error) {
		server.stop();
		throw error;
	}
}
