import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['modules', 'pages'] } },
	build: {
		// Everything every page loads (the Svelte and SvelteKit runtimes, Vite's preload helper, the
		// catalogue sections of the layout and the error page) in one chunk: one request and one
		// gzip dictionary instead of seven small files. The form helper stays apart: only pages
		// with enhanced forms load it. Of the catalogue only the app and errors sections: a group
		// takes its modules' dependencies too, so listing i18n/index.ts or nl/index.ts (which
		// re-export every section) put the whole catalogue, authoring included, on every page.
		rolldownOptions: {
			// The catalogue sections only define constants: a section no page reads is dropped. Without
			// this, codes.ts (which reads other sections' messages at the top level and spreads one)
			// counted as having side effects and shipped, 8 KB gzip, on every page.
			treeshake: {
				moduleSideEffects: [{ test: /[\\/]src[\\/]lib[\\/]i18n[\\/]/, sideEffects: false }]
			},
			output: {
				codeSplitting: {
					groups: [
						{
							name: 'frame',
							test: (id: string) =>
								!id.includes('/runtime/app/forms') &&
								/node_modules[\\/](svelte[\\/]src[\\/](internal[\\/]|index-client\.js|constants\.js|store[\\/]|reactivity[\\/]create-subscriber\.js)|@sveltejs[\\/]kit[\\/]|devalue[\\/]|clsx[\\/])|preload-helper|[\\/]src[\\/]lib[\\/]i18n[\\/]nl[\\/](app|errors)\.ts$/.test(
									id
								)
						}
					]
				}
			}
		}
	},
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 20000,
		hookTimeout: 20000,
		fileParallelism: true
	}
});
