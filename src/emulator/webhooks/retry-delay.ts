const DAY_MS = 24 * 3600 * 1000;

/**
 * Wait before retry number `failedAttempts` (1 after the first failure). Doubling delays,
 * scaled so that `maxAttempts` attempts span about 24 hours, as HubSpot's retries do
 * (10 attempts: 2.8 min, 5.6 min, ... 12 h).
 */
export function retryDelayMs(failedAttempts: number, maxAttempts: number): number {
  const retries = Math.max(1, maxAttempts - 1);
  const unit = DAY_MS / (2 ** retries - 1);
  return Math.round(unit * 2 ** (failedAttempts - 1));
}
