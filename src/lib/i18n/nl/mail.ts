// Dutch (nl-BE) interface text: the mail section of the catalogue.
export const mail = {
	greeting: (name: string) => `Beste ${name},`,
	/** Stands in for a link with a code once the mail is sent, and in the admin's outbox view. */
	redactedLink: '[link met code verwijderd]',
	signature: 'Met vriendelijke groet,\nSignaalwijs',
	resetSubject: 'Een nieuw wachtwoord kiezen voor Signaalwijs',
	resetBody: (link: string) =>
		`Je vroeg een nieuw wachtwoord aan voor Signaalwijs. Kies het via deze link (hij werkt één uur en één keer):\n\n${link}\n\nVroeg je dit niet aan? Dan mag je deze e-mail negeren; je wachtwoord blijft hetzelfde.`,
	inviteSubject: (org: string) => `Uitnodiging voor Signaalwijs van ${org}`,
	inviteBody: (org: string, link: string, days: number) =>
		`${org} nodigt je uit voor Signaalwijs, de opleiding om signalen van tienerpooiers te herkennen en te weten wat je doet.\n\nActiveer je account via deze link (hij werkt ${days} dagen):\n\n${link}`,
	confirmSubject: 'Bevestig je e-mailadres voor Signaalwijs',
	confirmBody: (link: string, hours: number) =>
		`Je maakte een account bij Signaalwijs. Bevestig je e-mailadres via deze link (hij werkt ${hours} uur). Pas daarna bestaat je account en kan je je aanmelden:\n\n${link}\n\nMaakte jij geen account? Dan mag je deze e-mail negeren. Er wordt dan niets aangemaakt.`,
	existingSubject: 'Poging tot registratie met je e-mailadres',
	existingBody: (link: string) =>
		`Iemand probeerde een nieuw account te maken bij Signaalwijs met dit e-mailadres. Je hebt al een account.\n\nWeet je je wachtwoord niet meer? Kies een nieuw via ${link}\n\nWas jij dit niet? Dan hoef je niets te doen.`,
	emailChangeSubject: 'Bevestig je nieuwe e-mailadres voor Signaalwijs',
	emailChangeBody: (link: string, hours: number) =>
		`Je vroeg om dit e-mailadres te gebruiken voor je account bij Signaalwijs. Bevestig het via deze link (hij werkt ${hours} uur). Pas daarna meld je je aan met dit adres:\n\n${link}\n\nVroeg jij dit niet? Dan mag je deze e-mail negeren. Er verandert dan niets.`,
	emailChangeNoticeSubject: 'Je e-mailadres bij Signaalwijs wordt misschien gewijzigd',
	emailChangeNoticeBody: (newEmail: string, link: string) =>
		`Iemand die aangemeld is met je account vroeg om je e-mailadres te wijzigen naar ${newEmail}. Het adres verandert pas als die persoon de link in de e-mail naar het nieuwe adres opent.\n\nWas jij dit niet? Kies dan meteen een nieuw wachtwoord via ${link}. Zo word je overal afgemeld.`
} as const;
