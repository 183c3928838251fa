// Offline lists of passwords that guessing attacks try first (no network at runtime). Entries
// are lower case; letters-only entries also catch variants with digits or signs added.
//
// 1. A hand-made list of Dutch, Flemish and school words and of this platform's own words.
// 2. common-passwords-10k.ts: the 10,000 most common passwords of the xato.net "10 million
//    passwords" corpus (the corpus behind SecLists' 10-million-password-list-top-10000.txt), taken
//    in order of frequency from @zxcvbn-ts/language-common 4.1.3 (MIT; see
//    common-passwords-10k.LICENSE), lower-cased, without duplicates.
import topTenThousand from './common-passwords-10k';

/** The platform's own name: never part of a password (any case, anywhere in it). */
export const platformName = 'signaalwijs';

const local = `
password passw0rd wachtwoord paswoord passwoord motdepasse contrasena passwort
welkom welcome bienvenue hallo hello bonjour hoi salut letmein openup opensesame
admin administrator beheerder root toor user gebruiker guest test tester testing demo
qwerty qwertyuiop azerty azertyuiop asdfgh asdfghjkl zxcvbn zxcvbnm qazwsx wsxedc
abc abcdef abcdefgh abcdefghijkl iloveyou ikhouvanjou jetaime loveyou liefde schatje
lieverd lieveling liefje monkey dragon master shadow superman batman spiderman pokemon
football voetbal soccer baseball basketball hockey tennis golfer sunshine princess prinses
starwars whatever freedom trustno secret geheim geheimpje private privacy security secure
login logon signin aanmelden inloggen access toegang computer laptop internet google
facebook instagram snapchat tiktok whatsapp microsoft windows apple samsung iphone android
charlie michael jennifer jordan hunter ranger buster harley andrew tigger thomas robert
daniel jessica ashley amanda nicole michelle matthew joshua anthony william sophie emma
lotte nina lucas louis noah arthur jules victor olivia marie laura sarah julie
summer zomer winter lente herfst januari februari maart april mei juni juli augustus
september oktober november december maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
belgie belgium belgique vlaanderen wallonie brussel bruxelles antwerpen gent leuven brugge
hasselt mechelen kortrijk oostende genk aalst limburg rodeduivels clubbrugge anderlecht
standard school leerkracht leraar juf meester directeur leerling klas klaslokaal
signaalwijs childfocus tienerpooier hulpverlener jeugdhulp zorgteam
chocolate chocolade koffie bier pinkeltje kabouter konijn hondje poesje kitty puppy
cookie banana banaan appel apple orange oranje mustang ferrari porsche corvette
killer hacker matrix ninja pirate cheese coffee money geld rich rijk happy gelukkig
family familie friends vrienden mother mama moeder father papa vader baby babygirl
123456789012 1234567890123 12345678901234 111111111111 000000000000 123123123123
1q2w3e4r5t6y 1qaz2wsx3edc qwerty123456 azerty123456 password1234 wachtwoord12
`;

export const commonPasswords: ReadonlySet<string> = new Set(
	`${local}\n${topTenThousand}`
		.split(/\s+/)
		.map((entry) => entry.toLowerCase())
		.filter(Boolean)
);
