// Runs the built CLI (out/main/cli.js) in this process, exactly as `penning` does, and reports on
// exit how long it took and its peak memory (maxRSS): the figure a user's machine would see.
const { performance } = require('node:perf_hooks');
const path = require('node:path');
const started = performance.now();
process.on('exit', () => {
  process.stderr.write(`\nMEASURE ${JSON.stringify({ ms: performance.now() - started, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
});
process.argv = [process.argv[0], 'penning', ...process.argv.slice(2)];
require(path.join(__dirname, '..', 'out', 'main', 'cli.js'));
