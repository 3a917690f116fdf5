import { clientCredentialsToken } from '@satupintu/testing';
import type { Authorize } from './load';

/**
 * A client's headers for each request, as the demo clients sign in (the national portal, the
 * kiosk): an access token from identity (client credentials), asked again when two thirds of its
 * life are gone. While identity is down the token in hand keeps working (the gateway verifies
 * it with the keys it holds); only a renewal in that time fails, and the next request asks again.
 */
export function clientCaller(
  gatewayUrl: () => string,
  client: { clientId: string; secret: string },
  timeoutMs: number,
): Authorize {
  let token: { value: Promise<string>; renewAt: number } | undefined;
  const ask = async (): Promise<string> => {
    const { accessToken, expiresInSeconds } = await clientCredentialsToken(
      gatewayUrl(),
      client,
      timeoutMs,
    );
    if (token) token.renewAt = Date.now() + (expiresInSeconds * 1000 * 2) / 3;
    return accessToken;
  };
  return async () => {
    if (!token || Date.now() >= token.renewAt) {
      const asked = ask();
      token = { value: asked, renewAt: Number.POSITIVE_INFINITY };
      // A failed renewal is asked again by the next request.
      asked.catch(() => (token = undefined));
    }
    return { authorization: `Bearer ${await token.value}` };
  };
}
