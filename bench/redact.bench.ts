import { Bench } from 'tinybench';
import { redact, registerSecret } from '../main/redact';

/**
 * What redaction at the logger costs per log line, as a ratio to formatting the same line
 * without it, with 0, 100 and 1,000 registered secrets (the registry's cap). Run with
 * `npm run bench`. Ratios, not absolute times: they hold from one machine to the next.
 */
const exchangeLine = [
  'POST 127.0.0.1:8790 grant=password -> 200 token in 31 ms',
  {
    status: 200,
    headers: { 'x-rate-limit-limit': '250', 'x-rate-limit-remaining': '249' },
    body: 'grant_type=password&client_id=acme&client_secret=s3cr3t&username=a%40b.c&password=pw',
  },
];

function baseline(): string {
  return JSON.stringify(exchangeLine);
}

function redacted(): string {
  return JSON.stringify(redact(exchangeLine));
}

async function measure(label: string): Promise<number> {
  const bench = new Bench({ time: 300 });
  bench.add('baseline', baseline).add('redacted', redacted);
  await bench.run();
  const [plain, masked] = bench.tasks.map((task) => {
    const result = task.result;
    return result && 'throughput' in result ? result.throughput.mean : NaN;
  });
  const ratio = (plain ?? NaN) / (masked ?? NaN);
  console.log(`${label.padEnd(28)} redacted line costs ${ratio.toFixed(1)}× an unredacted one`);
  return ratio;
}

async function main(): Promise<void> {
  await measure('0 registered secrets');
  for (let i = 0; i < 100; i += 1) registerSecret(`secret-value-${i}-${'x'.repeat(24)}`);
  await measure('100 registered secrets');
  for (let i = 100; i < 1000; i += 1) registerSecret(`secret-value-${i}-${'x'.repeat(24)}`);
  await measure('1,000 registered secrets');
}

void main();
