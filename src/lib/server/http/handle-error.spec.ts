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

	it("logs a failed query's database cause and code, never the values it was given", async () => {
		const error = vi.spyOn(log, 'error').mockImplementation(() => {});
		const cause = Object.assign(new Error('deadlock detected'), { code: '40P01' });
		const failed = new Error(
			'Failed query: update "enrolment" set "steps_done" = $1 where "id" = $2\nparams: anna@school.be,\n' +
				token,
			{ cause }
		);
		await handleError({
			error: failed,
			event: fakeEvent({ path: '/' }),
			status: 500,
			message: 'x'
		});
		const logged = String((error.mock.calls[0][1] as Record<string, unknown>).error);
		expect(logged).toContain('update "enrolment"');
		expect(logged).toContain('cause: Error: deadlock detected (40P01)');
		expect(logged).not.toContain('anna@school.be');
		expect(logged).not.toContain(token);
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
