// Dutch (nl-BE) interface text: single sign-on with an organisation's own account (OpenID
// Connect), and the messages for its refusal codes (spread into codes.ts).
const again =
	'Ga terug naar de aanmeldpagina en probeer het opnieuw. Lukt het dan nog niet, vraag hulp aan de ICT-verantwoordelijke van je organisatie.';

export const ssoCodes = {
	'sso.state': `Deze aanmelding is verlopen of hoort bij een ander venster. ${again}`,
	'sso.providerDown': `De aanmeldpagina van je organisatie antwoordt nu niet. Probeer het over enkele minuten opnieuw. Lukt het dan nog niet, vraag hulp aan de ICT-verantwoordelijke van je organisatie.`,
	'sso.providerRefused': `De aanmeldpagina van je organisatie heeft de aanmelding niet toegestaan of afgebroken. ${again}`,
	'sso.tokenRejected': `We konden niet nagaan dat dit antwoord echt van de aanmeldpagina van je organisatie komt en voor Signaalwijs bedoeld is. Daarom melden we je niet aan. ${again}`,
	'sso.tokenExpired': `Het antwoord van de aanmeldpagina van je organisatie is verlopen. ${again}`,
	'sso.noEmail': `De aanmeldpagina van je organisatie gaf geen e-mailadres door. Vraag de ICT-verantwoordelijke van je organisatie om dat toe te staan.`,
	'sso.emailUnverified': `De aanmeldpagina van je organisatie bevestigt niet dat dit e-mailadres echt van jou is. Daarom maken we geen account en koppelen we niets. Vraag hulp aan de ICT-verantwoordelijke van je organisatie.`,
	'sso.domainNotVouched': `Dit e-mailadres hoort niet bij de organisatie waar je je aanmeldde. Daarom maken we geen account en koppelen we niets. Meld je aan met het e-mailadres van je organisatie, of vraag hulp aan de ICT-verantwoordelijke.`,
	'sso.accountDisabled': `Je account bij Signaalwijs is uitgeschakeld. Neem contact op met de beheerder van Signaalwijs in je organisatie.`,
	'sso.secretUnreadable': `De aanmelding met de account van je organisatie is niet goed ingesteld. Vraag de beheerder van Signaalwijs om de gegevens opnieuw in te vullen.`,
	'sso.pendingExpired': `Deze stap is verlopen. Meld je opnieuw aan met de account van je organisatie.`,
	'sso.unknownProvider': `Deze manier van aanmelden bestaat niet meer. Ga terug naar de aanmeldpagina.`,
	'sso.providerExists':
		'Deze organisatie of een andere heeft al een aanmeldpagina met dezelfde uitgever en client-ID.',
	'sso.domainTaken': (p: { domain: string }) =>
		`Het domein ${p.domain} hoort al bij een andere aanmeldpagina. Een domein kan maar bij één aanmeldpagina horen.`,
	'sso.organisationMissing': 'Deze organisatie bestaat niet of is gearchiveerd.',
	'sso.discoveryUnreachable': (p: { issuer: string }) =>
		`We kregen geen antwoord van ${p.issuer}. Klopt het adres, en is de aanmeldpagina bereikbaar vanaf het internet?`,
	'sso.discoveryNotOidc': (p: { issuer: string }) =>
		`Op ${p.issuer} vonden we geen OpenID Connect-configuratie (/.well-known/openid-configuration). Kijk na of je het adres van de uitgever (issuer) invulde, niet dat van de aanmeldpagina zelf.`,
	'sso.discoveryIssuerMismatch': (p: { issuer: string }) =>
		`De configuratie op ${p.issuer} noemt een andere uitgever. Neem het adres van de uitgever exact over zoals het in de configuratie staat.`,
	'sso.discoveryFailed': (p: { issuer: string }) =>
		`De configuratie op ${p.issuer} kon niet gelezen worden. Kijk het adres na of vraag de ICT-verantwoordelijke van de organisatie.`
} as const;

export const sso = {
	// sign-in page
	loginHint:
		'Werkt je organisatie met een eigen account (zoals Microsoft 365 of Google)? Vul dan alleen je e-mailadres in en klik op Aanmelden.',
	// refusal page
	refusedTitle: 'Aanmelden lukte niet',
	backToSignIn: 'Terug naar de aanmeldpagina',
	// first sign-in: the audience choice
	chooseTitle: 'Welkom bij Signaalwijs',
	chooseIntro: (p: { organisation: string; email: string }) =>
		`Je meldt je voor het eerst aan met je account van ${p.organisation} (${p.email}). Kies nog één keer hoe je werkt, zodat je de juiste opleiding krijgt.`,
	chooseLegend: 'Ik werk als',
	chooseButton: 'Verder',
	chooseRequired: 'Kies of je als leerkracht of als hulpverlener werkt.',
	// admin: providers per organisation
	adminTitle: (p: { organisation: string }) => `Aanmelden met eigen account: ${p.organisation}`,
	adminLink: 'Aanmelden met eigen account',
	adminLinkLabel: (p: { organisation: string }) =>
		`Aanmelden met eigen account voor ${p.organisation}`,
	adminIntro:
		'Voeg de OpenID Connect-aanmeldpagina van deze organisatie toe (bijvoorbeeld Microsoft 365 / Entra ID of Google Workspace). Mensen met een e-mailadres in een van de domeinen melden zich daar aan en komen in deze organisatie terecht. Rollen als beheerder of auteur geef je altijd zelf.',
	adminRedirect:
		'Na het toevoegen zie je hieronder het terugkeeradres (redirect URI). Geef het aan de ICT-verantwoordelijke om bij de aanmeldpagina te registreren.',
	redirectUri: 'Terugkeeradres (redirect URI)',
	providers: 'Aanmeldpagina’s',
	noProviders: 'Deze organisatie heeft nog geen aanmeldpagina.',
	addProvider: 'Aanmeldpagina toevoegen',
	name: 'Naam die mensen herkennen',
	nameHint: 'Bijvoorbeeld: Microsoft 365 van Sint-Jansschool',
	issuer: 'Adres van de uitgever (issuer)',
	issuerHint: 'Bijvoorbeeld https://login.microsoftonline.com/<tenant-id>/v2.0',
	clientId: 'Client-ID',
	clientSecret: 'Clientgeheim',
	clientSecretHint: 'Wordt versleuteld bewaard en nooit meer getoond.',
	domains: 'E-maildomeinen',
	domainsHint: 'Gescheiden door komma’s, bijvoorbeeld sint-jansschool.be, sjs.be',
	secretStored: 'versleuteld bewaard',
	test: 'Testen',
	testLabel: (p: { name: string }) => `${p.name} testen`,
	remove: 'Verwijderen',
	removeLabel: (p: { name: string }) => `${p.name} verwijderen`,
	added: (p: { name: string }) => `${p.name} is toegevoegd.`,
	removed: 'De aanmeldpagina is verwijderd. Gekoppelde accounts blijven bestaan, zonder koppeling.',
	testOk: (p: { name: string; endpoint: string }) =>
		`${p.name} werkt: de configuratie is gelezen en aanmelden gebeurt via ${p.endpoint}.`,
	notFound: 'Deze aanmeldpagina bestaat niet (meer).',
	invalidIssuer: 'Vul een volledig https-adres in (http mag alleen voor localhost, om te testen).',
	nameRequired: 'Vul een naam in die mensen herkennen (hoogstens 120 tekens).',
	clientIdRequired: 'Vul de client-ID in (hoogstens 300 tekens).',
	clientSecretRequired: 'Vul het clientgeheim in (hoogstens 1000 tekens).',
	invalidDomains: 'Vul minstens één geldig domein in, zoals sint-jansschool.be.',
	// account links (admin account page, profile)
	linksTitle: 'Aanmelden met eigen account',
	noLinks: 'Geen koppeling met de account van een organisatie.',
	linkedTo: (p: { provider: string; organisation: string }) => `${p.provider} (${p.organisation})`,
	linkedSince: 'Gekoppeld sinds',
	unlink: 'Koppeling verwijderen',
	unlinkLabel: (p: { provider: string }) => `Koppeling met ${p.provider} verwijderen`,
	unlinked: 'De koppeling is verwijderd.',
	profileIntro: 'Je kan je aanmelden met deze account van je organisatie:'
} as const;
