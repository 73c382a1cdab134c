// Running a step of the portal's build from a benchmark, one way for every bench: output kept
// only to explain a failure (its last part), the wall-clock time measured, and with runCpuTimed
// the CPU time of the whole process tree too (bash's `time`): on a shared, busy machine the wall
// clock grows with the load, the CPU time much less, so the benches print both.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/**
 * Runs `program` to its end. Resolves with the wall-clock time and the output kept; rejects,
 * naming `what` and quoting the end of the output, when it exits non-zero.
 * @param {string} what @param {string} program @param {string[]} args
 * @param {{ cwd: string, env?: Record<string, string> }} options
 * @returns {Promise<{ wallMs: number, output: string }>}
 */
export function runCommand(what, program, args, { cwd, env = {} }) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(program, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    /** @type {string[]} */
    const output = [];
    const keep = (/** @type {Buffer} */ chunk) => {
      output.push(chunk.toString());
      if (output.length > 200) output.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      const text = output.join('');
      if (code === 0) resolve({ wallMs, output: text });
      else reject(new Error(`${what} failed (exit ${code}):\n${text.slice(-3000)}`));
    });
  });
}

/**
 * Runs this Node with `nodeArgs` (a shell word list, e.g. `--run build`) under bash's `time`:
 * the wall-clock time, and the CPU time of the whole process tree (NaN if bash gave none).
 * @param {string} what @param {string} nodeArgs
 * @param {{ cwd: string, env?: Record<string, string> }} options
 * @returns {Promise<{ wallMs: number, cpuMs: number }>}
 */
export async function runCpuTimed(what, nodeArgs, options) {
  const shell = `TIMEFORMAT='cpu %U %S'; time ${JSON.stringify(process.execPath)} ${nodeArgs}`;
  const { wallMs, output } = await runCommand(what, 'bash', ['-c', shell], options);
  const cpu = /cpu (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)\s*$/.exec(output);
  return { wallMs, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : Number.NaN };
}
