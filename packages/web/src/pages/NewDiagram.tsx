import { useId, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, pathInFile, type CreateDiagram, type Diagram } from '../api';
import { useLoad } from '../useLoad';
import { Field } from '../ui/Field';
import { ErrorNotice, formFailure } from '../ui/Notice';

type Source = 'template' | 'blank' | 'import';

/** Start a diagram from a template, a blank canvas, or an imported .backarch.json file. */
export function NewDiagram({ projectId, onCreated }: { projectId: string; onCreated: (diagram: Diagram) => void }) {
  const templates = useLoad(() => api.templates(), 'templates');
  const [source, setSource] = useState<Source>('template');
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ error: unknown; title: string; summary?: string }>();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = { template: useId(), file: useId(), fileError: useId(), templateError: useId(), templateHint: useId() };

  const list = templates.data?.templates ?? [];
  const chosen = list.find((t) => t.id === (template || list[0]?.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const body: CreateDiagram = name.trim() ? { name: name.trim() } : {};
    if (source === 'template') {
      if (!chosen) return setErrors({ template: 'Choose a template.' });
      body.template = chosen.id;
    }
    if (source === 'blank' && !body.name) body.name = 'Untitled diagram';
    if (source === 'import') {
      if (!file) {
        setErrors({ file: 'Choose a .backarch.json file to import.' });
        fileInput.current?.focus();
        return;
      }
      body.document = await file.text();
    }
    setErrors({});
    setBusy(true);
    try {
      const diagram = await api.createDiagram(projectId, body);
      setName('');
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      onCreated(diagram);
    } catch (error) {
      if (source === 'import' && error instanceof ApiError && error.details.some((d) => d.path.startsWith('body.document'))) {
        const problems = `${error.details.length} problem${error.details.length === 1 ? '' : 's'}`;
        setFailure({ error, title: `“${file?.name}” cannot be imported`, summary: `It has ${problems}, each shown with where it is in the file:` });
        setErrors({ file: `The file has ${problems}; see the list above.` });
      } else {
        const f = formFailure(error, ['name', 'template']);
        setErrors(f.fields);
        setFailure({ error: Object.keys(f.fields).length > 0 ? new Error(f.summary) : error, title: 'Could not create the diagram' });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby="new-diagram-title">
      <h2 id="new-diagram-title">New diagram</h2>
      <fieldset className="choices">
        <legend>Start from</legend>
        {(
          [
            ['template', 'A template'],
            ['blank', 'A blank canvas'],
            ['import', 'A .backarch.json file'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="choice">
            <input type="radio" name="source" value={value} checked={source === value} onChange={() => (setSource(value), setErrors({}), setFailure(undefined))} />
            {label}
          </label>
        ))}
      </fieldset>
      {failure && <ErrorNotice error={failure.error} title={failure.title} summary={failure.summary} detailPath={source === 'import' ? pathInFile : undefined} />}
      {source === 'template' && (
        <div className={`field${errors.template ? ' field--invalid' : ''}`}>
          <label htmlFor={ids.template}>Template</label>
          {templates.error ? (
            <ErrorNotice error={templates.error} title="Could not load the templates" />
          ) : (
            <select
              id={ids.template}
              value={chosen?.id ?? ''}
              onChange={(e) => setTemplate(e.target.value)}
              disabled={!templates.data}
              aria-describedby={[chosen && ids.templateHint, errors.template && ids.templateError].filter(Boolean).join(' ') || undefined}
              aria-invalid={errors.template ? true : undefined}
            >
              {!templates.data && <option value="">Loading templates…</option>}
              {list.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
          {chosen && (
            <p className="field__hint" id={ids.templateHint}>
              {chosen.whenToUse}
            </p>
          )}
          {errors.template && (
            <p className="field__error" id={ids.templateError}>
              {errors.template}
            </p>
          )}
        </div>
      )}
      {source === 'import' && (
        <div className={`field${errors.file ? ' field--invalid' : ''}`}>
          <label htmlFor={ids.file}>File</label>
          <input
            ref={fileInput}
            id={ids.file}
            type="file"
            accept=".json,application/json"
            onChange={(e) => (setFile(e.target.files?.[0] ?? null), setFailure(undefined), setErrors({}))}
            aria-describedby={errors.file ? ids.fileError : undefined}
            aria-invalid={errors.file ? true : undefined}
          />
          {errors.file && (
            <p className="field__error" id={ids.fileError}>
              {errors.file}
            </p>
          )}
        </div>
      )}
      <Field
        label="Name"
        hint={source === 'blank' ? 'Optional; “Untitled diagram” if empty.' : `Optional; defaults to the ${source === 'template' ? 'template’s' : 'file’s'} name.`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        maxLength={200}
      />
      <button className="button button--primary" type="submit" disabled={busy || (source === 'template' && !templates.data)}>
        {busy ? 'Creating…' : source === 'import' ? 'Import diagram' : 'Create diagram'}
      </button>
    </form>
  );
}
