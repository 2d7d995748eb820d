/**
 * Preloaded with `node --import` into a child process (such as `astro build`), reports its peak
 * resident memory and the CPU time it used (user and system, in ms) on the last lines of stderr,
 * so a benchmark can read another command's figures. CPU time moves far less than wall time when
 * other work shares the cores.
 */
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(
    `\nreferable-cpu-ms ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\nreferable-max-rss-kb ${usage.maxRSS}\n`,
  );
});
