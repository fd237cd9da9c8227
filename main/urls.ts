/** True for an absolute http: or https: URL (surrounding spaces allowed, as pasted). */
export function isHttpUrl(value: string): boolean {
  const text = value.trim();
  if (!URL.canParse(text)) return false;
  const { protocol } = new URL(text);
  return protocol === 'http:' || protocol === 'https:';
}

/**
 * True when a URL carries a user name or password. fetch refuses such URLs and its error text
 * would echo the password, so every place that takes a URL refuses them up front.
 */
export function hasCredentials(value: string): boolean {
  const text = value.trim();
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return url.username !== '' || url.password !== '';
}
