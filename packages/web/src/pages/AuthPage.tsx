import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, type Session } from '../api';
import { Field } from '../ui/Field';
import { formFailure } from '../ui/Notice';

type Mode = 'signin' | 'signup';

/** Sign in, or create an account (which also creates a personal workspace with a first project). */
export function AuthPage({ onSession }: { onSession: (session: Session) => void }) {
  const [mode, setMode] = useState<Mode>('signin');
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = mode === 'signin' ? 'Sign in · BackArch' : 'Create an account · BackArch';
  }, [mode]);

  const switchTo = (next: Mode) => {
    setMode(next);
    setErrors({});
    setSummary('');
    heading.current?.focus();
  };

  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));

  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (mode === 'signup' && !values.name.trim()) found.name = 'Enter your name.';
    if (!values.email.trim()) found.email = 'Enter your e-mail address.';
    else if (!/^\S+@\S+\.\S+$/.test(values.email.trim())) found.email = 'Enter an e-mail address like ada@example.com.';
    if (!values.password) found.password = 'Enter your password.';
    else if (mode === 'signup' && values.password.length < 10) found.password = 'Use at least 10 characters.';
    return found;
  };

  const focusFirstInvalid = () => requestAnimationFrame(() => form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus());

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setSummary('');
      focusFirstInvalid();
      return;
    }
    setBusy(true);
    setSummary('');
    try {
      const session =
        mode === 'signup'
          ? await api.signUp({ name: values.name.trim(), email: values.email.trim(), password: values.password })
          : await api.signIn({ email: values.email.trim(), password: values.password });
      onSession(session);
    } catch (error) {
      const failure = formFailure(error, ['name', 'email', 'password']);
      setErrors(failure.fields);
      setSummary(failure.summary);
      focusFirstInvalid();
    } finally {
      setBusy(false);
    }
  };

  const signup = mode === 'signup';
  return (
    <main className="auth" id="main">
      <div className="auth__brand" aria-hidden="true">
        <span className="logo">◆</span> BackArch
      </div>
      <section className="card auth__card" aria-labelledby="auth-title">
        <h1 id="auth-title" ref={heading} tabIndex={-1}>
          {signup ? 'Create your account' : 'Sign in to BackArch'}
        </h1>
        <p className="muted">{signup ? 'You get a personal workspace with a first project, ready for diagrams.' : 'Design backend systems before you build them.'}</p>
        <form ref={form} onSubmit={submit} noValidate aria-describedby={summary ? 'auth-summary' : undefined}>
          {summary && (
            <p className="form-error" id="auth-summary" role="alert">
              {summary}
            </p>
          )}
          {signup && <Field label="Name" name="name" autoComplete="name" value={values.name} onChange={set('name')} error={errors.name} />}
          <Field label="E-mail" name="email" type="email" autoComplete="email" value={values.email} onChange={set('email')} error={errors.email} />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete={signup ? 'new-password' : 'current-password'}
            hint={signup ? 'At least 10 characters.' : undefined}
            value={values.password}
            onChange={set('password')}
            error={errors.password}
          />
          <button className="button button--primary button--wide" type="submit" disabled={busy}>
            {busy ? (signup ? 'Creating account…' : 'Signing in…') : signup ? 'Create account' : 'Sign in'}
          </button>
        </form>
        <p className="auth__switch">
          {signup ? 'Already have an account?' : 'New to BackArch?'}{' '}
          <button type="button" className="link-button" onClick={() => switchTo(signup ? 'signin' : 'signup')}>
            {signup ? 'Sign in' : 'Create an account'}
          </button>
        </p>
      </section>
    </main>
  );
}
