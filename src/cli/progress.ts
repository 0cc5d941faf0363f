/**
 * A one-line progress bar on stderr, shown only when stderr is a terminal and
 * the run is long enough to need one; piped or redirected runs print nothing.
 */
export class Progress {
  private readonly write: ((text: string) => unknown) | null;
  private readonly total: number;
  private done = 0;
  private lastDraw = 0;

  constructor(stderr: { write(text: string): unknown }, isTTY: boolean, total: number, private readonly label: string) {
    this.write = isTTY && total >= 2000 ? (text) => stderr.write(text) : null;
    this.total = total;
  }

  tick(): void {
    this.advance(1);
  }

  advance(records: number): void {
    const before = this.done;
    this.done += records;
    if (this.write === null || before >> 8 === this.done >> 8) return;
    const now = Date.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const share = this.done / this.total;
    const width = 30;
    const filled = Math.round(share * width);
    this.write(`\r${this.label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${this.done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')}`);
  }

  finish(): void {
    if (this.write !== null && this.lastDraw !== 0) this.write('\r\x1b[2K');
  }
}
