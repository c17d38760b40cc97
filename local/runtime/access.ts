/**
 * Who is touching a spreadsheet right now, and what that means:
 *
 * - **Buffered writes.** "Sometimes, spreadsheet operations are bundled together to improve
 *   performance … If you want to make sure that all pending changes are made right away … call
 *   SpreadsheetApp.flush()" (https://developers.google.com/apps-script/reference/spreadsheet).
 *   A runtime (one user's execution) sees its own writes at once; another runtime sharing the
 *   spreadsheet sees them only after the writer calls SpreadsheetApp.flush() or its execution ends.
 *   Releasing a lock does NOT flush (https://developers.google.com/apps-script/reference/lock/lock#releaselock:
 *   Google's own sample calls SpreadsheetApp.flush() before releaseLock()).
 *   Modelled per cell: the first write of an execution to a cell keeps the cell's previous content;
 *   when another runtime calls in, pending cells show their previous content (the "committed"
 *   spreadsheet), and get the writer's content back when the writer calls again. Flushing drops
 *   the kept content, making the writes everyone's. A sheet inserted during an execution is hidden
 *   from other runtimes the same way until the flush. Known gap: other structural changes (deleted
 *   sheets, rows, columns; sheet names, frozen rows, widths, protections, named ranges) are visible
 *   to every runtime at once.
 * - **Protections** are enforced against the calling user (see protection.ts).
 * - **Cell accounting**: cells read and written by counted calls.
 *
 * Code that touches local objects directly (test fixtures, loaders) has no actor: it acts as the
 * owner, its writes are committed at once and are not counted.
 */
import type { Cell, CellGrid } from './cells';

/** The runtime calling a service method. */
export interface Actor {
  /** Email of the user. */
  readonly user: string;
  /** Identity of the execution's pending writes (one per runtime). */
  readonly token: object;
  /** True while the runtime runs an execution (writes are buffered only then). */
  readonly buffering: boolean;
  /** Cells read and written by counted calls. */
  readonly cells: CellCounts;
  /** "Now" of the runtime's clock, in ms (typed dates without a year use its year). */
  now(): number;
}

/** Cells read and written. */
export interface CellCounts {
  read: number;
  written: number;
}

interface PendingCell {
  grid: CellGrid;
  /** Content before the execution's first write (or, while the writer's view is shown, the committed content). */
  pre: Cell;
  /** The writer's content, kept while another runtime's view is shown. */
  post?: Cell;
}

function copyCell(cell: Cell): Cell {
  return { ...cell };
}

function restoreCell(cell: Cell, from: Cell): void {
  for (const k of Object.keys(cell) as (keyof Cell)[]) delete cell[k];
  Object.assign(cell, from);
}

/** Per-spreadsheet state of who is calling and whose pending writes are shown. */
export class SpreadsheetAccess {
  /** The runtime inside a counted call, or null (direct local access). */
  actor: Actor | null = null;
  private shown: object | null = null;
  private readonly pending = new Map<object, Map<Cell, PendingCell>>();

  /** A counted call starts: shows the caller's view of the cells. */
  enter(actor: Actor): void {
    this.actor = actor;
    this.show(actor.token);
  }

  /** The counted call ended. */
  leave(): void {
    this.actor = null;
  }

  /** Shows the committed cells (what a runtime other than the writers sees). */
  showCommitted(): void {
    this.show(null);
  }

  /** Called with the token whose pending writes were just made everyone's. */
  readonly onFlush: ((token: object) => void)[] = [];

  /** The runtime token that would own a structure created now (inside an execution), or undefined. */
  pendingOwner(): object | undefined {
    return this.actor?.buffering ? this.actor.token : undefined;
  }

  /** True when something pending for `owner` (undefined: committed) is visible in the view shown now. */
  isVisible(owner: object | undefined): boolean {
    return owner === undefined || owner === this.shown;
  }

  /** True when `token` has writes no one else sees yet. */
  hasPending(token: object): boolean {
    return (this.pending.get(token)?.size ?? 0) > 0;
  }

  /** Makes `token`'s pending writes everyone's (SpreadsheetApp.flush, end of execution). */
  flush(token: object): void {
    for (const f of this.onFlush) f(token);
    if (!this.pending.has(token)) return;
    this.show(token);
    this.pending.delete(token);
  }

  /** Called before a cell is changed: remembers its content if the change must stay pending. */
  willWrite(grid: CellGrid, cell: Cell): void {
    const a = this.actor;
    if (!a?.buffering) return;
    let cells = this.pending.get(a.token);
    if (!cells) {
      cells = new Map();
      this.pending.set(a.token, cells);
    }
    if (!cells.has(cell)) cells.set(cell, { grid, pre: copyCell(cell) });
  }

  countRead(n: number): void {
    if (this.actor) this.actor.cells.read += n;
  }

  countWritten(n: number): void {
    if (this.actor) this.actor.cells.written += n;
  }

  private show(token: object | null): void {
    if (this.shown === token) return;
    const hidden = this.shown ? this.pending.get(this.shown) : undefined;
    if (hidden) {
      for (const [cell, p] of hidden) {
        p.post = copyCell(cell);
        restoreCell(cell, p.pre);
        p.grid.touch();
      }
    }
    const shown = token ? this.pending.get(token) : undefined;
    if (shown) {
      for (const [cell, p] of shown) {
        if (!p.post) continue;
        p.pre = copyCell(cell);
        restoreCell(cell, p.post);
        p.post = undefined;
        p.grid.touch();
      }
    }
    this.shown = token;
  }
}
