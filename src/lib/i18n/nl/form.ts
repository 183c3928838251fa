// Dutch (nl-BE) interface text: the form section of the catalogue.
export const form = {
	errorSummary: 'Er is iets niet in orde',
	required: (label: string) => `Vul ${label} in.`,
	invalidEmail: 'Vul een geldig e-mailadres in, zoals naam@school.be.',
	tooLong: (label: string, n: number) => `${label} mag hoogstens ${n} tekens lang zijn.`,
	invalidChoice: (label: string) => `Kies een geldige waarde voor ${label}.`,
	invalidText: (label: string) => `${label} bevat tekens die niet toegelaten zijn.`,
	/** Field names as the messages above use them: "Vul {je naam} in.", "{Je naam} mag ...". */
	fields: {
		email: 'je e-mailadres',
		emailSubject: 'Het e-mailadres',
		name: 'je naam',
		nameSubject: 'Je naam',
		password: 'een wachtwoord',
		audience: 'je beroep',
		role: 'de rol',
		code: 'de code',
		recoveryCode: 'een herstelcode',
		aName: 'een naam',
		nameOf: 'De naam',
		teamName: 'een naam voor het team',
		target: 'voor wie',
		checkCode: 'de controlecode'
	}
} as const;
