// A one-line progress indicator on stderr, shown only when stderr is a terminal.
export class Progress {
  private readonly enabled: boolean;
  private last = 0;
  private readonly started = Date.now();
  private shown = false;

  constructor(private readonly label: string, private readonly total: number | null = null, enabled = Boolean(process.stderr.isTTY) && !process.env.CI) {
    this.enabled = enabled;
  }

  tick(done: number, failed = 0, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const secs = (now - this.started) / 1000;
    const rate = secs > 0 ? (done / secs).toFixed(1) : '0';
    let bar = '';
    if (this.total) {
      const w = 24;
      const filled = Math.min(w, Math.round((done / this.total) * w));
      bar = `[${'#'.repeat(filled)}${'.'.repeat(w - filled)}] ${done}/${this.total} `;
    } else bar = `${done} `;
    process.stderr.write(`\r${this.label} ${bar}${failed ? `(${failed} failed) ` : ''}${rate}/s  `);
    this.shown = true;
  }

  done(): void {
    if (this.enabled && this.shown) process.stderr.write('\r\u001b[2K');
  }
}
