// Starts the production build for the end-to-end tests on a fresh database with the demo data.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const file = process.env.DATABASE_URL;
if (!file || !file.startsWith('test-results/')) {
	console.error('e2e-server: DATABASE_URL must point into test-results/');
	process.exit(1);
}
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });

const seed = spawnSync('npx', ['tsx', 'scripts/seed-demo.ts'], {
	stdio: 'inherit',
	env: process.env
});
if (seed.status !== 0) process.exit(seed.status ?? 1);

const server = spawn(process.execPath, ['server.js'], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
