// A learner session for a person an LMS launched (src/lib/server/lti has checked the launch).
// Always the learner lifetimes: an LMS launch never grants a staff role.
import { createSession } from './auth/session';

export async function startLaunchSession(
	userId: number,
	userAgent: string | null
): Promise<{ token: string; expiresAt: Date }> {
	const { token, session } = await createSession(userId, 'learner', userAgent);
	return {
		token,
		expiresAt: new Date(session.createdAt.getTime() + session.absoluteSeconds * 1000)
	};
}
