import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { toolJwks } from '$lib/server/lti';

// The tool's public LTI key set: platforms check the deep-linking answers and client assertions.
export const GET: RequestHandler = async () =>
	json(await toolJwks(), { headers: { 'cache-control': 'public, max-age=3600' } });
