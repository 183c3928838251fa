// Demo certificates: Lotte Janssens holds a valid certificate for module 1; Sam Peeters holds one
// that expires within 30 days, so his refresher is open; Yasmine El Amrani holds one for module 4
// (the end-to-end tests revoke it). Called by the demo seed after the demo progress; running it
// twice adds nothing.
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { certificate, user } from '../db/schema';
import { latestVersionId, loadVersion } from '../content/versions';
import { addDays, addMonths } from '../certificates/rules';
import { issueOnPass } from '../certificates/issue';
import { demoAccounts } from './seed';

function userId(email: string): number | undefined {
	return db.select({ id: user.id }).from(user).where(eq(user.email, email)).get()?.id;
}

function hasCertificate(id: number): boolean {
	return !!db
		.select({ id: certificate.id })
		.from(certificate)
		.where(eq(certificate.userId, id))
		.get();
}

export function seedDemoCertificates(now: Date = new Date()): void {
	const versionId = latestVersionId('wat-en-hoe');
	if (!versionId) return;
	const months = loadVersion(versionId)!.module.meta.certificate.validityMonths;

	const lotte = userId(demoAccounts.teacher);
	if (lotte && !hasCertificate(lotte)) {
		issueOnPass({
			userId: lotte,
			moduleVersionId: versionId,
			attemptId: null,
			now: addMonths(now, -3)
		});
	}
	const yasmine = userId('yasmine.el.amrani@sint-jans.demo.signaalwijs.be');
	const handelen = latestVersionId('handelen');
	if (yasmine && handelen && !hasCertificate(yasmine)) {
		issueOnPass({
			userId: yasmine,
			moduleVersionId: handelen,
			attemptId: null,
			now: addMonths(now, -1)
		});
	}
	const sam = userId(demoAccounts.caregiver);
	if (sam && !hasCertificate(sam)) {
		// Issued so that it expires in 20 days: inside the 30-day reminder and the refresher window.
		issueOnPass({
			userId: sam,
			moduleVersionId: versionId,
			attemptId: null,
			now: addMonths(addDays(now, 20), -months)
		});
	}
}
