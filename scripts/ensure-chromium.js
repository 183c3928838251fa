// Makes sure Debian's Chromium is present for Playwright (its own browser download does not work
// here). As root it installs the package with apt; otherwise it says what to run.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (fs.existsSync(chromium)) {
	process.exit(0);
}

if (typeof process.getuid === 'function' && process.getuid() === 0) {
	console.log(`${chromium} is missing: installing Debian's chromium package with apt ...`);
	execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
		stdio: 'inherit',
		shell: '/bin/bash'
	});
	if (!fs.existsSync(chromium)) {
		console.error(`apt finished but ${chromium} is still missing.`);
		process.exit(1);
	}
	process.exit(0);
}

console.error(
	`The end-to-end tests need Chromium at ${chromium}.\n` +
		'Install it once as root:  sudo apt-get update && sudo apt-get install -y chromium\n' +
		'(or set CHROMIUM_PATH to another Chromium binary).'
);
process.exit(1);
