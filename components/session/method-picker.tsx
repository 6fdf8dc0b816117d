import { useId } from 'react';

import type { SignInMethod } from '@/lib/queries/session';

import { METHODS } from './sign-in-fields';

interface MethodPickerProps {
  value: SignInMethod;
  onChange: (method: SignInMethod) => void;
}

/**
 * Native radios in a fieldset: arrow keys, Space and screen readers work without extra code.
 * What each method asks for is a description, not part of the name, so "Email", "Password" and
 * the other field labels stay unique on the page.
 */
export function MethodPicker({ value, onChange }: MethodPickerProps) {
  const id = useId();
  return (
    <fieldset className="field method-picker">
      <legend>Sign-in method</legend>
      {METHODS.map((method) => (
        <div key={method.value} className="radio">
          <input
            type="radio"
            id={`${id}-${method.value}`}
            name="method"
            value={method.value}
            checked={value === method.value}
            onChange={() => onChange(method.value)}
            aria-describedby={`${id}-${method.value}-needs`}
          />
          <label htmlFor={`${id}-${method.value}`}>{method.label}</label>
          <span className="hint" id={`${id}-${method.value}-needs`}>
            {method.needs}
          </span>
        </div>
      ))}
    </fieldset>
  );
}
