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

/**
 * A person's access token from a running gateway: an applicant (NIK, phone or e-mail) or an
 * officer (username) signing in with a password. Anything but a 200 is an error naming the status.
 */
export async function passwordToken(
  gatewayUrl: string,
  identifier: string,
  password: string,
): Promise<string> {
  const response = await fetch(`${gatewayUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier, password }),
  });
  if (response.status !== 200)
    throw new Error(`${identifier}'s sign-in answered ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}
