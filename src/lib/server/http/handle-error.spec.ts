import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleError } from './handle-error';
import { fakeEvent } from './fake-event';
import { log } from '../platform/log';

afterEach(() => {
	vi.restoreAllMocks();
});

const token = 'Zq8vH3kP0aB7xY2mN5cR1tW4uE6iO9sL';

describe('handleError', () => {
	it('logs a 500 with the route id, never the token in the path, and answers calmly', async () => {
		const error = vi.spyOn(log, 'error').mockImplementation(() => {});
		const event = fakeEvent({
			path: `/wachtwoord-vergeten/${token}?x=${token}`,
			routeId: '/wachtwoord-vergeten/[token]'
		});
		const answer = await handleError({
			error: new Error('database is locked'),
			event,
			status: 500,
			message: 'Internal Error'
		});
		expect(error).toHaveBeenCalledTimes(1);
		const fields = error.mock.calls[0][1] as Record<string, unknown>;
		expect(fields).toMatchObject({ route: '/wachtwoord-vergeten/[token]', status: 500 });
		expect(JSON.stringify(fields)).not.toContain(token);
		expect(answer).toMatchObject({ id: 'test-request' });
		expect(JSON.stringify(answer)).not.toContain('database is locked');
	});

	it('keeps a token in an unknown path out of the written log output', () => {
		// The real logger in a child process: what reaches stderr is what an operator would see.
		const code = `
			import { handleError } from ${JSON.stringify(new URL('./handle-error.ts', import.meta.url).pathname)};
			import { fakeEvent } from ${JSON.stringify(new URL('./fake-event.ts', import.meta.url).pathname)};
			handleError({ error: new Error('boom'), status: 500, message: 'x',
				event: fakeEvent({ path: '/uitnodiging/${token}', routeId: null }) });`;
		const result = spawnSync(
			process.execPath,
			['--import', 'tsx', '--input-type=module', '-e', code],
			{ encoding: 'utf8', env: { ...process.env, VITEST: '' } }
		);
		expect(result.stderr).toContain('"event":"request.failed"');
		expect(result.stderr).toContain('/uitnodiging/[token]');
		expect(result.stderr + result.stdout).not.toContain(token);
	});
});
