// Demo certificates: Lotte Janssens holds a valid certificate for module 1; Sam Peeters holds one
// that expires within 30 days, so his refresher is open; Yasmine El Amrani holds one for module 4
// (the end-to-end tests revoke it). Called by the demo seed after the demo progress; running it
// twice adds nothing.
import { eq } from 'drizzle-orm';
import { db, first } from '../db';
import { certificate, user } from '../db/schema';
import { latestVersionId, loadVersion } from '../content/versions';
import { addDays, addMonths } from '../certificates/rules';
import { issueOnPass } from '../certificates/issue';
import { demoAccounts } from './seed';

async function userId(email: string): Promise<number | undefined> {
	return (await first(db.select({ id: user.id }).from(user).where(eq(user.email, email))))?.id;
}

async function hasCertificate(id: number): Promise<boolean> {
	return !!(await first(
		db.select({ id: certificate.id }).from(certificate).where(eq(certificate.userId, id))
	));
}

export async function seedDemoCertificates(now: Date = new Date()): Promise<void> {
	const versionId = await latestVersionId('wat-en-hoe');
	if (!versionId) return;
	const months = (await loadVersion(versionId))!.module.meta.certificate.validityMonths;

	const lotte = await userId(demoAccounts.teacher);
	if (lotte && !(await hasCertificate(lotte))) {
		await issueOnPass({
			userId: lotte,
			moduleVersionId: versionId,
			attemptId: null,
			now: addMonths(now, -3)
		});
	}
	const yasmine = await userId('yasmine.el.amrani@sint-jans.demo.signaalwijs.be');
	const handelen = await latestVersionId('handelen');
	if (yasmine && handelen && !(await hasCertificate(yasmine))) {
		await issueOnPass({
			userId: yasmine,
			moduleVersionId: handelen,
			attemptId: null,
			now: addMonths(now, -1)
		});
	}
	const sam = await userId(demoAccounts.caregiver);
	if (sam && !(await hasCertificate(sam))) {
		// Issued so that it expires in 20 days: inside the 30-day reminder and the refresher window.
		await issueOnPass({
			userId: sam,
			moduleVersionId: versionId,
			attemptId: null,
			now: addMonths(addDays(now, 20), -months)
		});
	}
}
