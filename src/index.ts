import { createApp } from "./app/create-app.js";

/** The app as `probot run` loads it: the real clock and real waiting. */
export default createApp({
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});
