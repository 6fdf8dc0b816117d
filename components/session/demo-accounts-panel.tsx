'use client';

import { useDemoAccounts, type DemoAccount } from '@/lib/queries/session';

import { ErrorAlert } from '@/components/ui/error-alert';

interface DemoAccountsPanelProps {
  onUse: (account: DemoAccount) => void;
  busy: boolean;
}

/** Demo mode only: the emulator's throwaway accounts, each one click away from signed in. */
export function DemoAccountsPanel({ onUse, busy }: DemoAccountsPanelProps) {
  const accounts = useDemoAccounts(true);
  return (
    <section className="panel demo-panel" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">Demo accounts</h2>
      <p className="hint">
        This server runs in demo mode against a built-in Confluence emulator. These accounts are
        throwaway; nothing you do here reaches a real Confluence.
      </p>
      {accounts.isPending ? <p role="status">Loading demo accounts…</p> : null}
      {accounts.isError ? <ErrorAlert error={accounts.error} /> : null}
      {accounts.data ? (
        <ul className="demo-list">
          {accounts.data.map((account) => (
            <li key={account.label}>
              <span className="demo-label">{account.label}</span>
              <span className="hint">{account.note}</span>
              <button
                type="button"
                className="button"
                aria-label={`Use demo account: ${account.label}`}
                aria-disabled={busy}
                onClick={() => {
                  if (!busy) onUse(account);
                }}
              >
                Use demo account
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
