// `npm run test:unit:postgres`: the server and domain specs again, on PostgreSQL. The same spec
// files as `npm run test:unit` except those about SQLite itself (its file, pragmas, WAL, backups
// and its transaction queue), which have PostgreSQL counterparts in *.pgtest.ts.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { signalCatalogue } from '../vite.config';

export const sqliteOnlySpecs = [
	'src/lib/server/db/db.spec.ts',
	'src/lib/server/db/migrations.spec.ts',
	'src/lib/server/db/transaction.spec.ts',
	'src/lib/server/db/write-queue.spec.ts',
	'src/lib/server/learning/durability.spec.ts',
	'src/lib/server/platform/file-modes.spec.ts',
	'src/lib/server/platform/backup.spec.ts'
];

export default defineConfig({
	plugins: [signalCatalogue(), sveltekit()],
	root: path.resolve(import.meta.dirname, '..'),
	server: { fs: { allow: ['modules', 'pages'] } },
	test: {
		include: ['src/**/*.spec.ts'],
		exclude: sqliteOnlySpecs,
		environment: 'node',
		// On PostgreSQL the two-factor key comes from configuration (accounts/auth/secret-box.ts).
		env: { TWO_FACTOR_KEY: randomBytes(32).toString('hex') },
		expect: { requireAssertions: true },
		globalSetup: ['tests/support/postgres-global.ts'],
		testTimeout: 20_000,
		// The first run on a machine without PostgreSQL installs it with apt.
		hookTimeout: 300_000,
		fileParallelism: true
	}
});
