import { systemCliDeps } from "./cli-deps.ts";
import { runCli } from "./run-cli.ts";

// The process edge: real streams, network, clock and signals. Long-running commands (the
// emulator) keep the process alive after runCli returns; the others end here with their code.
process.exitCode = await runCli(process.argv.slice(2), systemCliDeps());
