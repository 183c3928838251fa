import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'drizzle/',
			'test-results/',
			'playwright-report/',
			'bench/results/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.svelte', 'src/lib/components/**/*.ts'],
		rules: {
			'svelte/no-at-html-tags': 'error',
			// Plain links and goto() to server-given locations are fine: the app has no base path.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// The one component that prints HTML: renderMarkdown's sanitised output only.
		files: ['src/lib/components/SafeHtml.svelte'],
		rules: { 'svelte/no-at-html-tags': 'off' }
	},
	{
		// Routes call domain modules; only src/lib/server talks to the database.
		files: ['src/routes/**', 'src/hooks.server.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'drizzle-orm',
								'drizzle-orm/*',
								'better-sqlite3',
								'$lib/server/db',
								'$lib/server/db/*'
							],
							message: 'Routes call domain modules in $lib/server, never the database.'
						},
						{
							group: ['$lib/server/*/**', '$lib/server/demo', '$lib/server/testing'],
							message:
								"Routes import a domain's face only: import * as learning from '$lib/server/learning'."
						}
					]
				}
			]
		}
	},
	{
		// One data idiom: Drizzle's query builder or its typed sql template. Only db/ may reach the
		// driver underneath (better-sqlite3 today, node-postgres later); bench/ and scripts/ are tools.
		files: ['src/**/*.ts', 'src/**/*.svelte'],
		ignores: ['src/lib/server/db/**'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: "MemberExpression[property.name='$client']",
					message: "Query through Drizzle's builder or sql template; only db/ uses $client."
				}
			]
		}
	}
);
