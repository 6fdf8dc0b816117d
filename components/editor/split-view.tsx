'use client';

import { type KeyboardEvent, type PointerEvent, type ReactNode, useRef, useState } from 'react';

import styles from './editor.module.css';

export interface SplitViewProps {
  first: ReactNode;
  second: ReactNode;
  /** Accessible name of the separator. */
  label: string;
  /**
   * Hides the first pane without unmounting it (an editor keeps its text, undo history and
   * cursor while hidden); the second takes the whole width.
   */
  hideFirst?: boolean;
}

const MIN = 15;
const MAX = 85;
const STEP = 5;

function clamp(value: number): number {
  return Math.min(MAX, Math.max(MIN, value));
}

/**
 * Two panes side by side with a draggable, keyboard-operable separator (a focusable
 * `role="separator"`: arrows move it by 5 %, Home/End to the limits). A null pane is hidden and
 * the other takes the whole width.
 */
export function SplitView({ first, second, label, hideFirst = false }: SplitViewProps) {
  const [percent, setPercent] = useState(50);
  const containerRef = useRef<HTMLDivElement>(null);
  const both = first !== null && second !== null && !hideFirst;

  const moveTo = (clientX: number) => {
    const rect = containerRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return;
    setPercent(clamp(((clientX - rect.left) / rect.width) * 100));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) moveTo(event.clientX);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next: Record<string, number> = {
      ArrowLeft: percent - STEP,
      ArrowRight: percent + STEP,
      Home: MIN,
      End: MAX,
    };
    const value = next[event.key];
    if (value === undefined) return;
    event.preventDefault();
    setPercent(clamp(value));
  };

  return (
    <div className={styles.split} ref={containerRef}>
      {first !== null && (
        <div
          className={styles.pane}
          hidden={hideFirst}
          style={hideFirst ? { display: 'none' } : { flex: both ? `0 0 ${percent}%` : '1 1 auto' }}
        >
          {first}
        </div>
      )}
      {both && (
        <div
          className={styles.separator}
          role="separator"
          aria-orientation="vertical"
          aria-label={label}
          aria-valuemin={MIN}
          aria-valuemax={MAX}
          aria-valuenow={Math.round(percent)}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onKeyDown={onKeyDown}
        />
      )}
      {second !== null && (
        <div className={`${styles.pane}`} style={{ flex: '1 1 0' }}>
          {second}
        </div>
      )}
    </div>
  );
}
