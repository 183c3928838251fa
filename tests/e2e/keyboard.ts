// Keyboard-only helpers: reach elements with Tab (never by clicking) and act with keys.
import { expect, type Locator, type Page } from '@playwright/test';

async function isFocused(locator: Locator): Promise<boolean> {
	return locator.evaluate((el) => el === document.activeElement).catch(() => false);
}

/** Presses Tab until `target` has focus (fails after `max` presses). */
export async function tabTo(page: Page, target: Locator, max = 400): Promise<void> {
	await expect(target).toBeVisible();
	for (let i = 0; i < max; i++) {
		if (await isFocused(target)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`could not reach ${target} with Tab`);
}

export async function activate(page: Page, target: Locator, key = 'Enter'): Promise<void> {
	await tabTo(page, target);
	await page.keyboard.press(key);
}

/** Selects a radio button the keyboard way: Tab into its group, then arrow keys. */
export async function chooseRadio(
	page: Page,
	form: Locator,
	name: string,
	value: string
): Promise<void> {
	const group = form.locator(`input[type=radio][name="${name}"]`);
	const wanted = form.locator(`input[type=radio][name="${name}"][value="${value}"]`);
	// Counted once the group is there: a form still being rendered (a client-side navigation just
	// started) has no radios yet, and a count of 0 would press no arrow key at all.
	await expect(wanted).toBeVisible();
	const count = await group.count();
	// Tab lands on the checked radio of a group, or on the first one when none is checked.
	let entered = false;
	for (let i = 0; i < 400 && !entered; i++) {
		entered = await group.evaluateAll((els) =>
			els.includes(document.activeElement as HTMLInputElement)
		);
		if (!entered) await page.keyboard.press('Tab');
	}
	if (!entered) throw new Error(`could not reach radio group ${name}`);
	if (!(await wanted.isChecked())) await page.keyboard.press('Space');
	for (let i = 0; i < count && !(await wanted.isChecked()); i++) {
		await page.keyboard.press('ArrowDown');
	}
	await expect(wanted).toBeChecked();
}
