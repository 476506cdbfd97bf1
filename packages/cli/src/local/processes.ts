// Starting daemons in the background and ending them, by pid only: a pid is signalled
// only while /proc shows it still runs tsmr (pids get reused).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { UnavailableError, sleep } from '@tsmr/common';

/** The CLI entry point, started again as each daemon. */
const CLI_MAIN = path.join(__dirname, '..', 'main.js');

export function isTsmrProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(CLI_MAIN);
  } catch {
    return true; // no /proc (not Linux): the pid is alive, trust it
  }
}

export interface SpawnedDaemon {
  pid: number;
  address: string;
}

/**
 * Starts `tsmr <args>` detached, logging to logFile, and waits until it writes its
 * address to addressFile. Fails with the end of its log if it exits first.
 */
export async function spawnDaemon(args: string[], addressFile: string, logFile: string, env: NodeJS.ProcessEnv): Promise<SpawnedDaemon> {
  fs.rmSync(addressFile, { force: true });
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [CLI_MAIN, ...args, '--address-file', addressFile], {
    detached: true,
    stdio: ['ignore', log, log],
    env,
  });
  fs.closeSync(log);
  child.unref();
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? 1));
  const pid = child.pid;
  if (pid === undefined) throw new UnavailableError(`could not start tsmr ${args[0]}`);
  const giveUpAt = Date.now() + 30_000;
  while (Date.now() < giveUpAt) {
    if (exited !== null) {
      const tail = fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-5).join('\n');
      throw new UnavailableError(`tsmr ${args[0]} exited with code ${exited} during startup; end of ${logFile}:\n${tail}`);
    }
    if (fs.existsSync(addressFile)) return { pid, address: fs.readFileSync(addressFile, 'utf8').trim() };
    await sleep(50);
  }
  stopProcess(pid, 'SIGKILL');
  throw new UnavailableError(`tsmr ${args[0]} did not start within 30 s (see ${logFile})`);
}

export function stopProcess(pid: number, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (isTsmrProcess(pid)) process.kill(pid, signal);
}

/** SIGTERM, then SIGKILL whatever still runs after graceMs; returns the pids that needed it. */
export async function stopProcesses(pids: number[], graceMs = 5000): Promise<number[]> {
  for (const pid of pids) stopProcess(pid);
  const giveUpAt = Date.now() + graceMs;
  while (pids.some(isTsmrProcess) && Date.now() < giveUpAt) await sleep(50);
  const stuck = pids.filter(isTsmrProcess);
  for (const pid of stuck) stopProcess(pid, 'SIGKILL');
  return stuck;
}
