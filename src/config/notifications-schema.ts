import { z } from "zod";

/** Chat and webhook notifications (see the README's "Notifications" section). */
export const notificationsConfigSchema = z.object({}).strict().prefault({});
