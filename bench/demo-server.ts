// What the bench scripts share to measure the production server on the demo data: its
// environment, a freshly seeded demo database, waiting until it answers, and a signed-in cookie.
import { spawnSync } from 'node:child_process';

export const demoPassword = 'Signaalwijs-demo-2026';

/** The environment of `node server.js` on `database`, listening on 127.0.0.1:`port`. */
export function serverEnv(database: string, port: number): NodeJS.ProcessEnv {
	return {
		...process.env,
		DATABASE_URL: database,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${port}`,
		NODE_ENV: 'production',
		REQUIRE_STAFF_2FA: 'false'
	};
}

/** Migrates the server's database (`env` from serverEnv) and seeds the demo data into it. */
export function seedDemo(env: NodeJS.ProcessEnv): void {
	const seed = spawnSync('npx', ['tsx', 'scripts/seed-demo.ts'], { env, stdio: 'ignore' });
	if (seed.status !== 0) throw new Error('seeding the demo database failed');
}

/** Resolves once `url` answers 200 (polling every 10 ms, for at most about 15 s). */
export async function untilOk(url: string): Promise<void> {
	for (let i = 0; i < 1500; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 10));
	}
	throw new Error(`${url} did not answer`);
}

/** Signs in through the form and returns the session cookie (`name=value`). */
export async function signIn(
	base: string,
	email: string,
	password = demoPassword
): Promise<string> {
	const response = await fetch(`${base}/aanmelden`, {
		method: 'POST',
		headers: {
			origin: base,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	const cookie = response.headers.get('set-cookie')?.split(';')[0];
	if (!cookie) throw new Error(`sign-in failed for ${email}`);
	return cookie;
}
