#!/usr/bin/env node
// hubsync's executable. Node ≥ 22.18 runs the TypeScript sources directly (type stripping).
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`hubsync needs Node.js 22.18 or newer (this is ${process.version}). Inside the repository, run it through npm (npm run hubsync -- …), which uses the pinned node@22.`);
  process.exit(1);
}
await import("../src/cli/main.ts");
