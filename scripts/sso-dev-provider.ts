// `npm run sso:dev-provider`: starts the test identity provider (oidc-provider with its
// development sign-in pages) on a local port and registers it for the Sint-Jansschool demo
// organisation in the demo database, so single sign-on can be tried locally. Options:
// --port (SSO_DEV_PORT, default 4400), --domain (default sint-jansschool.demo.signaalwijs.be).
// Uses DATABASE_URL (default ./data/demo.db) and ORIGIN (default http://localhost:3000) as
// `npm run demo` does.
import { asc, like } from 'drizzle-orm';
import { closeDatabase, db, openDatabase, first } from '$lib/server/db';
import { organisation } from '$lib/server/db/schema';
import { config } from '$lib/server/platform/config';
import { addProvider, listProviders, removeProvider } from '$lib/server/sso';
import { startTestProvider } from '../tests/support/oidc-test-provider';

function option(name: string): string | undefined {
	const args = process.argv.slice(2);
	const at = args.indexOf(`--${name}`);
	if (at >= 0) return args[at + 1];
	return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

process.env.DATABASE_URL ??= './data/demo.db';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT ?? '3000'}`;
const port = Number(option('port') ?? process.env.SSO_DEV_PORT ?? 4400);
const domain = (option('domain') ?? 'sint-jansschool.demo.signaalwijs.be').toLowerCase();

await openDatabase(config.databaseUrl, { migrationsDir: config.migrationsDir });
const school = await first(
	db
		.select()
		.from(organisation)
		.where(like(organisation.name, 'Sint-Jansschool%'))
		.orderBy(asc(organisation.id))
);
if (!school) {
	console.error(
		`No Sint-Jansschool organisation in ${config.databaseUrl}: run npm run demo first.`
	);
	process.exit(1);
}
const idp = await startTestProvider({ port, appOrigin: config.origin });
for (const existing of await listProviders(school.id)) {
	if (existing.issuer === idp.issuer) await removeProvider(existing.id, school.id, { id: null });
}
const added = await addProvider(
	{
		organisationId: school.id,
		name: `Testaanmelding van ${school.name}`,
		issuer: idp.issuer,
		clientId: idp.clientId,
		clientSecret: idp.clientSecret,
		domains: [domain]
	},
	{ id: null }
);
await closeDatabase();
if (!added.ok) {
	console.error(`Could not register the test provider: ${added.failure.code}`);
	await idp.close();
	process.exit(1);
}
console.log(`Test identity provider on ${idp.issuer}, registered for ${school.name} (${domain}).
Sign in at ${config.origin}/aanmelden with any address @${domain} (any password at the
provider's page). Stop with Ctrl+C.`);
