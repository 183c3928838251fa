// CPU accounting for the bench's two-server rows (Linux only: /proc and cgroups).
// - `cpuMeter` reads user + system time of process groups (the servers, PostgreSQL's processes,
//   this process, which runs the load client) and how busy the whole machine was, between
//   `start` and `stop`, so a row can say where each answer's CPU went and what the machine's
//   cores allow at most.
// - `cpuCap` holds processes to a fraction of one core with a cgroup CPU quota (cgroup v1's
//   `cpu` controller or v2's `cpu.max`), so two servers on one small machine can be measured the
//   way servers on machines of their own behave: each bounded by its own CPU, not by the CPU
//   PostgreSQL and the load client take from the same cores. Both return null where the system
//   does not offer them (another OS, no root, no writable cgroup); the rows then print "–".
import fs from 'node:fs';
import path from 'node:path';

/** The fields of /proc/<pid>/stat after the command name, or null for a process that is gone. */
function statFields(pid: number): string[] | null {
	try {
		// The command name (field 2) may hold spaces; the fields after its ')' are fixed.
		return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	} catch {
		return null;
	}
}

/**
 * CPU time (user + system, all threads) process `pid` has used so far, in µs, or null where it
 * cannot be read (a process that is gone, or no /proc). /proc counts in USER_HZ, 1/100 s on Linux.
 */
export function cpuMicroseconds(pid: number): number | null {
	const fields = statFields(pid);
	return fields ? ((Number(fields[11]) + Number(fields[12])) * 1e6) / 100 : null;
}

/** The PostgreSQL server of data folder `dataDir` and every process it started. */
export function postgresProcesses(dataDir: string): number[] {
	try {
		const postmaster = Number(
			fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]
		);
		const children = fs
			.readdirSync('/proc')
			.filter((entry) => /^\d+$/.test(entry))
			.map(Number)
			.filter((pid) => Number(statFields(pid)?.[1]) === postmaster);
		return [postmaster, ...children];
	} catch {
		return [];
	}
}

/** Busy and total time of all cores since boot, in USER_HZ ticks (/proc/stat's first line). */
function machineTicks(): { busy: number; all: number } {
	const values = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1);
	const numbers = values.filter(Boolean).map(Number);
	const all = numbers.reduce((sum, n) => sum + n, 0);
	// idle and iowait are not busy
	return { busy: all - numbers[3] - (numbers[4] ?? 0), all };
}

export interface CpuFigures {
	/** CPU per request of each group, in microseconds. */
	perRequest: Record<string, number>;
	/** Their sum. */
	total: number;
	/** How busy the machine's cores were, 0-1. */
	busy: number;
}

/**
 * Starts measuring the CPU of each group of processes (resolved at start and again at stop, so
 * PostgreSQL's backends started in between count); `stop(requests)` gives CPU per request.
 */
export function cpuMeter(groups: Record<string, () => number[]>) {
	if (!fs.existsSync('/proc/stat')) return null;
	const read = () =>
		Object.fromEntries(
			Object.entries(groups).map(([name, pids]) => [
				name,
				new Map(pids().map((pid) => [pid, cpuMicroseconds(pid) ?? 0]))
			])
		);
	const before = read();
	const machineBefore = machineTicks();
	return {
		stop(requests: number): CpuFigures {
			const machineAfter = machineTicks();
			const perRequest: Record<string, number> = {};
			for (const [name, pids] of Object.entries(groups)) {
				let used = 0;
				// A process started since `start` counts whole; one that ended since counts nothing
				// (its time can no longer be read: PostgreSQL's backends live as long as their
				// connections, which outlive a row).
				for (const pid of pids()) {
					const now = cpuMicroseconds(pid);
					if (now !== null) used += Math.max(0, now - (before[name].get(pid) ?? 0));
				}
				perRequest[name] = used / Math.max(requests, 1);
			}
			return {
				perRequest,
				total: Object.values(perRequest).reduce((sum, us) => sum + us, 0),
				busy: (machineAfter.busy - machineBefore.busy) / (machineAfter.all - machineBefore.all)
			};
		}
	};
}

interface CgroupLayout {
	/** The folder new groups are made in. */
	parent: string;
	/** Writes the quota of `fraction` of one core into group folder `dir`. */
	setQuota(dir: string, fraction: number): void;
}

function cgroupLayout(): CgroupLayout | null {
	const v1 = '/sys/fs/cgroup/cpu';
	if (fs.existsSync(path.join(v1, 'cpu.cfs_quota_us'))) {
		return {
			parent: v1,
			setQuota(dir, fraction) {
				fs.writeFileSync(path.join(dir, 'cpu.cfs_period_us'), '100000');
				fs.writeFileSync(path.join(dir, 'cpu.cfs_quota_us'), String(Math.round(fraction * 100000)));
			}
		};
	}
	const v2 = '/sys/fs/cgroup';
	if (fs.existsSync(path.join(v2, 'cgroup.subtree_control'))) {
		return {
			parent: v2,
			setQuota(dir, fraction) {
				fs.writeFileSync(path.join(dir, 'cpu.max'), `${Math.round(fraction * 100000)} 100000`);
			}
		};
	}
	return null;
}

/**
 * A cgroup that holds its processes to `fraction` of one core, or null when this system gives
 * none to this process. `add` moves a process in, `release` moves it back out; `close` releases
 * them all and removes the group (also at exit).
 */
export function cpuCap(name: string, fraction: number) {
	const layout = cgroupLayout();
	if (!layout) return null;
	const dir = path.join(layout.parent, `${name}-${process.pid}`);
	try {
		fs.mkdirSync(dir);
		layout.setQuota(dir, fraction);
	} catch {
		try {
			fs.rmdirSync(dir);
		} catch {
			// never made
		}
		return null;
	}
	const members = new Set<number>();
	const release = (pid: number) => {
		members.delete(pid);
		try {
			fs.writeFileSync(path.join(layout.parent, 'cgroup.procs'), String(pid));
		} catch {
			// the process is gone
		}
	};
	const close = () => {
		for (const pid of [...members]) release(pid);
		try {
			fs.rmdirSync(dir);
		} catch {
			// already removed, or a process still in it ended just now
		}
	};
	process.on('exit', close);
	return {
		add(pid: number): boolean {
			try {
				fs.writeFileSync(path.join(dir, 'cgroup.procs'), String(pid));
				members.add(pid);
				return true;
			} catch {
				return false;
			}
		},
		release,
		close
	};
}
