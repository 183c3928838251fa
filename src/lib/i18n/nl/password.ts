// Dutch (nl-BE) interface text: the password section of the catalogue.
export const password = {
	tooShort: (n: number) =>
		`Kies een wachtwoord van minstens ${n} tekens. Een zin van een paar woorden werkt goed.`,
	tooLong: (n: number) => `Een wachtwoord mag hoogstens ${n} tekens lang zijn.`,
	common:
		'Dit wachtwoord is te makkelijk te raden. Kies een langer of minder gewoon wachtwoord, bijvoorbeeld een zin van een paar woorden.',
	personal:
		'Dit wachtwoord lijkt te veel op je naam, je e-mailadres of je organisatie. Kies iets anders.',
	platform:
		'Gebruik de naam Signaalwijs niet in je wachtwoord: wie je wachtwoord probeert te raden, begint daarmee. Kies iets anders.',
	mismatch: 'De twee wachtwoorden zijn niet gelijk.'
} as const;
