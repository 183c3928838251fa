import type { LocalUser } from '$lib/server/accounts/guards';
import type { Session } from '$lib/server/db/schema';

declare global {
	namespace App {
		interface Error {
			message: string;
			id?: string;
		}
		interface Locals {
			user: LocalUser | null;
			session: Session | null;
			/** A session whose password step passed but whose second factor is still due. */
			pendingSession: Session | null;
			requestId: string;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
