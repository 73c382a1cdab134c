import { readOption } from './command-option.ts';
import { hashSecret, RECOMMENDED_COST } from './secret-hash.ts';
import { ACCOUNT_NAME_RE } from './staff-accounts.ts';

// `hash-secret`: reads a staff secret (or the shared staff token) on standard input and prints
// the scrypt hash to configure (FEEDBACK_STAFF, FEEDBACK_STAFF_FILE, FEEDBACK_STAFF_TOKEN).
// At a terminal the secret is typed twice without being shown; from a pipe it is the input up to
// the first line end. The secret never appears in the arguments, where `ps` and the shell's
// history would keep it.

/** Shorter secrets could be guessed; `openssl rand -base64 24` makes a good one. */
export const MIN_SECRET_LENGTH = 16;

const HELP = `Usage: hash-secret [--name NAME]

Reads a secret on standard input and prints its scrypt hash (PHC string) for the
feedback service's staff configuration. At a terminal you type the secret twice
(nothing is shown); otherwise the first line of the input is the secret:

  openssl rand -base64 24 | tee secret.txt | hash-secret

  --name NAME  print NAME:hash, ready for FEEDBACK_STAFF
  --help       show this text
`;

/** Reads one line from a terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  // Echo off before the prompt shows, so nothing typed after seeing it can be echoed.
  input.setRawMode(true);
  process.stderr.write(prompt);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(text);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003' || char === '\u0004') return done(new Error('cancelled'));
        if (char === '\u007f' || char === '\b') text = [...text].slice(0, -1).join('');
        else text += char;
      }
    };
    input.on('data', onData);
  });
}

/** Everything on a non-terminal standard input, up to the first line end. */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Runs the command; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const read = readOption(args, 'name', HELP);
  if ('exit' in read) return read.exit;
  const name = read.value;
  if (name !== undefined && !ACCOUNT_NAME_RE.test(name)) {
    process.stderr.write("--name must be 1 to 64 letters, digits, '.', '_' or '-'\n");
    return 2;
  }
  let secret: string;
  if (process.stdin.isTTY) {
    secret = await readHidden('Secret (not shown): ');
    if ((await readHidden('The same again: ')) !== secret) {
      process.stderr.write('The two secrets differ; nothing was hashed. Try again.\n');
      return 1;
    }
  } else {
    secret = await readPiped();
  }
  if ([...secret].length < MIN_SECRET_LENGTH) {
    process.stderr.write(
      `The secret is shorter than ${MIN_SECRET_LENGTH} characters and could be guessed; make one with: openssl rand -base64 24\n`,
    );
    return 1;
  }
  const hash = await hashSecret(secret, RECOMMENDED_COST);
  process.stdout.write(`${name === undefined ? '' : `${name}:`}${hash}\n`);
  return 0;
}
