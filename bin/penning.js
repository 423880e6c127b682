#!/usr/bin/env node
// The installed `penning` command: runs the built CLI (npm run build makes out/main/cli.js).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('Penning is not built yet: run "npm run build" first (or use "npm run cli -- <command>").');
  process.exit(1);
}
require(cli);
