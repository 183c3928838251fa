// `npx tsx scripts/postgres.ts [--port N] [-- command ...]`: a throwaway PostgreSQL server
// (tests/support/postgres.ts) with one empty database, `signaalwijs`.
// With a command: runs it with DATABASE_URL set to that database, then stops the server and
// removes its folder, and exits with the command's status. Without: prints the URL and keeps
// the server until Ctrl-C.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startPostgres } from '../tests/support/postgres';

const { values, positionals } = parseArgs({
	options: { port: { type: 'string' } },
	allowPositionals: true
});

const server = await startPostgres({ port: values.port ? Number(values.port) : undefined });
const url = await server.createDatabase('signaalwijs');

if (!positionals.length) {
	console.log(url);
	console.error('PostgreSQL is running; Ctrl-C stops it and removes its data.');
	// The harness stops the server on SIGINT/SIGTERM; this keeps the process alive until then.
	setInterval(() => {}, 1 << 30);
} else {
	const [command, ...args] = positionals;
	const child = spawn(command, args, {
		stdio: 'inherit',
		env: { ...process.env, DATABASE_URL: url }
	});
	child.on('exit', (code, signal) => {
		server.stop();
		process.exit(code ?? (signal ? 1 : 0));
	});
}
