import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { checkHealth } from '$lib/server/platform';

export const GET: RequestHandler = async () => {
	const ok = await checkHealth();
	return json(ok ? { status: 'ok' } : { status: 'error' }, { status: ok ? 200 : 503 });
};
