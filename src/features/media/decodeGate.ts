/**
 * Admits jobs by weight, first come first served: at most `slots` at once, and at most `budget`
 * of weight together. A job heavier than the whole budget counts as the budget, so it runs alone.
 * Image decoding goes through one of these per process, so that concurrent uploads of images that
 * decode huge queue instead of adding up in memory.
 */
export class DecodeGate {
  private active = 0;
  private used = 0;
  private readonly waiting: { weight: number; start: () => void }[] = [];

  constructor(
    readonly slots: number,
    readonly budget: number,
  ) {}

  async run<T>(weight: number, job: () => Promise<T>): Promise<T> {
    const clamped = Math.min(Math.max(0, weight), this.budget);
    await this.acquire(clamped);
    try {
      return await job();
    } finally {
      this.release(clamped);
    }
  }

  private fits(weight: number): boolean {
    return this.active < this.slots && this.used + weight <= this.budget;
  }

  private take(weight: number): void {
    this.active++;
    this.used += weight;
  }

  private acquire(weight: number): Promise<void> {
    if (this.waiting.length === 0 && this.fits(weight)) {
      this.take(weight);
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waiting.push({
        weight,
        start: () => {
          this.take(weight);
          resolve();
        },
      }),
    );
  }

  private release(weight: number): void {
    this.active--;
    this.used -= weight;
    while (this.waiting.length > 0 && this.fits(this.waiting[0]!.weight)) this.waiting.shift()!.start();
  }
}
