import { SEED_USERS } from '@/lib/emulator';

/**
 * The emulator's demo people, as the sign-in page offers them in demo mode ("Use demo account").
 * Only ever served when PAGEWRIGHT_DEMO=1: these are throwaway credentials of the local emulator.
 */
export interface DemoAccount {
  label: string;
  note: string;
  signIn:
    | { method: 'cloud-token'; email: string; token: string }
    | { method: 'dc-password'; username: string; password: string }
    | { method: 'dc-pat'; token: string };
}

export function demoAccounts(): DemoAccount[] {
  return SEED_USERS.flatMap((user) => {
    const note = user.canEdit ? 'can edit' : 'read-only (saves are refused)';
    return [
      {
        label: `${user.displayName} — Data Center (${user.username} / ${user.password})`,
        note,
        signIn: {
          method: 'dc-password' as const,
          username: user.username,
          password: user.password,
        },
      },
      {
        label: `${user.displayName} — Cloud (${user.email})`,
        note,
        signIn: { method: 'cloud-token' as const, email: user.email, token: user.apiToken },
      },
    ];
  });
}
