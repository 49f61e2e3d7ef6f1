// Loaded with `node --import` by the benchmark: prints the process's peak memory as it exits.
process.on('exit', () => process.stderr.write(`${JSON.stringify({ peakMB: process.resourceUsage().maxRSS / 1024 })}\n`));
