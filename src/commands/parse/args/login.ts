/** GitHub's login rules: letters, digits and single inner hyphens, at most 39 characters. */
const LOGIN = /^@?([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$/;

/**
 * A login as typed (`@octocat` or `octocat`), without the `@`; undefined when it cannot be
 * a login at all. Whether the account exists is checked later, by the command.
 */
export function parseLogin(text: string | undefined): string | undefined {
  return LOGIN.exec(text ?? "")?.[1];
}
