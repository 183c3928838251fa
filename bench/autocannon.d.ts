// The part of autocannon's API the benchmarks use (the package ships no types).
declare module 'autocannon' {
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
	}
	interface Result {
		duration: number;
		requests: { average: number };
		latency: { p50: number; p99: number };
	}
	export default function autocannon(options: Options): Promise<Result>;
}
