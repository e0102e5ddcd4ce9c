import type { Probot } from "probot";
import { createApp } from "../../src/app/create-app.js";

/**
 * The events, with actions (`issues.labeled`), the app registers handlers for: the app is
 * loaded into a recording stand-in for Probot, as app.yml's and the Actions workflow's tests
 * compare them with what those files subscribe to.
 */
export function registeredEvents(): string[] {
  const events: string[] = [];
  const recorder = {
    on: (names: string | string[]) => events.push(...[names].flat()),
    auth: async () => ({}),
    log: { info() {}, warn() {}, error() {}, debug() {} },
  } as unknown as Probot;
  void createApp({ now: () => new Date(), sleep: async () => {} })(recorder, {
    addHandler: () => {},
    cwd: process.cwd(),
  });
  return events;
}
