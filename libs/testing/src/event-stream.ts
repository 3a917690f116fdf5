import { eventually } from './eventually';

type Answer = { code?: string; status?: number } & Record<string, unknown>;
type Entry = { sequence: number } & Record<string, unknown>;

export interface ServerEvent {
  id?: string;
  event?: string;
  data: string;
}

/**
 * One client's `text/event-stream`, read as a browser's EventSource would: events (`id`,
 * `event`, `data`) and comment lines, in the order they came.
 */
export class EventStream {
  readonly events: ServerEvent[] = [];
  readonly comments: string[] = [];
  retry?: number;
  ended = false;
  private buffer = '';

  private constructor(
    readonly response: Response,
    private readonly abort: AbortController,
  ) {
    void this.read();
  }

  static async open(
    url: string,
    headers: Record<string, string>,
  ): Promise<{ stream?: EventStream; status: number; body?: Answer; headers: Headers }> {
    const abort = new AbortController();
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', 'accept-language': 'en', ...headers },
      signal: abort.signal,
    });
    if (response.status !== 200)
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as Answer,
      };
    return {
      stream: new EventStream(response, abort),
      status: 200,
      headers: response.headers,
    };
  }

  /** Each event's data, parsed. */
  entries<T extends { sequence: number } = Entry>(): T[] {
    return this.events.map((event) => JSON.parse(event.data) as T);
  }

  sequences(): number[] {
    return this.entries().map((entry) => entry.sequence);
  }

  /** Waits until the stream has carried the entry with this sequence. */
  async hasReached(sequence: number): Promise<void> {
    await eventually(() => {
      if (!this.sequences().includes(sequence))
        throw new Error(`the stream has not carried ${sequence}: ${this.sequences().join(', ')}`);
    });
  }

  close(): void {
    this.abort.abort();
  }

  private async read(): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of this.response.body! as unknown as AsyncIterable<Uint8Array>) {
        this.buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) !== -1) {
          this.parse(this.buffer.slice(0, end));
          this.buffer = this.buffer.slice(end + 2);
        }
      }
    } catch {
      // Aborted by close().
    }
    this.ended = true;
  }

  private parse(block: string): void {
    const event: ServerEvent = { data: '' };
    let isEvent = false;
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === '') this.comments.push(value);
      else if (field === 'retry') this.retry = Number(value);
      else if (field === 'id' || field === 'event') {
        event[field] = value;
        isEvent = true;
      } else if (field === 'data') {
        event.data += value;
        isEvent = true;
      }
    }
    if (isEvent) this.events.push(event);
  }
}
