/**
 * Preloaded with `node --import` into a child process (such as `astro build`), reports its peak
 * resident memory on the last line of stderr, so a benchmark can read another command's memory.
 */
process.on('exit', () => {
  process.stderr.write(`\nreferable-max-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
