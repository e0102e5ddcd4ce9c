import { serviceProblems } from "../../incident/decide-declaration.js";
import { oncallFor } from "../../incident/service-owners.js";
import type { ServicesArgs } from "../parse/args/services.js";
import type { CommandDecision } from "./command-input.js";

/** `/services a, b`: replaces the affected services and brings in their on-call people. */
export const services: CommandDecision<ServicesArgs> = (input) => {
  const { args, incident, config } = input;
  const problems = [
    ...incident.state.problems.filter((p) => p.field !== "services"),
    ...serviceProblems(config, args.services),
  ];
  const oncall = oncallFor(config, args.services).filter(
    (l) => !incident.issue.assignees.includes(l),
  );
  return {
    ok: true,
    state: { ...incident.state, services: args.services, problems },
    effects:
      oncall.length > 0 ? [{ kind: "assign", issue: incident.issue.number, logins: oncall }] : [],
  };
};
