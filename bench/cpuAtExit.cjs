// Preloaded into the measured CLI: on exit, the process's whole CPU time (bootstrap included),
// the figure that stays meaningful when a busy machine stretches the wall-clock time.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nCPU ${(u.userCPUTime + u.systemCPUTime) / 1000}\n`);
});
