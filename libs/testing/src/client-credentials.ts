/**
 * An API client's access token from a running gateway, asked for as RFC 6749 §4.4 has it (HTTP
 * Basic, a form body): what the demo portal does in the tests, the bench's neighbours and the
 * chaos load. Anything but a 200 is an error naming the status.
 */
export async function clientCredentialsToken(
  gatewayUrl: string,
  client: { clientId: string; secret: string },
  timeoutMs = 10_000,
): Promise<{ accessToken: string; expiresInSeconds: number }> {
  const basic = Buffer.from(`${client.clientId}:${client.secret}`).toString('base64');
  const response = await fetch(`${gatewayUrl}/v1/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status !== 200)
    throw new Error(`${client.clientId}'s token request answered ${response.status}`);
  const body = (await response.json()) as { access_token: string; expires_in: number };
  return { accessToken: body.access_token, expiresInSeconds: body.expires_in };
}
