/**
 * The case team's console: the queue, then one request opened in this browser. The team's
 * identity lives only in this component's memory: dropped on Lock, Sign out, a 401 from the
 * server, or 15 minutes without a key press or click, and never sent anywhere.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, SessionEnded } from './api.ts';
import Queue from './Queue.tsx';
import RequestView from './RequestView.tsx';
import Unlock from './Unlock.tsx';
import { fill, type ConsoleStrings } from './strings.ts';

interface Props {
  strings: ConsoleStrings;
  /** The passkeys' relying party (STAFF_URL's host), for the unlock passkey. */
  rpId: string;
}

/** Idle time after which the identity is forgotten, as the server's session idle limit. */
const idleMs = 15 * 60_000;

export default function Console({ strings: s, rpId }: Props) {
  const [me, setMe] = useState<{ name: string; unlockCredential: string | null }>();
  const [identity, setIdentity] = useState<string | null>(null);
  const [recipients, setRecipients] = useState<string[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [ended, setEnded] = useState(false);
  /** Announced once, after the panel that caused it has gone (unlocked, passkey saved). */
  const [notice, setNotice] = useState('');
  const queueHeading = useRef<HTMLHeadingElement>(null);

  /** Any call that finds the session over locks the console at once. */
  const guard = useCallback((error: unknown) => {
    if (error instanceof SessionEnded) {
      setIdentity(null);
      setEnded(true);
      return true;
    }
    return false;
  }, []);

  useEffect(() => {
    api.me().then(setMe, guard);
    api.recipients().then((r) => setRecipients(r.recipients), guard);
  }, [guard]);

  useEffect(() => {
    let timer = setTimeout(() => setIdentity(null), idleMs);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setIdentity(null), idleMs);
    };
    window.addEventListener('keydown', reset);
    window.addEventListener('pointerdown', reset);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', reset);
      window.removeEventListener('pointerdown', reset);
    };
  }, []);

  const signOut = async () => {
    setIdentity(null);
    await api.signOut().catch(() => undefined);
    location.assign('/staff/sign-in/');
  };

  if (ended) {
    return (
      <div>
        <p className="error" role="alert">{s['console.sessionEnded']}</p>
        <p>
          <a href="/staff/sign-in/">{s['console.signInAgain']}</a>
        </p>
      </div>
    );
  }

  return (
    <div>
      <div className="console-bar">
        <h1>{s['console.title']}</h1>
        <div className="who">
          {me && <span>{fill(s['console.signedInAs'], { name: me.name })}</span>}
          {identity && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setIdentity(null);
                setNotice('');
              }}
            >
              {s['console.lock']}
            </button>
          )}
          <button type="button" className="secondary" onClick={signOut}>
            {s['console.signOut']}
          </button>
        </div>
      </div>
      <p role="status" className={notice ? 'status' : undefined}>
        {notice}
      </p>
      {!identity && me && (
        <Unlock
          strings={s}
          recipients={recipients}
          unlockCredential={me.unlockCredential}
          onUnlocked={(unlocked) => {
            setIdentity(unlocked);
            setNotice(s['unlock.unlocked']);
          }}
          onError={guard}
        />
      )}
      {identity && me && !me.unlockCredential && (
        <SavePasskey strings={s} identity={identity} rpId={rpId} onSaved={(credential) => {
            setMe({ ...me, unlockCredential: credential });
            setNotice(s['unlock.passkeySaved']);
          }} onError={guard} />
      )}
      {openId && identity ? (
        <RequestView
          strings={s}
          id={openId}
          identity={identity}
          recipients={recipients}
          onBack={() => {
            setOpenId(null);
            requestAnimationFrame(() => queueHeading.current?.focus());
          }}
          onError={guard}
        />
      ) : (
        <Queue strings={s} unlocked={identity !== null} onOpen={setOpenId} onError={guard} headingRef={queueHeading} />
      )}
    </div>
  );
}

/** After unlocking with the file: offer to keep a copy wrapped to a passkey (PRF), so a touch unlocks next time. */
function SavePasskey(props: { strings: ConsoleStrings; identity: string; rpId: string; onSaved: (credential: string) => void; onError: (e: unknown) => boolean }) {
  const { strings: s } = props;
  const [error, setError] = useState('');
  const save = async () => {
    try {
      const { wrapWithPasskey } = await import('./age.ts');
      const { credential, wrapped } = await wrapWithPasskey(props.identity, props.rpId);
      await api.saveUnlockCopy(credential, wrapped);
      props.onSaved(credential);
    } catch (error) {
      if (!props.onError(error)) setError(s['unlock.noPrf']);
    }
  };
  return (
    <div className="panel">
      <p>{s['unlock.offerPasskey']}</p>
      <button type="button" className="secondary" onClick={save}>
        {s['unlock.savePasskey']}
      </button>
      <p role="alert" className={error ? 'error' : undefined}>
        {error}
      </p>
    </div>
  );
}
