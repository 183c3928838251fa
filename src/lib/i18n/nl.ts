// Dutch (nl-BE) interface text. Keep user-facing strings here so French (Brussels) can follow.
export const nl = {
	app: {
		name: 'Signaalwijs',
		tagline: 'Signalen van tienerpooiers herkennen en weten wat je doet',
		skipLink: 'Naar de inhoud',
		mainNav: 'Hoofdmenu',
		signedInAs: (name: string) => `Aangemeld als ${name}`,
		signOut: 'Afmelden',
		signIn: 'Aanmelden',
		register: 'Registreren',
		profile: 'Mijn profiel'
	},
	nav: {
		home: 'Start',
		learn: 'Leren',
		certificates: 'Certificaten',
		manage: 'Beheer',
		author: 'Auteur',
		admin: 'Platformbeheer',
		profile: 'Profiel'
	},
	helpLine: {
		heading: 'Hulp nodig of zorgen om een jongere?',
		text: 'Bel gratis Child Focus op 116 000, dag en nacht, ook anoniem. Of mail naar 116000@childfocus.org.',
		phone: '116 000',
		email: '116000@childfocus.org',
		emergency: 'In nood: bel de politie op 101 of 112.'
	},
	footer: {
		accessibility: 'Toegankelijkheid',
		privacy: 'Privacy',
		about: 'Signaalwijs is een opleidingsplatform voor leerkrachten en hulpverleners in Vlaanderen.'
	},
	roles: {
		learner: 'deelnemer',
		trainer: 'trainer',
		manager: 'beheerder',
		admin: 'platformbeheerder'
	},
	audiences: {
		leerkracht: 'Leerkracht',
		hulpverlener: 'Hulpverlener'
	},
	password: {
		tooShort: (n: number) =>
			`Kies een wachtwoord van minstens ${n} tekens. Een zin van een paar woorden werkt goed.`,
		tooLong: (n: number) => `Een wachtwoord mag hoogstens ${n} tekens lang zijn.`,
		common:
			'Dit wachtwoord is te makkelijk te raden. Kies een langer of minder gewoon wachtwoord, bijvoorbeeld een zin van een paar woorden.',
		personal:
			'Dit wachtwoord lijkt te veel op je naam, je e-mailadres of je organisatie. Kies iets anders.',
		mismatch: 'De twee wachtwoorden zijn niet gelijk.'
	},
	form: {
		errorSummary: 'Er is iets niet in orde',
		required: (label: string) => `Vul ${label} in.`,
		invalidEmail: 'Vul een geldig e-mailadres in, zoals naam@school.be.',
		tooLong: (label: string, n: number) => `${label} mag hoogstens ${n} tekens lang zijn.`,
		invalidChoice: (label: string) => `Kies een geldige waarde voor ${label}.`,
		invalidText: (label: string) => `${label} bevat tekens die niet toegelaten zijn.`
	},
	auth: {
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
		registerTitle: 'Registreren',
		registerIntro: 'Maak een account om de opleiding te volgen.',
		registerButton: 'Account maken',
		registered:
			'Je registratie is ontvangen. Je kunt je nu aanmelden. Had je al een account met dit adres, dan krijg je een e-mail.',
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
	},
	errors: {
		title: (status: number) =>
			status === 404
				? 'Pagina niet gevonden'
				: status === 403
					? 'Geen toegang'
					: status === 429
						? 'Even wachten'
						: 'Er ging iets mis',
		403: 'Je hebt geen toegang tot deze pagina. Denk je dat dit niet klopt? Vraag het aan de beheerder van je organisatie.',
		404: 'Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar de startpagina.',
		429: 'Je hebt te veel verzoeken na elkaar gestuurd. Wacht even en probeer het dan opnieuw.',
		500: 'Er ging iets mis aan onze kant. Je gegevens zijn niet verloren. Probeer het straks opnieuw.',
		reference: (id: string) => `Foutcode: ${id}`,
		back: 'Naar de startpagina',
		badRequest:
			'Dit verzoek kunnen we niet verwerken. Controleer wat je invulde en probeer opnieuw.',
		tooLarge: 'Wat je verstuurde is te groot.'
	},
	mail: {
		greeting: (name: string) => `Beste ${name},`,
		signature: 'Met vriendelijke groet,\nSignaalwijs',
		resetSubject: 'Een nieuw wachtwoord kiezen voor Signaalwijs',
		resetBody: (link: string) =>
			`Je vroeg een nieuw wachtwoord aan voor Signaalwijs. Kies het via deze link (hij werkt één uur en één keer):\n\n${link}\n\nVroeg je dit niet aan? Dan mag je deze e-mail negeren; je wachtwoord blijft hetzelfde.`,
		inviteSubject: (org: string) => `Uitnodiging voor Signaalwijs van ${org}`,
		inviteBody: (org: string, link: string, days: number) =>
			`${org} nodigt je uit voor Signaalwijs, de opleiding om signalen van tienerpooiers te herkennen en te weten wat je doet.\n\nActiveer je account via deze link (hij werkt ${days} dagen):\n\n${link}`,
		existingSubject: 'Poging tot registratie met je e-mailadres',
		existingBody: (link: string) =>
			`Iemand probeerde een nieuw account te maken bij Signaalwijs met dit e-mailadres. Je hebt al een account.\n\nWeet je je wachtwoord niet meer? Kies een nieuw via ${link}\n\nWas jij dit niet? Dan hoef je niets te doen.`
	},
	account: {
		signInFirst: 'Meld je eerst aan.',
		currentWrong: 'Je huidige wachtwoord klopt niet.',
		profileTitle: 'Mijn profiel',
		name: 'Naam',
		email: 'E-mailadres',
		organisations: 'Mijn organisaties',
		noOrganisation: 'Je bent (nog) niet verbonden aan een organisatie.',
		platformAdmin: 'Je bent platformbeheerder.',
		security: 'Beveiliging',
		twoFactorOn: 'Tweestapsverificatie staat aan.',
		twoFactorOff: 'Tweestapsverificatie staat uit.',
		twoFactorManage: 'Tweestapsverificatie beheren',
		twoFactorSetUp: 'Tweestapsverificatie instellen',
		passwordTitle: 'Wachtwoord wijzigen',
		currentPassword: 'Huidig wachtwoord',
		passwordButton: 'Wachtwoord wijzigen',
		passwordChanged:
			'Je wachtwoord is gewijzigd. Je bent afgemeld op al je andere toestellen en browsers.',
		sessionsTitle: 'Waar je aangemeld bent',
		sessionsIntro:
			'Dit zijn de browsers en toestellen waarop je nu aangemeld bent. Herken je er een niet? Meld hem af en wijzig je wachtwoord.',
		sessionStarted: 'Aangemeld op',
		sessionLastSeen: 'Laatst actief',
		sessionBrowser: 'Browser',
		sessionThis: 'Deze browser',
		sessionEnd: 'Sessie beëindigen',
		sessionEndLabel: (browser: string, date: string) =>
			`Sessie beëindigen: ${browser}, aangemeld op ${date}`,
		sessionEnded: 'Die sessie is beëindigd.',
		sessionEndAll: 'Alle andere sessies beëindigen',
		sessionsEndedOthers: 'Je bent afgemeld op al je andere toestellen en browsers.',
		unknownBrowser: 'Onbekende browser',
		dataTitle: 'Mijn gegevens',
		dataIntro:
			'Je kan alles wat Signaalwijs over jou bewaart downloaden als bestand (JSON): je profiel, je organisaties, je voortgang, je antwoorden, je certificaten en je sessies.',
		dataDownload: 'Mijn gegevens downloaden',
		deleteLink: 'Mijn account verwijderen',
		privacyLink: 'Lees wat we bewaren en waarom',
		deleteTitle: 'Mijn account verwijderen',
		deleteIntro:
			'Als je je account verwijdert, verdwijnen je naam, je e-mailadres, je voortgang en je certificaten voorgoed. Je antwoorden op oefeningen blijven alleen zonder je naam bewaard, voor de statistieken over de vragen. Dit kan je niet ongedaan maken.',
		deleteCertificates:
			'Je certificaten worden mee verwijderd. Wie daarna je certificaatcode controleert, krijgt te zien dat de code niet bestaat. Download eerst je certificaten als je ze wil bewaren.',
		deletePassword: 'Vul je wachtwoord in om te bevestigen',
		deleteButton: 'Mijn account definitief verwijderen',
		deleteCancel: 'Toch niet, terug naar mijn profiel',
		deleteLastAdmin:
			'Je bent de enige platformbeheerder. Maak eerst iemand anders beheerder voor je je account verwijdert.',
		deleted: 'Je account en je gegevens zijn verwijderd. Bedankt om Signaalwijs te gebruiken.',
		twoFactor: {
			title: 'Tweestapsverificatie',
			intro:
				'Met tweestapsverificatie vul je na je wachtwoord ook een code in uit een app op je telefoon (zoals Google Authenticator, Microsoft Authenticator of FreeOTP). Zo kan niemand zich met alleen je wachtwoord aanmelden.',
			required:
				'Je account heeft toegang tot gegevens van anderen. Stel daarom eerst tweestapsverificatie in voor je verdergaat.',
			step1: '1. Scan de QR-code met je app',
			qrAlt: 'QR-code om Signaalwijs toe te voegen aan je app voor tweestapsverificatie',
			manual: 'Lukt scannen niet? Voeg de sleutel dan met de hand toe in je app:',
			secretLabel: 'Sleutel',
			step2: '2. Vul de code uit je app in',
			code: 'Code van 6 cijfers',
			codeHint: 'De code verandert elke 30 seconden.',
			enableButton: 'Tweestapsverificatie aanzetten',
			enabled: 'Tweestapsverificatie staat nu aan.',
			recoveryTitle: 'Je herstelcodes',
			recoveryIntro:
				'Bewaar deze codes op een veilige plek, bijvoorbeeld afgedrukt of in een wachtwoordkluis. Ben je je telefoon kwijt, dan meld je je aan met een van deze codes. Elke code werkt één keer. Je ziet ze alleen nu.',
			recoveryLeft: (n: number) =>
				n === 1 ? 'Je hebt nog 1 herstelcode.' : `Je hebt nog ${n} herstelcodes.`,
			recoveryRenew: 'Nieuwe herstelcodes maken',
			recoveryRenewHint: 'Je oude herstelcodes werken dan niet meer.',
			disableTitle: 'Tweestapsverificatie uitzetten',
			disableButton: 'Tweestapsverificatie uitzetten',
			disabled: 'Tweestapsverificatie staat uit.',
			disableStaff:
				'Voor je rol is tweestapsverificatie verplicht: zet je ze uit, dan moet je ze meteen opnieuw instellen.',
			passwordWrong: 'Je wachtwoord klopt niet.',
			codeWrong:
				'Deze code klopt niet. Controleer of de tijd op je telefoon juist staat en probeer de nieuwe code.',
			throttled: (seconds: number) =>
				`Te veel foute codes na elkaar. Wacht ${seconds} seconden en probeer het opnieuw.`,
			back: 'Terug naar mijn profiel',
			stepTitle: 'Code invullen',
			stepIntro: 'Je wachtwoord klopt. Vul nu de code van 6 cijfers uit je app in.',
			stepButton: 'Bevestigen',
			recoveryHeading: 'Telefoon niet bij de hand?',
			recoveryCode: 'Herstelcode',
			recoveryHint: 'Een van de codes die je kreeg bij het instellen, zoals abcde-fghij.',
			recoveryButton: 'Aanmelden met herstelcode',
			recoveryWrong: 'Deze herstelcode klopt niet of werd al gebruikt.',
			cancel: 'Aanmelden annuleren'
		},
		admin: {
			title: 'Platformbeheer',
			welcome: (name: string) =>
				`Welkom, ${name}. Hier beheer je organisaties, accounts en het auditlogboek.`,
			nav: 'Onderdelen van platformbeheer',
			organisations: 'Organisaties',
			users: 'Accounts',
			invitations: 'Uitnodigingen',
			outbox: 'Uitgaande e-mail',
			audit: 'Auditlogboek',
			overviewOrganisations: (n: number) => `${n} organisaties`,
			orgName: 'Naam van de organisatie',
			orgCreate: 'Organisatie toevoegen',
			orgCreated: (name: string) => `${name} is toegevoegd.`,
			orgRename: 'Naam wijzigen',
			orgRenamed: 'De naam is gewijzigd.',
			orgNewName: (name: string) => `Nieuwe naam voor ${name}`,
			orgArchive: 'Archiveren',
			orgArchiveLabel: (name: string) => `${name} archiveren`,
			orgRestore: 'Terugzetten',
			orgRestoreLabel: (name: string) => `${name} terugzetten`,
			orgArchived: 'De organisatie is gearchiveerd. Haar leden hebben er geen rol meer.',
			orgRestored: 'De organisatie is teruggezet.',
			orgMembers: 'Leden',
			orgStatus: 'Status',
			orgActive: 'actief',
			orgIsArchived: 'gearchiveerd',
			searchLabel: 'Zoek op naam of e-mailadres',
			searchButton: 'Zoeken',
			noUsers: 'Geen accounts gevonden.',
			userTitle: (name: string) => `Account van ${name}`,
			userStatus: 'Status',
			userActive: 'actief',
			userDisabled: 'uitgeschakeld',
			lastLogin: 'Laatst aangemeld',
			never: 'nooit',
			rolesTitle: 'Rollen',
			isAdmin: 'Dit account is platformbeheerder.',
			makeAdmin: 'Platformbeheerder maken',
			revokeAdmin: 'Rol platformbeheerder intrekken',
			organisation: 'Organisatie',
			role: 'Rol',
			addRole: 'Rol toevoegen',
			changeRole: 'Rol wijzigen',
			removeRole: 'Rol verwijderen',
			newRoleFor: (org: string) => `Nieuwe rol in ${org}`,
			removeRoleLabel: (role: string, org: string) => `Rol ${role} in ${org} verwijderen`,
			noMemberships: 'Geen rollen in een organisatie.',
			accountTitle: 'Account',
			disable: 'Account uitschakelen',
			enable: 'Account weer inschakelen',
			endSessions: 'Alle sessies beëindigen',
			sessionsCount: (n: number) => (n === 1 ? '1 actieve sessie' : `${n} actieve sessies`),
			twoFactorStatus: 'Tweestapsverificatie',
			twoFactorReset: 'Tweestapsverificatie wissen (telefoon kwijt)',
			on: 'aan',
			off: 'uit',
			saved: 'Opgeslagen. De sessies van dit account zijn beëindigd.',
			sessionsEnded: (n: number) =>
				n === 1 ? '1 sessie is beëindigd.' : `${n} sessies zijn beëindigd.`,
			notSelf: 'Dit kan je niet voor je eigen account doen.',
			duplicate: 'Dit account heeft die rol al in die organisatie.',
			notFound: 'Dat account of die organisatie bestaat niet (meer).',
			inviteTitle: 'Iemand uitnodigen',
			inviteButton: 'Uitnodiging versturen',
			invited: (email: string) => `De uitnodiging voor ${email} is verstuurd.`,
			inviteOpen: 'open',
			inviteAccepted: 'aanvaard',
			inviteRevoked: 'ingetrokken',
			inviteExpired: 'verlopen',
			inviteRevokeLabel: (email: string) => `Uitnodiging voor ${email} intrekken`,
			inviteRevokedDone: 'De uitnodiging is ingetrokken.',
			noInvitations: 'Nog geen uitnodigingen.',
			outboxIntro:
				'Alle e-mail komt eerst in deze lijst. Zonder SMTP-server blijft ze hier staan (status bewaard); dan kan je de inhoud zelf doorsturen. Na de bewaartermijn wordt ze verwijderd.',
			recipient: 'Aan',
			subject: 'Onderwerp',
			status: 'Status',
			date: 'Datum',
			showBody: 'Inhoud tonen',
			mailStatus: {
				pending: 'wacht',
				sending: 'bezig',
				sent: 'verstuurd',
				failed: 'mislukt',
				kept: 'bewaard'
			},
			noMail: 'Geen e-mail.',
			auditIntro:
				'Wie deed wat en wanneer. Het logboek kan niet gewijzigd worden; oude regels verdwijnen na de bewaartermijn.',
			filterActor: 'Wie (e-mailadres of nummer)',
			filterAction: 'Actie (of het begin ervan, zoals auth.)',
			filterFrom: 'Vanaf',
			filterTo: 'Tot en met',
			filterButton: 'Filteren',
			when: 'Wanneer',
			who: 'Wie',
			action: 'Actie',
			target: 'Betreft',
			noEvents: 'Geen gebeurtenissen gevonden.',
			badDate: 'Vul een geldige datum in.'
		}
	}
} as const;
