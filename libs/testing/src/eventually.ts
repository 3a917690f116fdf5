/**
 * Waits for an asynchronous effect (an event crossing NATS, a consumer catching up): retries the
 * assertion until it passes or the time is up, then fails with the assertion's own message.
 * Not a performance check: the bound only stops a broken system from hanging the suite.
 */
export async function eventually<T>(
  assertion: () => Promise<T> | T,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
