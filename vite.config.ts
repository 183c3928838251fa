import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { catalogueSections } from './scripts/vite-catalogue-sections.js';

export default defineConfig({
	plugins: [catalogueSections(), sveltekit()],
	server: { fs: { allow: ['modules'] } },
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 20000,
		hookTimeout: 20000,
		fileParallelism: true
	}
});
