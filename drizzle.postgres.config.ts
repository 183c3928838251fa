// drizzle-kit for the PostgreSQL schema: `npx drizzle-kit generate --config drizzle.postgres.config.ts`
// writes its migrations to drizzle/postgres/, beside SQLite's in drizzle/.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	schema: './src/lib/server/db/postgres/schema.ts',
	out: './drizzle/postgres',
	dialect: 'postgresql',
	strict: true,
	verbose: false
});
