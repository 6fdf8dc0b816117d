/**
 * What a person is called when Confluence cannot say (deleted account, hidden profile, a failed
 * lookup): the start of the id, so two unknown people stay apart. Server and browser share it.
 */
export function unknownUserLabel(id: string): string {
  return `Unknown user (${id.slice(0, 8)}…)`;
}
