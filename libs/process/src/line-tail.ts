/** The last lines a process printed, for the report when it fails. */
export class LineTail {
  private readonly lines: string[] = [];

  constructor(private readonly capacity = 20) {}

  push(...lines: string[]): void {
    this.lines.push(...lines);
    if (this.lines.length > this.capacity) this.lines.splice(0, this.lines.length - this.capacity);
  }

  /** The newest `count` lines (all of them by default), oldest first. */
  toArray(count = this.capacity): string[] {
    if (count <= 0) return [];
    return count >= this.lines.length ? [...this.lines] : this.lines.slice(-count);
  }
}
