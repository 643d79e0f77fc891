import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Diagram } from '../api';
import { hrefFor } from '../router';
import { when } from '../useLoad';
import { Field } from '../ui/Field';
import { Link } from '../ui/Link';
import { formFailure } from '../ui/Notice';

type Props = {
  diagram: Diagram;
  editable: boolean;
  onRename: (diagram: Diagram, name: string) => Promise<void>;
  onDelete: (diagram: Diagram) => void;
  onRestore: (diagram: Diagram) => void;
};

/** One diagram in a list: open it, rename it in place, delete it, or restore it when deleted. */
export function DiagramRow({ diagram, editable, onRename, onDelete, onRestore }: Props) {
  const [renaming, setRenaming] = useState(false);
  const deleted = diagram.deletedAt !== null;
  return (
    <li className="row">
      {renaming ? (
        <RenameForm diagram={diagram} onCancel={() => setRenaming(false)} onRename={async (name) => (await onRename(diagram, name), setRenaming(false))} />
      ) : (
        <>
          <div className="row__body">
            {deleted ? <span className="row__title">{diagram.name}</span> : <Link className="row__title" href={hrefFor.diagram(diagram.id)}>{diagram.name}</Link>}
            {diagram.description && <p className="row__text">{diagram.description}</p>}
            <p className="row__meta muted">{deleted ? `Deleted ${when(diagram.deletedAt!)}` : `Updated ${when(diagram.updatedAt)}`}</p>
          </div>
          {editable && (
            <div className="row__actions">
              {deleted ? (
                <button type="button" className="button" onClick={() => onRestore(diagram)} aria-label={`Restore ${diagram.name}`}>
                  Restore
                </button>
              ) : (
                <>
                  <button type="button" className="button button--quiet" onClick={() => setRenaming(true)} aria-label={`Rename ${diagram.name}`}>
                    Rename
                  </button>
                  <button type="button" className="button button--quiet button--danger" onClick={() => onDelete(diagram)} aria-label={`Delete ${diagram.name}`}>
                    Delete
                  </button>
                </>
              )}
            </div>
          )}
        </>
      )}
    </li>
  );
}

function RenameForm({ diagram, onRename, onCancel }: { diagram: Diagram; onRename: (name: string) => Promise<void>; onCancel: () => void }) {
  const [name, setName] = useState(diagram.name);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('The name cannot be empty.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await onRename(name.trim());
    } catch (e) {
      const failure = formFailure(e, ['name']);
      setError(failure.fields.name ?? failure.summary);
      setBusy(false);
      input.current?.focus();
    }
  };

  return (
    <form className="row__rename" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()} noValidate>
      <Field ref={input} label={`New name for “${diagram.name}”`} value={name} onChange={(e) => setName(e.target.value)} error={error} maxLength={200} />
      <div className="row__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
