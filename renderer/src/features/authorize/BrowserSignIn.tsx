import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { AuthorizeOptions } from '../../../../preload/contract';
import { PATH_MAX, PORT_MAX, SCOPE_MAX } from '../../lib/input-limits';
import { FormField } from '../profile-form/FormField';
import { useProfileStore } from '../profile-form/profile-store';
import { useAuthorizeStore } from './authorize-store';
import { Checkbox } from './Checkbox';
import { REDIRECT_HOSTS, signInErrors, toAuthorizeOptions } from './sign-in-options';

/**
 * The authorization-code grant's "Browser sign-in" settings and its Sign in with browser button.
 * `onSignIn` starts a saved profile's sign-in; without it the quick form's draft signs in.
 */
export function BrowserSignIn({ onSignIn }: { onSignIn?: (options: AuthorizeOptions) => void }) {
  const form = useAuthorizeStore((s) => s.form);
  const starting = useAuthorizeStore((s) => s.starting);
  const setForm = useAuthorizeStore((s) => s.setForm);
  const start = useAuthorizeStore((s) => s.start);
  // Messages wait until a field is left or a sign-in is tried, not while the port is half typed.
  const [touched, setTouched] = useState({ port: false, path: false });
  const sectionRef = useRef<HTMLFieldSetElement>(null);
  const errors = signInErrors(form);

  const signIn = () => {
    if (errors.port || errors.path) {
      setTouched({ port: true, path: true });
      sectionRef.current
        ?.querySelector<HTMLElement>(errors.port ? '#signInPort' : '#signInPath')
        ?.focus();
      return;
    }
    if (onSignIn) {
      onSignIn(toAuthorizeOptions(form));
      return;
    }
    // Read at click time: the draft changes with every keystroke and this section need not.
    void start(useProfileStore.getState().draft, toAuthorizeOptions(form));
  };

  // Enter in these fields means "sign in", not the form's submit (which exchanges a pasted code).
  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    const target = event.target;
    if (event.key !== 'Enter' || !(target instanceof HTMLInputElement)) return;
    if (target.type !== 'text') return;
    event.preventDefault();
    if (!starting) signIn();
  };

  return (
    <fieldset ref={sectionRef} className="group sign-in" onKeyDown={onKeyDown}>
      <legend>Browser sign-in</legend>

      <div className="field-row">
        <div className="field">
          <label htmlFor="signInHost">Redirect host</label>
          <select
            id="signInHost"
            value={form.redirectHost}
            onChange={(e) => {
              const host = REDIRECT_HOSTS.find((h) => h === e.target.value);
              if (host) setForm({ redirectHost: host });
            }}
          >
            {REDIRECT_HOSTS.map((host) => (
              <option key={host} value={host}>
                {host}
              </option>
            ))}
          </select>
        </div>
        <FormField
          id="signInPort"
          label="Port"
          value={form.port}
          onChange={(port) => setForm({ port })}
          onBlur={() => setTouched((t) => ({ ...t, port: true }))}
          error={touched.port ? errors.port : undefined}
          maxLength={PORT_MAX}
          limitHint={false}
          inputMode="numeric"
          placeholder="any free port"
        />
      </div>

      <FormField
        id="signInPath"
        label="Redirect path"
        value={form.path}
        onChange={(path) => setForm({ path })}
        onBlur={() => setTouched((t) => ({ ...t, path: true }))}
        error={touched.path ? errors.path : undefined}
        maxLength={PATH_MAX}
        placeholder="/callback"
      />
      <Checkbox
        id="signInExactPath"
        label="Use exact path"
        checked={form.exactPath}
        onChange={(exactPath) => setForm({ exactPath })}
        hint={
          form.exactPath
            ? 'The path is used as registered, for providers that need an exact redirect URI.'
            : 'A random segment is added to the path on each sign-in.'
        }
      />
      <Checkbox
        id="signInPkce"
        label="Use PKCE"
        checked={form.usePkce}
        onChange={(usePkce) => setForm({ usePkce })}
      />
      <Checkbox
        id="signInNoState"
        label="Accept a redirect without state"
        checked={form.acceptMissingState}
        onChange={(acceptMissingState) => setForm({ acceptMissingState })}
        hint="Some servers don't echo state back; the result then says so."
      />
      <FormField
        id="signInScope"
        label="Scope"
        value={form.scope}
        onChange={(scope) => setForm({ scope })}
        maxLength={SCOPE_MAX}
        placeholder="optional"
      />

      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={starting}
          aria-busy={starting}
          onClick={signIn}
        >
          Sign in with browser
        </button>
      </div>
    </fieldset>
  );
}
