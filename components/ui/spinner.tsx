/** A busy indicator for buttons; decorative, since a status message says what is happening. */
export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}
