import { shiftNodes } from '../parser/nodes';
import { buildParseResult } from '../parser/parse-result';
import type { ConfluenceComplaint, PendingError } from '../parser/error-collector';
import { type ParsedBlock, StorageParser } from '../parser/storage-parser';
import type { EditedFrom } from '../positions';
import type { ParseResult, StorageNode } from '../types';
import { findEdit } from './text-edit';

/** One update of an incremental parse: the result, and which blocks it did not re-parse. */
export interface BlocksUpdate {
  result: ParseResult;
  blocks: readonly ParsedBlock[];
  /** Blocks before this index are the previous text's, unchanged. */
  firstParsed: number;
  /** Blocks from this index on are the previous text's, moved by the edit (offsets and lines). */
  firstMoved: number;
}

/**
 * `parseStorage`, kept up to date text after text at the cost of the blocks an edit touches.
 *
 * The body is cut where the parser is at depth 0 (storage-parser.ts `parseBlocks`): after such a
 * point the parse depends only on the text that follows. An edit re-parses from the start of the
 * block before it, and stops at the first block end past the edit that was a block end of the
 * previous text too (same text after it, same parser state): from there the previous blocks are
 * reused, shifted. An edit that opens an element, a comment or CDATA section never reaches such
 * a point until it is closed, so the re-parse widens by itself, to the end if need be.
 */
export class IncrementalParse {
  private text = '';
  private blocks: ParsedBlock[] = [];
  private last: BlocksUpdate | null = null;

  update(text: string): BlocksUpdate {
    if (this.last !== null && text === this.text) {
      return { ...this.last, firstParsed: this.blocks.length, firstMoved: this.blocks.length };
    }
    const edit = findEdit(this.text, text);
    const old = this.blocks;
    let restart = 0;
    while (restart < old.length && readsBefore(old[restart]!) <= edit.start) restart++;
    const from =
      restart < old.length ? old[restart]!.start : restart > 0 ? old[restart - 1]!.end : 0;
    const tooDeep = restart > 0 && old[restart - 1]!.tooDeepReportedAfter;

    const blocks = old.slice(0, restart);
    let resume = old.length;
    let candidate = restart;
    new StorageParser(text).parseBlocks(from, tooDeep, (block) => {
      blocks.push(block);
      if (block.end < edit.newEnd) return true;
      const oldEnd = block.end - edit.delta;
      while (candidate < old.length && old[candidate]!.end < oldEnd) candidate++;
      const match = old[candidate];
      if (
        match !== undefined &&
        match.end === oldEnd &&
        match.tooDeepReportedAfter === block.tooDeepReportedAfter
      ) {
        resume = candidate + 1;
        return false;
      }
      return true;
    });
    const firstMoved = blocks.length;
    for (let i = resume; i < old.length; i++) {
      const block = old[i]!;
      if (edit.delta !== 0) shiftBlock(block, edit.delta);
      blocks.push(block);
    }
    const editedFrom = this.last ? { previous: this.last.result.positions, edit } : undefined;
    this.text = text;
    this.blocks = blocks;
    this.last = {
      result: combine(text, blocks, editedFrom),
      blocks,
      firstParsed: restart,
      firstMoved,
    };
    return this.last;
  }
}

/**
 * How far parsing the block looked (exclusive): the character at its end (text runs up to a `<`)
 * and, past that, only where it recovered from a mistake, which its errors cover (a start tag
 * given up at a later `<` reads to it). A block is kept only if the edit starts at or after this.
 */
function readsBefore(block: ParsedBlock): number {
  return Math.max(block.end + 1, block.errorsReach + 1);
}

function shiftBlock(block: ParsedBlock, delta: number): void {
  block.start += delta;
  block.end += delta;
  if (block.errorsReach > 0) block.errorsReach += delta;
  shiftNodes(block.nodes, delta);
  for (const error of block.errors) {
    error.start += delta;
    error.end += delta;
  }
  if (block.confluence !== null) {
    block.confluence = { ...block.confluence, offset: block.confluence.offset + delta };
  }
}

/** The whole body's result from its blocks: what one `parseStorage` of `text` returns. */
function combine(
  text: string,
  blocks: readonly ParsedBlock[],
  editedFrom: EditedFrom | undefined,
): ParseResult {
  const root: StorageNode[] = [];
  const pending: PendingError[] = [];
  let confluence: ConfluenceComplaint | null = null;
  for (const block of blocks) {
    for (const node of block.nodes) root.push(node);
    for (const error of block.errors) pending.push(error);
    confluence ??= block.confluence;
  }
  return buildParseResult(text, root, { pending, confluence }, editedFrom);
}
