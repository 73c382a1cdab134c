// The kit's commands are TypeScript run by Node's built-in type stripping (Node ≥ 22.18).
// Every bin starts here, so an older Node gets one plain sentence instead of a syntax error,
// said the same way for every command (the feedback service's bins use it too).

/**
 * Checks that this Node runs TypeScript, then loads the command and runs its `main` (if it has
 * one: a server starts on import) with the command-line arguments; its result is the exit code.
 * @param {string} name the command, as the user typed it
 * @param {() => Promise<{ main?: (args: string[]) => number | Promise<number> }>} load
 */
export async function launch(name, load) {
  if (!process.features.typescript) {
    console.error(
      `${name} needs Node.js 22.18 or newer (Node 24 recommended) to run TypeScript directly.`,
    );
    process.exit(2);
  }
  const { main } = await load();
  if (main) process.exitCode = await main(process.argv.slice(2));
}
