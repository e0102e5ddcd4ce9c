import { z } from "zod";

/** Alerts from Prometheus Alertmanager and Grafana (see the README's "Alerts" section). */
export const alertsConfigSchema = z.object({}).strict().prefault({});
