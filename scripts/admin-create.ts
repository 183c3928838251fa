// `npm run admin:create -- --email X [--name "Naam"]`: creates a platform admin without a
// usable password and prints a single-use link (24 hours) where they choose one.
import { createAdminAccount, setupLinkHours } from '$lib/server/accounts';
import { config } from '$lib/server/platform/config';
import { closeDatabase, openDatabase } from '$lib/server/db';
import { emailField, nameField } from '$lib/schemas/fields';

function option(args: string[], name: string): string | undefined {
	const at = args.indexOf(`--${name}`);
	if (at >= 0) return args[at + 1];
	return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const args = process.argv.slice(2);
const email = emailField.safeParse(option(args, 'email') ?? '');
const name = nameField.safeParse(option(args, 'name') ?? 'Platformbeheerder');
if (!email.success || !name.success) {
	console.error('usage: npm run admin:create -- --email admin@example.be [--name "Naam"]');
	process.exit(2);
}

await openDatabase(config.databaseUrl, { migrationsDir: config.migrationsDir });
const result = await createAdminAccount({ email: email.data, name: name.data });
await closeDatabase();
if (!result.ok) {
	console.error(
		`An account for ${email.data} already exists. Grant it the admin role in /admin, or use /wachtwoord-vergeten.`
	);
	process.exit(1);
}
console.log(`Admin account created for ${email.data}.`);
console.log(`Open this link within ${setupLinkHours} hours to choose a password (it works once):`);
console.log(result.link);
