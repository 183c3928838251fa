// Refusals of the learning domain: an HTTP status for the route and a failure code for the
// learner. Nothing was stored when one is thrown (every write runs in one transaction).
import { DomainError, failure, type Failure } from '../platform/failure';
import type { ItemType } from './grading';
import { AnswerError } from './grading';

export type ProgressStatus = 400 | 403 | 404 | 409;

/** A refusal the route turns into its status and, once, into Dutch (`describeFailure`). */
export class ProgressError extends DomainError {
	constructor(
		readonly status: ProgressStatus,
		failure: Failure
	) {
		super(failure);
		this.name = 'ProgressError';
	}
}

/** The module, step or item does not exist for this learner. */
export const notFound = () => new ProgressError(404, failure('request.notFound'));

/** An answer the grader refused, as the failure for the item's type. */
export function badAnswer(e: AnswerError, itemType: ItemType): ProgressError {
	return new ProgressError(400, e.failureFor(itemType));
}
