// One-off confirmations carried in the URL after a redirect (?melding=...): codes, not text.
import { messages } from '$lib/i18n';

const notices = {
	afgemeld: messages.auth.signedOut,
	geregistreerd: messages.auth.registered,
	bevestigd: messages.auth.confirmed,
	'wachtwoord-gewijzigd': messages.auth.resetDone,
	'account-klaar': messages.auth.inviteDone,
	'account-verwijderd': messages.account.deleted
} as const;

export function noticeFor(code: string | null): string | null {
	return code && code in notices ? notices[code as keyof typeof notices] : null;
}
