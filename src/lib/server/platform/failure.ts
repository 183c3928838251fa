// Domain refusals as typed values: a code and its parameters, never a sentence. The route edge
// turns a failure into Dutch once, through the catalogue (`describeFailure`); a code without a
// Dutch message does not type-check, and `failure.spec.ts` fails on it too.
import { messages } from '$lib/i18n';

type Codes = typeof messages.codes;
export type FailureCode = keyof Codes;
/** The parameters a code's message takes ({} when it takes none). */
export type FailureParams<C extends FailureCode> = Codes[C] extends (p: infer P) => string
	? P
	: Record<string, never>;

export type Failure<C extends FailureCode = FailureCode> = C extends FailureCode
	? { code: C; params: FailureParams<C> }
	: never;

/** A failure, built with its parameters checked against the code's message. */
export function failure<C extends FailureCode>(
	code: C,
	...params: FailureParams<C> extends Record<string, never> ? [] : [FailureParams<C>]
): Failure<C> {
	return { code, params: (params[0] ?? {}) as FailureParams<C> } as Failure<C>;
}

/** Thrown by domain code where a return value cannot carry the refusal. */
export class DomainError extends Error {
	constructor(readonly failure: Failure) {
		super(failure.code);
		this.name = 'DomainError';
	}
}

export function isFailure(value: unknown): value is Failure {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { code?: unknown }).code === 'string' &&
		(value as { code: string }).code in messages.codes
	);
}

/** The Dutch sentence for a failure: the one place a code becomes text. */
export function describeFailure(f: Failure): string {
	const message = messages.codes[f.code] as string | ((p: unknown) => string);
	return typeof message === 'function' ? message(f.params) : message;
}
