'use client';

import { setThemeChoice, useThemeChoice } from '@/components/theme/theme-store';
import { isThemeChoice } from '@/components/theme/theme-choice';

/** "Theme: System | Light | Dark" in the header; the choice is remembered in this browser. */
export function ThemeSwitch() {
  const choice = useThemeChoice();
  return (
    <label className="theme-switch">
      Theme
      <select
        value={choice}
        onChange={(event) => {
          if (isThemeChoice(event.target.value)) setThemeChoice(event.target.value);
        }}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
