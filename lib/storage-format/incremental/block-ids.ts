/**
 * The ids one block's render registered, and every question it asked about ids registered before
 * it (a heading without an id takes the first of `x`, `x.1` … not used yet, render-context.ts).
 * Its render stays valid for as long as the blocks before it answer those questions the same.
 */
export class BlockIds extends Set<string> {
  private readonly asked: string[] = [];
  private readonly answers: boolean[] = [];

  constructor(private readonly before: ReadonlySet<string>) {
    super();
  }

  override has(key: string): boolean {
    if (super.has(key)) return true;
    const found = this.before.has(key);
    this.asked.push(key);
    this.answers.push(found);
    return found;
  }

  /** Whether ids registered before the block (`before`, now) answer as they did. */
  answersHold(before: ReadonlySet<string>): boolean {
    for (let i = 0; i < this.asked.length; i++) {
      if (before.has(this.asked[i]!) !== this.answers[i]) return false;
    }
    return true;
  }
}
