// What the simulator answered, so tests can check for example that conditional requests met 304s.
import type { ScenarioName } from './scenarios';

export interface SimRequest {
  at: string;
  method: string;
  /** Path with its query string, e.g. /api/events?current=true */
  path: string;
  /** Status sent; 0 when no answer was ever sent (the stall fault). */
  status: number;
  scenario: ScenarioName;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  /** ETag of the answer, when it had one. */
  etag: string | null;
}

export class RequestLog {
  private readonly list: SimRequest[] = [];

  add(request: SimRequest): void {
    this.list.push(request);
  }

  /** A copy of every entry, oldest first. */
  all(): SimRequest[] {
    return [...this.list];
  }

  /** Entries whose path (without query) is `pathname`. */
  forPath(pathname: string): SimRequest[] {
    return this.list.filter((r) => r.path.split('?')[0] === pathname);
  }

  count(predicate: (request: SimRequest) => boolean = () => true): number {
    return this.list.filter(predicate).length;
  }

  clear(): void {
    this.list.length = 0;
  }
}
