// `npm run seed:demo`: migrates the database at DATABASE_URL and adds the demo data when empty.
import { config } from '$lib/server/platform/config';
import { closeDatabase, openDatabase } from '$lib/server/db';
import { describeDatabaseUrl } from '$lib/server/db/engine';
import { underStartLock } from '$lib/server/db/start-lock';
import { seedDemo } from '$lib/server/demo/seed';
import { seedDemoCertificates } from '$lib/server/demo/certificates';
import { seedDemoAssignments } from '$lib/server/demo/manager';
import { seedDemoAuthoring } from '$lib/server/demo/authoring';
import { loadShippedCourse } from '$lib/server/content/course';
import { syncShippedModules } from '$lib/server/content/versions';

const course = loadShippedCourse();
await openDatabase(config.databaseUrl, { migrationsDir: config.migrationsDir });
await underStartLock(() => syncShippedModules(course));
const seeded = await seedDemo();
if (seeded) {
	await seedDemoCertificates();
	await seedDemoAssignments();
	await seedDemoAuthoring();
}
const where = describeDatabaseUrl(config.databaseUrl);
console.log(seeded ? `Demo data added to ${where}.` : `${where} already has data; nothing added.`);
await closeDatabase();
