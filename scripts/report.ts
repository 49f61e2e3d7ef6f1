/** Writes a period's report: Markdown, CSV tables and a printable HTML page with charts. */
import { parseReportArgs, runReport, UsageError } from '../src/reports/cli.js';

try {
  const files = await runReport(parseReportArgs(process.argv.slice(2)));
  for (const f of files) console.log(f);
} catch (err) {
  if (err instanceof UsageError) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
