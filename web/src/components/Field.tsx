import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';

/** A labelled control with the API's message for it underneath, tied together for screen readers. */
export function Field({ id, label, error, children }: { id: string; label: string; error?: string | undefined; children: ReactNode }) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {Children.map(children, (child) =>
        // The control itself says it is wrong and where the message is, for screen readers.
        error && isValidElement(child)
          ? cloneElement(child as ReactElement<Record<string, unknown>>, { 'aria-invalid': true, 'aria-describedby': `${id}-error` })
          : child,
      )}
      {error && <p className="field-error" id={`${id}-error`} role="alert">{error}</p>}
    </div>
  );
}
