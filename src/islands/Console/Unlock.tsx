/** Unlocking: the team's identity file read in the browser (never uploaded), or the passkey-wrapped copy. */
import { useState, type FormEvent } from 'react';
import { identityIn, opensTeamRequests, unwrapWithPasskey } from './age.ts';
import { api } from './api.ts';
import type { ConsoleStrings } from './strings.ts';

interface Props {
  strings: ConsoleStrings;
  recipients: string[];
  unlockCredential: string | null;
  onUnlocked: (identity: string) => void;
  onError: (error: unknown) => boolean;
}

export default function Unlock({ strings: s, recipients, unlockCredential, onUnlocked, onError }: Props) {
  const [error, setError] = useState<string>();

  const accept = async (identity: string | undefined) => {
    if (!identity) return setError(s['unlock.notAnIdentity']);
    if (!(await opensTeamRequests(identity, recipients))) return setError(s['unlock.wrongKey']);
    setError(undefined);
    onUnlocked(identity);
  };

  const withFile = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem('identity') as HTMLInputElement).files?.[0];
    // Read here, in memory; the form is never submitted, so the file never leaves the browser.
    await accept(file ? identityIn(await file.text()) : undefined);
  };

  const withPasskey = async () => {
    try {
      const { credential, wrapped } = await api.unlockCopy();
      await accept(identityIn(await unwrapWithPasskey(credential, wrapped)));
    } catch (e) {
      if (!onError(e)) setError(s['unlock.passkeyFailed']);
    }
  };

  return (
    <section className="panel" aria-labelledby="unlock-title">
      <h2 id="unlock-title">{s['unlock.title']}</h2>
      <p>{s['unlock.intro']}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {unlockCredential && (
        <p>
          <button type="button" onClick={withPasskey}>
            {s['unlock.passkeyButton']}
          </button>
        </p>
      )}
      <form onSubmit={withFile}>
        <div className="field">
          <label htmlFor="identity-file">{s['unlock.fileLabel']}</label>
          <p className="hint" id="identity-file-hint">
            {s['unlock.fileHint']}
          </p>
          <input type="file" id="identity-file" name="identity" aria-describedby="identity-file-hint" />
        </div>
        <button type="submit" className={unlockCredential ? 'secondary' : undefined}>
          {s['unlock.fileButton']}
        </button>
      </form>
    </section>
  );
}
