// `npm run demo`: build when the sources are newer than build/, migrate and seed ./data/demo.db
// (DATABASE_URL overrides), then serve the platform on http://localhost:3000 (PORT, HOST, ORIGIN).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

function newest(entry) {
	if (!fs.existsSync(entry)) return 0;
	const stat = fs.statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let max = stat.mtimeMs;
	for (const child of fs.readdirSync(entry)) max = Math.max(max, newest(path.join(entry, child)));
	return max;
}

function run(command, args, env) {
	const result = spawnSync(command, args, { stdio: 'inherit', env });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

const port = process.env.PORT || '3000';
const env = {
	...process.env,
	DATABASE_URL: process.env.DATABASE_URL || './data/demo.db',
	PORT: port,
	HOST: process.env.HOST || '0.0.0.0',
	ORIGIN: process.env.ORIGIN || `http://localhost:${port}`,
	REQUIRE_STAFF_2FA: process.env.REQUIRE_STAFF_2FA || 'false',
	NODE_ENV: 'production'
};

const built = fs.existsSync('build/handler.js') ? fs.statSync('build/handler.js').mtimeMs : 0;
const sources = Math.max(
	...['src', 'modules', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'].map(newest)
);
if (sources > built) {
	console.log('Building Signaalwijs (the sources are newer than build/) ...');
	run('npx', ['vite', 'build'], { ...process.env, NODE_ENV: 'production' });
}

run('npx', ['tsx', 'scripts/seed-demo.ts'], env);

console.log(
	`\nSignaalwijs demo: ${env.ORIGIN}  (all demo accounts: password Signaalwijs-demo-2026)\n`
);
const server = spawn(process.execPath, ['server.js'], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
