import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	schema: './src/lib/server/db/sqlite-schema.ts',
	out: './drizzle',
	dialect: 'sqlite',
	strict: true,
	verbose: false
});
