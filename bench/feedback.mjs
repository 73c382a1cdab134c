// Feedback submissions per second and latency, for SQLite and PostgreSQL (see
// packages/feedback-service/bench/submit.ts: a real server process driven over loopback).
import {
  CONCURRENCY,
  REQUESTS,
  runFeedbackBench,
} from '../packages/feedback-service/bench/submit.ts';

/** @returns {Promise<import('./lib.mjs').Row[]>} */
export default async function feedbackRows() {
  const results = await runFeedbackBench();
  return results.map((result) => ({
    figure: `feedback submit, ${result.store}`,
    value: `${Math.round(result.accepted / result.seconds).toLocaleString('en')}/s, p99 ${result.p99.toFixed(1)} ms`,
    note: `p50 ${result.p50.toFixed(1)} ms; ${REQUESTS} requests, ${CONCURRENCY} concurrent${result.failed ? `; ${result.failed} not accepted` : ''}; target ≥ 1,000/s, p99 ≤ 50 ms (SQLite)`,
  }));
}
