/** What a failed request was for: `name` for a 404, `needs` (what the token lacks) for a 403. */
export interface ApiSubject {
  name: string;
  needs: string;
}

/** A GitHub API failure as a sentence a user can act on: 401, 403 and 404 say what to check. */
export function describeApiError(error: unknown, apiUrl: string, subject: ApiSubject): string {
  const status = (error as { status?: unknown }).status;
  if (status === 401) return `the token was refused by ${apiUrl} (401 Bad credentials); check GITHUB_TOKEN.`;
  if (status === 403) return `${apiUrl} refused the request (403): the token may lack ${subject.needs}, or the rate limit is spent.`;
  if (status === 404) return `${subject.name} was not found at ${apiUrl}, or the token cannot see it.`;
  return error instanceof Error ? error.message : String(error);
}
