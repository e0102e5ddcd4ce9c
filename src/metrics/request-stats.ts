/** What loading the incidents cost in API calls. */
export interface RequestStats {
  /** HTTP requests sent, 304s included. */
  requests: number;
  /** Requests answered `304 Not Modified`: they do not count against the rate limit. */
  notModified: number;
  /** Issues whose events were not requested at all, because the cached copy was still current. */
  skipped: number;
}

export const noRequests = (): RequestStats => ({ requests: 0, notModified: 0, skipped: 0 });
