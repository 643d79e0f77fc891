import { useCallback, useEffect, useState } from 'react';
import { api, whenSignedOut, type Session } from './api';
import { AuthPage } from './pages/AuthPage';
import { DiagramPage } from './pages/DiagramPage';
import { HomePage } from './pages/HomePage';
import { ProjectPage } from './pages/ProjectPage';
import { WorkspacePage } from './pages/WorkspacePage';
import { hrefFor, useRoute } from './router';
import { Link } from './ui/Link';
import { EmptyState, ErrorNotice, Loading } from './ui/Notice';

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);

  const check = useCallback(() => {
    setFailure(undefined);
    api.session().then(setSession, setFailure);
  }, []);
  useEffect(() => {
    check();
    whenSignedOut(() => setSession(null));
  }, [check]);

  if (failure)
    return (
      <main className="page" id="main">
        <ErrorNotice error={failure} title="BackArch could not start">
          <button className="button" type="button" onClick={check}>
            Try again
          </button>
        </ErrorNotice>
      </main>
    );
  if (session === undefined)
    return (
      <main className="page" id="main">
        <Loading />
      </main>
    );
  if (session === null) return <AuthPage onSession={setSession} />;
  return <SignedIn session={session} onSignedOut={() => setSession(null)} />;
}

function SignedIn({ session, onSignedOut }: { session: Session; onSignedOut: () => void }) {
  const route = useRoute();
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const signOut = async () => {
    setSigningOut(true);
    try {
      await api.signOut();
      onSignedOut();
    } catch (e) {
      setError(e);
      setSigningOut(false);
    }
  };

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link className="topbar__brand" href={hrefFor.home()}>
          <span className="logo" aria-hidden="true">
            ◆
          </span>{' '}
          BackArch
        </Link>
        <div className="topbar__user">
          <span className="topbar__name" title={session.user.email}>
            {session.user.name}
          </span>
          <button className="button button--quiet" type="button" onClick={signOut} disabled={signingOut}>
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </header>
      <main className="page" id="main">
        <ErrorNotice error={error} title="Could not sign out" />
        {route.page === 'home' && <HomePage />}
        {route.page === 'workspace' && <WorkspacePage key={route.id} id={route.id} />}
        {route.page === 'project' && <ProjectPage key={route.id} id={route.id} />}
        {route.page === 'diagram' && <DiagramPage key={route.id} id={route.id} />}
        {route.page === 'not-found' && (
          <EmptyState title="This page does not exist">
            <Link href={hrefFor.home()}>Go to your workspaces</Link>
          </EmptyState>
        )}
      </main>
    </>
  );
}
