// SQLite only (tests/vitest.unit-postgres.config.ts): a confirmed answer is in the database file
// once the answer POST returns (synchronous = FULL). PostgreSQL's durability is the server's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDatabase, makeUser } from '../testing/testing';
import { syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import { closeDatabase, db, openDatabase } from '../db';
import { enrolment, response } from '../db/schema';
import { correctAnswer } from './grading';
import * as progress from './index';

const slug = 'wat-en-hoe';
const course = getCourse();
const quizStep = course.moduleBySlug.get(slug)!.steps.find((s) => s.meta.kind === 'quiz')!;
const firstItem = quizStep.quiz!.items[0];

describe('durability', () => {
	it('a confirmed answer and its progress are in the file after the database is reopened', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-progress-'));
		const file = path.join(dir, 'p.db');
		await freshDatabase(file);
		await syncShippedModules(course);
		const u = await makeUser();
		await progress.answerQuizItem(
			u.id,
			slug,
			quizStep.slug,
			firstItem.id,
			correctAnswer(firstItem)
		);
		await closeDatabase();
		await openDatabase(file);
		expect(await db.select().from(response)).toHaveLength(1);
		expect((await db.select().from(enrolment))[0].currentStep).toBe(quizStep.slug);
		await closeDatabase();
		fs.rmSync(dir, { recursive: true, force: true });
	});
});
