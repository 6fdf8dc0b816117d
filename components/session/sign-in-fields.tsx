import type { SignInMethod, SignInRequest } from '@/lib/queries/session';

import { TextField } from '@/components/ui/text-field';

/** Everything the form holds; each method reads only its own fields. */
export interface SignInValues {
  baseUrl: string;
  method: SignInMethod;
  email: string;
  apiToken: string;
  pat: string;
  username: string;
  password: string;
}

export const EMPTY_SIGN_IN: SignInValues = {
  baseUrl: '',
  method: 'cloud-token',
  email: '',
  apiToken: '',
  pat: '',
  username: '',
  password: '',
};

export const METHODS: ReadonlyArray<{ value: SignInMethod; label: string; needs: string }> = [
  { value: 'cloud-token', label: 'Cloud', needs: 'email + API token' },
  { value: 'dc-pat', label: 'Data Center (token)', needs: 'personal access token' },
  { value: 'dc-password', label: 'Data Center (login)', needs: 'username + password' },
];

/** The POST /api/session body; `baseUrl` only when the user typed one (else the server decides). */
export function toSignInRequest(values: SignInValues, withUrl: boolean): SignInRequest {
  const site = withUrl && values.baseUrl.trim() ? { baseUrl: values.baseUrl.trim() } : {};
  switch (values.method) {
    case 'cloud-token':
      return { method: 'cloud-token', ...site, email: values.email.trim(), token: values.apiToken };
    case 'dc-pat':
      return { method: 'dc-pat', ...site, token: values.pat };
    case 'dc-password':
      return {
        method: 'dc-password',
        ...site,
        username: values.username.trim(),
        password: values.password,
      };
  }
}

/** The form filled in as a demo account would have typed it. */
export function valuesFor(request: SignInRequest, current: SignInValues): SignInValues {
  switch (request.method) {
    case 'cloud-token':
      return { ...current, method: request.method, email: request.email, apiToken: request.token };
    case 'dc-pat':
      return { ...current, method: request.method, pat: request.token };
    case 'dc-password':
      return {
        ...current,
        method: request.method,
        username: request.username,
        password: request.password,
      };
  }
}

interface SignInFieldsProps {
  values: SignInValues;
  onChange: (patch: Partial<SignInValues>) => void;
}

/** The credential fields of the chosen method. */
export function SignInFields({ values, onChange }: SignInFieldsProps) {
  switch (values.method) {
    case 'cloud-token':
      return (
        <>
          <TextField
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={values.email}
            onValueChange={(email) => onChange({ email })}
          />
          <TextField
            label="API token"
            type="password"
            autoComplete="current-password"
            required
            hint="Create one at id.atlassian.com under Security › API tokens."
            value={values.apiToken}
            onValueChange={(apiToken) => onChange({ apiToken })}
          />
        </>
      );
    case 'dc-pat':
      return (
        <TextField
          label="Personal access token"
          type="password"
          autoComplete="current-password"
          required
          hint="In Confluence: your profile › Settings › Personal access tokens."
          value={values.pat}
          onValueChange={(pat) => onChange({ pat })}
        />
      );
    case 'dc-password':
      return (
        <>
          <TextField
            label="Username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={values.username}
            onValueChange={(username) => onChange({ username })}
          />
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            required
            value={values.password}
            onValueChange={(password) => onChange({ password })}
          />
        </>
      );
  }
}
