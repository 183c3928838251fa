import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password';

describe('password policy', () => {
	it('refuses passwords under 12 characters', () => {
		expect(checkPasswordPolicy('kort-maar-')).toMatch(/minstens 12 tekens/);
		expect(checkPasswordPolicy('elf tekens!')).toMatch(/minstens 12 tekens/);
	});

	it('accepts long passphrases with spaces and emoji as typed', () => {
		const p64 = 'de kat zit op de mat en kijkt naar de regen 🌧 buiten het raam!!';
		expect([...p64].length).toBeGreaterThanOrEqual(60);
		expect(checkPasswordPolicy(p64)).toBeNull();
		const p200 = 'zeven bloeiende bomen langs de Schelde 🌳 '.repeat(5).slice(0, 200);
		expect(checkPasswordPolicy(p200)).toBeNull();
	});

	it('counts characters, not bytes, and refuses very long input', () => {
		expect(checkPasswordPolicy('🌧🌧🌧🌧🌧🌧🌧🌧🌧🌧🌧')).toMatch(/minstens 12/);
		expect(checkPasswordPolicy('x'.repeat(300) + 'abcdefg')).toMatch(/hoogstens 256/);
	});

	it('refuses common and guessable passwords offline', () => {
		for (const weak of [
			'Wachtwoord123!',
			'wachtwoord2026',
			'Password1234',
			'azertyuiop123',
			'123456789012',
			'aaaaaaaaaaaaaaa',
			'Welkom2026!!!!',
			'passwordpassword'
		]) {
			expect(checkPasswordPolicy(weak), weak).not.toBeNull();
		}
	});

	it('refuses the organisation name, the name or the address with digits added', () => {
		expect(checkPasswordPolicy('Sint-Jansschool2024', { organisation: 'Sint-Jansschool' })).toMatch(
			/organisatie/
		);
		expect(checkPasswordPolicy('Lotte.Janssens99', { name: 'Lotte Janssens' })).toMatch(/naam/);
		expect(
			checkPasswordPolicy('lotte.janssens2026', { email: 'lotte.janssens@school.be' })
		).not.toBeNull();
	});
});

describe('password policy: the platform, the address and breached passwords', () => {
	it('refuses any password containing the platform name, in any case', () => {
		for (const weak of [
			'Signaalwijs-demo-2026',
			'mijn SIGNAALWIJS wachtwoord',
			'ikleerbijsignaalwijs!',
			'Sign-aal-wijs 2026 zomer'
		]) {
			expect(checkPasswordPolicy(weak), weak).toMatch(/Signaalwijs/);
		}
	});

	it("refuses a password containing the e-mail address's local part", () => {
		const email = 'lotte.janssens@school.be';
		expect(checkPasswordPolicy('ik ben lotte.janssens!', { email })).toMatch(/e-mailadres/);
		expect(checkPasswordPolicy('LotteJanssens op school', { email })).toMatch(/e-mailadres/);
		// The same sentence is fine for someone else.
		expect(checkPasswordPolicy('ik ben lotte.janssens!', { email: 'an@x.be' })).toBeNull();
	});

	it('refuses passwords from the 10,000 most common ones, with digits or signs added', () => {
		// From the shipped list, not from the hand-made Dutch one.
		for (const weak of ['liverpool1234', 'Starcraft2024!', 'metallica!!!!', 'bollocks12345']) {
			expect(checkPasswordPolicy(weak), weak).toMatch(/te makkelijk te raden/);
		}
	});

	it('accepts the passphrases people are told to pick', () => {
		for (const good of [
			'een lange zin als wachtwoord',
			'mijn telefoon ligt naast het toetsenbord',
			'Drie kleine katjes op de trap!'
		]) {
			expect(checkPasswordPolicy(good, { email: 'an.peeters@school.be' }), good).toBeNull();
		}
	});
});

describe('password hashing', () => {
	it('uses argon2id with at least m=19456, t=2, p=1', async () => {
		const hash = await hashPassword('een lange zin als wachtwoord');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/);
		const [, m, t, p] = hash.match(/m=(\d+),t=(\d+),p=(\d+)/)!.map(Number);
		expect(m).toBeGreaterThanOrEqual(19456);
		expect(t).toBeGreaterThanOrEqual(2);
		expect(p).toBeGreaterThanOrEqual(1);
	});

	it('verifies exactly as typed: no trimming, no case folding', async () => {
		const password = '  Zee en Strand 🌊 in de zomer  ';
		const hash = await hashPassword(password);
		expect(await verifyPassword(hash, password)).toBe(true);
		expect(await verifyPassword(hash, password.trim())).toBe(false);
		expect(await verifyPassword(hash, password.toLowerCase())).toBe(false);
		expect(await verifyPassword(hash, password + ' ')).toBe(false);
	});

	it('takes about as long for an unknown account as for a wrong password', async () => {
		const hash = await hashPassword('een lange zin als wachtwoord');
		await verifyPassword(null, 'warm-up');
		const time = async (fn: () => Promise<unknown>) => {
			const samples: number[] = [];
			for (let i = 0; i < 5; i++) {
				const start = performance.now();
				await fn();
				samples.push(performance.now() - start);
			}
			return samples.sort((a, b) => a - b)[2];
		};
		const wrong = await time(() => verifyPassword(hash, 'fout wachtwoord hier'));
		const unknown = await time(() => verifyPassword(null, 'fout wachtwoord hier'));
		expect(unknown / wrong).toBeGreaterThan(0.25);
		expect(unknown / wrong).toBeLessThan(4);
	});
});
