// The throwaway PostgreSQL harness (tests/support/postgres.ts, scripts/postgres.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { once } from 'node:events';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startPostgres } from '../tests/support/postgres';

async function settings(url: string) {
	const client = new pg.Client(url);
	await client.connect();
	try {
		const show = async (name: string) =>
			(await client.query(`SELECT current_setting($1) AS v`, [name])).rows[0].v as string;
		return {
			synchronousCommit: await show('synchronous_commit'),
			listen: await show('listen_addresses'),
			dataDirectory: await show('data_directory'),
			superuserRole: (await client.query('SELECT current_user AS u')).rows[0].u as string
		};
	} finally {
		await client.end();
	}
}

async function refused(url: string): Promise<boolean> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
	try {
		await client.connect();
		await client.end();
		return false;
	} catch {
		return true;
	}
}

describe('throwaway PostgreSQL', () => {
	it('serves a private database with synchronous_commit=on and leaves nothing behind', async () => {
		const server = await startPostgres();
		const url = await server.createDatabase('proef');
		const seen = await settings(url);
		expect(seen.synchronousCommit).toBe('on');
		expect(seen.listen).toBe('127.0.0.1');
		expect(seen.dataDirectory.startsWith(server.dir)).toBe(true);
		expect(seen.superuserRole).toBe('postgres');
		if (process.getuid?.() === 0) {
			// PostgreSQL refuses root: the data folder belongs to the unprivileged system user.
			expect(fs.statSync(seen.dataDirectory).uid).not.toBe(0);
		}
		server.stop();
		expect(fs.existsSync(server.dir)).toBe(false);
		expect(await refused(url)).toBe(true);
	});

	it('stops and removes the server when scripts/postgres.ts gets Ctrl-C', async () => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/postgres.ts'], {
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.setEncoding('utf8');
		const url = await new Promise<string>((resolve, reject) => {
			child.stdout.on('data', (chunk: string) => {
				output += chunk;
				const match = /postgres:\/\/\S+/.exec(output);
				if (match) resolve(match[0]);
			});
			child.on('exit', (code) => reject(new Error(`scripts/postgres.ts exited with ${code}`)));
		});
		const { dataDirectory } = await settings(url);
		expect(fs.existsSync(dataDirectory)).toBe(true);
		const exited = once(child, 'exit');
		child.kill('SIGINT');
		await exited;
		expect(fs.existsSync(dataDirectory)).toBe(false);
		expect(await refused(url)).toBe(true);
	});
});
