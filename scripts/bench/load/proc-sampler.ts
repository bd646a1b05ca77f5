import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";

const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
const pageBytes = Number(execFileSync("getconf", ["PAGESIZE"]).toString().trim()) || 4096;

/** CPU ticks (user + system) and resident bytes of a process; null once it is gone. */
function readProcess(pid: number): { ppid: number; ticks: number; rss: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces: the fields after it start at the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), rss: Number(fields[21]) * pageBytes };
  } catch {
    return null;
  }
}

/** A process and all its descendants, from /proc. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProcess(Number(entry));
    if (info) children.set(info.ppid, [...(children.get(info.ppid) ?? []), Number(entry)]);
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

export interface ProcessUsage {
  /** Average CPU over the sampled time, in % of one core (200 % = both cores of this machine). */
  cpuPercent: number;
  /** CPU time used over the sampled time, in ms (user + system, summed over the processes). */
  cpuMs: number;
  /** Highest summed resident memory seen, in MiB. */
  peakRssMiB: number;
}

/**
 * Samples the CPU and memory of a set of processes every `intervalMs` until
 * stopped. `pids` is called on every sample, so processes that come and go
 * (database backends) are followed; a process's ticks count from its first sample.
 */
export function sampleProcesses(pids: () => number[] | Promise<number[]>, intervalMs = 500) {
  const firstTicks = new Map<number, number>();
  const lastTicks = new Map<number, number>();
  let peakRss = 0;
  const started = performance.now();
  const sample = async () => {
    let rss = 0;
    for (const pid of await pids()) {
      const info = readProcess(pid);
      if (!info) continue;
      if (!firstTicks.has(pid)) firstTicks.set(pid, info.ticks);
      lastTicks.set(pid, info.ticks);
      rss += info.rss;
    }
    peakRss = Math.max(peakRss, rss);
  };
  let pending = sample();
  const timer = setInterval(() => {
    pending = pending.then(sample, sample);
  }, intervalMs);
  return {
    async stop(): Promise<ProcessUsage> {
      clearInterval(timer);
      await pending.then(sample, sample);
      const seconds = (performance.now() - started) / 1000;
      let ticks = 0;
      for (const [pid, last] of lastTicks) ticks += last - firstTicks.get(pid)!;
      return { cpuPercent: (100 * ticks) / ticksPerSecond / seconds, cpuMs: (1000 * ticks) / ticksPerSecond, peakRssMiB: peakRss / 2 ** 20 };
    },
  };
}

/** Busy and total jiffies of all CPUs together, from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = fields[3]! + fields[4]!; // idle + iowait
  return { busy: total - idle, total };
}

/**
 * The whole machine's CPU use from now until stopped, in % of one core (so
 * 200 % = both cores of a 2-core machine): with the server's and the
 * database's share it shows how much other work (other people's tests, the
 * load generator itself) ran at the same time.
 */
export function sampleMachine() {
  const first = machineTicks();
  const cores = os.cpus().length;
  return {
    stop(): number {
      const last = machineTicks();
      return (100 * cores * (last.busy - first.busy)) / Math.max(1, last.total - first.total);
    },
  };
}
