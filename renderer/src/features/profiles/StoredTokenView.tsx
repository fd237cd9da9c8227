import { useState } from 'react';
import type { SecretRef, TokenView } from '../../../../preload/contract';
import { failureMessage, workbench } from '../../lib/bridge';
import { refreshTitle, SpentNote } from '../exchange/SpentNote';
import { formatRef } from '../exchange/TokenView';
import { grantLabel } from '../profile-form/grants';
import { Expiry } from '../tokens/Expiry';
import { formatReceived } from '../tokens/time-format';
import { maskSecret } from '../tokens/field-value';
import { SPENT_REFRESH_TEXT } from '../tokens/FieldsTable';

type SecretField = 'accessToken' | 'refreshToken';

const HIDDEN_MASK = '••••••••••';

const WIRE_NAMES: Record<SecretField, string> = {
  accessToken: 'access_token',
  refreshToken: 'refresh_token',
};

// Kept here too: the history and its tests import them from this view.
export { formatReceived, formatReceivedShort } from '../tokens/time-format';

function SecretRow({ tokenId, field }: { tokenId: string; field: SecretField }) {
  const [value, setValue] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const name = WIRE_NAMES[field];

  // Main hands out the value only when the person asks to see or copy it.
  const fetchValue = async (): Promise<string | null> => {
    if (value !== null) return value;
    const ref: SecretRef = { entity: 'token', id: tokenId, field };
    try {
      const answer = await workbench().invoke('secret:reveal', ref);
      setNote(answer.warning);
      if (answer.value === null) setNote('The saved value could not be read.');
      setValue(answer.value);
      return answer.value;
    } catch (reason) {
      setNote(failureMessage(reason));
      return null;
    }
  };

  const toggle = async () => {
    if (shown) return setShown(false);
    if ((await fetchValue()) !== null) setShown(true);
  };

  const copy = async () => {
    const text = await fetchValue();
    if (text === null) return;
    try {
      await navigator.clipboard.writeText(text);
      setNote('Copied');
    } catch {
      setNote('Copy failed');
    }
  };

  return (
    <tr data-testid={`field-${name}`}>
      <th scope="row">
        <code className="field-name">{name}</code>
      </th>
      <td>
        <div className="field-value">
          <code className="value value--string" data-secret>
            {shown && value !== null ? value : value !== null ? maskSecret(value) : HIDDEN_MASK}
          </code>
          <span className="field-actions">
            <button
              type="button"
              className="button button--small"
              aria-label={`${shown ? 'Hide' : 'Show'} ${name}`}
              onClick={() => void toggle()}
            >
              {shown ? 'Hide' : 'Show'}
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label={`Copy ${name}`}
              onClick={() => void copy()}
            >
              Copy
            </button>
          </span>
          {note && (
            <span className="hint" role="status">
              {note}
            </span>
          )}
        </div>
      </td>
    </tr>
  );
}

function SpentRow() {
  return (
    <tr data-testid="field-refresh_token">
      <th scope="row">
        <code className="field-name">refresh_token</code>
      </th>
      <td>
        <div className="field-value">
          <span className="value value--spent">{SPENT_REFRESH_TEXT}</span>
        </div>
      </td>
    </tr>
  );
}

interface StoredTokenViewProps {
  token: TokenView;
  running: boolean;
  onRefresh: (tokenId: string) => void;
  /** The token a Refresh made from this one (null: main said it is unusable); undefined: live. */
  spent?: string | null | undefined;
  onShowToken?: ((tokenId: string) => void) | undefined;
}

/**
 * A kept token from an earlier session: its facts, with secrets fetched from main on demand.
 * Limitation: main keeps no raw response or headers with a token, so only the decoded facts
 * show; tokens received in this session show in full.
 */
export function StoredTokenView({
  token,
  running,
  onRefresh,
  spent,
  onShowToken,
}: StoredTokenViewProps) {
  const ref = formatRef(token.ref);
  const extras = Object.entries(token.extra);
  const isSpent = spent !== undefined;

  return (
    <section className="result result--token" aria-labelledby="stored-token-title">
      <div className="result-head">
        <div>
          <h2 id="stored-token-title" tabIndex={-1} data-focus="result">
            Token
          </h2>
          <p className="subtle">
            {grantLabel(token.grant)} grant{ref && <> · {ref}</>}
          </p>
        </div>
        <Expiry expiresAt={token.expiresAt} />
      </div>
      <div className="result-bar">
        <p className="status" data-testid="status-line">
          Received {formatReceived(token.receivedAt)}
        </p>
        <button
          type="button"
          className="button"
          disabled={!token.hasRefreshToken || isSpent || running}
          title={refreshTitle(token.hasRefreshToken, isSpent)}
          onClick={() => onRefresh(token.id)}
        >
          Refresh
        </button>
      </div>
      {isSpent && <SpentNote replacedBy={spent} onShow={onShowToken} />}
      <table className="fields">
        <caption className="visually-hidden">Kept token</caption>
        <colgroup>
          <col className="fields-name-col" />
          <col />
        </colgroup>
        <tbody>
          {token.hasAccessToken && <SecretRow tokenId={token.id} field="accessToken" />}
          <tr data-testid="field-token_type">
            <th scope="row">
              <code className="field-name">token_type</code>
            </th>
            <td>
              <code className="value">{token.tokenType}</code>
            </td>
          </tr>
          {token.hasRefreshToken &&
            (isSpent ? <SpentRow /> : <SecretRow tokenId={token.id} field="refreshToken" />)}
          {token.scope !== null && (
            <tr data-testid="field-scope">
              <th scope="row">
                <code className="field-name">scope</code>
              </th>
              <td>
                <code className="value">{token.scope}</code>
              </td>
            </tr>
          )}
          {ref && (
            <tr data-testid="field-ref">
              <th scope="row">
                <code className="field-name">ref</code>
              </th>
              <td>
                <code className="value value--ref">{ref}</code>
              </td>
            </tr>
          )}
          {extras.map(([key, value]) => (
            <tr key={key} data-testid={`field-${key}`}>
              <th scope="row">
                <code className="field-name">{key}</code>
              </th>
              <td>
                <code className="value">{JSON.stringify(value)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Kept from an earlier exchange; the full response is shown only for tokens received in this
        session.
      </p>
    </section>
  );
}
