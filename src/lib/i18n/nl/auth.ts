// Dutch (nl-BE) interface text: the auth section of the catalogue.
export const auth = {
	loginTitle: 'Aanmelden',
	loginIntro: 'Meld je aan met je e-mailadres en wachtwoord.',
	email: 'E-mailadres',
	password: 'Wachtwoord',
	newPassword: 'Nieuw wachtwoord',
	repeatPassword: 'Herhaal het wachtwoord',
	name: 'Naam',
	audience: 'Ik werk als',
	loginButton: 'Aanmelden',
	loginFailed: 'Het e-mailadres of het wachtwoord klopt niet.',
	throttled: (minutes: number) =>
		minutes <= 1
			? 'Te veel pogingen na elkaar. Wacht even en probeer het over een minuut opnieuw.'
			: `Te veel pogingen na elkaar. Probeer het over ${minutes} minuten opnieuw.`,
	forgot: 'Wachtwoord vergeten?',
	noAccount: 'Nog geen account?',
	haveAccount: 'Heb je al een account?',
	registerTitle: 'Registreren',
	registerIntro: 'Maak een account om de opleiding te volgen.',
	registerButton: 'Account maken',
	inviteLink: 'Uitnodiging koppelen aan mijn account',
	inviteEmail: 'Je e-mailadres:',
	registered:
		'Je registratie is ontvangen. Je krijgt een e-mail met een link om je e-mailadres te bevestigen. Pas daarna kan je je aanmelden. Had je al een account met dit adres, dan krijg je een e-mail met uitleg.',
	confirmTitle: 'E-mailadres bevestigen',
	confirmIntro: 'Bevestig je e-mailadres. Daarna is je account klaar en kan je je aanmelden.',
	confirmButton: 'Account bevestigen',
	confirmInvalid:
		'Deze link werkt niet meer. Hij is al gebruikt of verlopen. Registreer opnieuw, of meld je aan als je account al klaar is.',
	confirmed: 'Je e-mailadres is bevestigd en je account is klaar. Meld je nu aan.',
	passwordHint:
		'Minstens 12 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.',
	resetTitle: 'Wachtwoord vergeten',
	resetIntro:
		'Vul je e-mailadres in. Als er een account bij hoort, krijg je een e-mail met een link om een nieuw wachtwoord te kiezen. De link werkt één uur.',
	resetButton: 'Stuur de link',
	resetSent:
		'Als er een account bij dit e-mailadres hoort, is er nu een e-mail onderweg. Kijk ook in je map met ongewenste mail.',
	newPasswordTitle: 'Nieuw wachtwoord kiezen',
	newPasswordButton: 'Wachtwoord opslaan',
	resetInvalid:
		'Deze link werkt niet meer. Hij is al gebruikt, verlopen of vervangen door een nieuwere. Vraag een nieuwe link aan.',
	resetDone:
		'Je wachtwoord is gewijzigd. Je bent overal afgemeld. Meld je aan met je nieuwe wachtwoord.',
	signedOut: 'Je bent afgemeld.',
	inviteTitle: 'Uitnodiging aanvaarden',
	inviteIntro: (org: string) =>
		`Je bent uitgenodigd voor Signaalwijs door ${org}. Kies je naam en een wachtwoord.`,
	inviteButton: 'Account activeren',
	inviteInvalid:
		'Deze uitnodiging werkt niet meer. Ze is al gebruikt, ingetrokken of verlopen. Vraag je contactpersoon om een nieuwe uitnodiging.',
	inviteExistingAccount:
		'Er bestaat al een account met dit e-mailadres. Meld je aan; de uitnodiging wordt daarna aan je account gekoppeld.',
	inviteDone: 'Je account is klaar. Meld je aan met je e-mailadres en je nieuwe wachtwoord.'
} as const;
