// `npm run test:postgres`: the specs that need a real PostgreSQL server (`*.pgtest.ts`). Each
// file starts a throwaway server (tests/support/postgres.ts); initdb, the demo seed and the copy
// take longer than the unit suite's 20-second timeout allows, so they run apart from it.
import path from 'node:path';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { signalCatalogue } from '../vite.config';

export default defineConfig({
	plugins: [signalCatalogue(), sveltekit()],
	root: path.resolve(import.meta.dirname, '..'),
	server: { fs: { allow: ['modules', 'pages'] } },
	test: {
		include: ['src/**/*.pgtest.ts', 'scripts/**/*.pgtest.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 60_000,
		// The first run on a machine without PostgreSQL installs it with apt.
		hookTimeout: 300_000,
		fileParallelism: true
	}
});
