const WORTH_SHOWING = [
  'x-rate-limit-limit',
  'x-rate-limit-remaining',
  'x-podio-request-id',
  'x-podio-auth-ref',
];

/** The response headers a person acts on: rate limits and the request id for support. */
export function ResponseHeaders({ headers }: { headers: Record<string, string> }) {
  const shown = WORTH_SHOWING.filter((name) => headers[name] !== undefined);
  if (shown.length === 0) return null;

  return (
    <section className="headers" aria-labelledby="headers-title">
      <h3 id="headers-title">Response headers</h3>
      <dl>
        {shown.map((name) => (
          <div key={name} className="header-row" data-testid={`header-${name}`}>
            <dt>
              <code>{name}</code>
            </dt>
            <dd>
              <code>{headers[name]}</code>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
