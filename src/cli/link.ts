/** `coldstart run --url LINK`: a shared link's scenario, decoded by the same codec as the app. */
import { decodeFragment, fragmentHasScenario, traceFileNeeded } from '../scenario/url.ts';
import type { Scenario } from '../scenario/schema.ts';
import { UsageError, type CliIo } from './io.ts';

/**
 * restoreLink(link, io) returns the link's scenario (B when it carries a comparison); warnings go to
 * stderr, and anything unreadable becomes a UsageError with the same message the page shows.
 */
export function restoreLink(link: string, io: Pick<CliIo, 'stderr'>): Scenario {
  if (!fragmentHasScenario(link)) {
    throw new UsageError(
      '--url: the link holds no scenario (expected a Coldstart link with #…s=… in it)'
    );
  }
  const result = decodeFragment(link);
  if (!result.ok) throw new UsageError(`--url: ${result.message}`);
  for (const warning of result.warnings) io.stderr(`coldstart run: warning: link: ${warning}\n`);
  if (result.compare) {
    io.stderr(
      'coldstart run: note: the link also pins a scenario A for comparison; this runs its scenario B\n'
    );
  }
  const file = traceFileNeeded(result.scenario);
  if (file) {
    const size = file.sizeBytes === null ? '' : `, ${file.sizeBytes.toLocaleString('en-US')} bytes`;
    const sha = file.sha256 === null ? '' : `, SHA-256 ${file.sha256}`;
    io.stderr(
      `coldstart run: note: the link replays trace ${JSON.stringify(file.name)}${size}${sha}; give it with --trace FILE\n`
    );
  }
  return result.scenario;
}
