import { CronExpressionParser } from 'cron-parser';
import type { FieldProblem } from '../errors/invalid-fields.error';
import { InvalidScheduleError } from '../errors/invalid-schedule.error';
import { NAME_PATTERN } from '../names/queue-name';
import { checkFields } from '../validation/field-problems';
import { ScheduleSpec } from './schedule-spec';

/** Whether `tz` is a time zone this process knows (IANA names such as `Europe/Paris`, `UTC`). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Validates a schedule: its fields, exactly one of `cron` and `every_ms`, a cron expression that
 * parses, a known time zone (with `cron` only), a job name by the name rule, `end_at` after
 * `start_at`. Returns it as a plain object without the fields left out.
 * @throws InvalidScheduleError naming every bad field with what to send instead.
 */
export function validateSchedule(plain: unknown): ScheduleSpec {
  const { value, problems } = checkFields(ScheduleSpec, plain, 'schedule');
  if (problems.length === 0) problems.push(...ruleProblems(value));
  if (problems.length > 0) throw new InvalidScheduleError(problems);
  return JSON.parse(JSON.stringify(value)) as ScheduleSpec;
}

function ruleProblems(spec: ScheduleSpec): FieldProblem[] {
  const out: FieldProblem[] = [];
  const add = (field: string, problem: string) => out.push({ field, problems: [problem] });
  if (spec.cron !== undefined && spec.every_ms !== undefined) {
    add('cron', 'give cron (a cron expression) or every_ms (an interval in ms), not both');
  } else if (spec.cron === undefined && spec.every_ms === undefined) {
    add('cron', 'give cron (a cron expression like "*/5 * * * *") or every_ms (an interval in ms)');
  }
  if (spec.tz !== undefined) {
    if (spec.cron === undefined)
      add('tz', 'tz applies to a cron schedule only: leave it out with every_ms');
    else if (!isTimeZone(spec.tz)) {
      add(
        'tz',
        `tz ${JSON.stringify(spec.tz)} is not a time zone: use an IANA name like Europe/Paris or UTC`,
      );
    }
  }
  if (spec.cron !== undefined && (spec.tz === undefined || isTimeZone(spec.tz))) {
    const problem = cronProblem(spec.cron, spec.tz);
    if (problem) add('cron', problem);
  }
  if (spec.name !== undefined && !NAME_PATTERN.test(spec.name)) {
    add('name', `name ${JSON.stringify(spec.name)} must match ${NAME_PATTERN.source}`);
  }
  if (spec.start_at && spec.end_at && Date.parse(spec.end_at) <= Date.parse(spec.start_at)) {
    add('end_at', 'end_at must be after start_at');
  }
  return out;
}

function cronProblem(cron: string, tz: string | undefined): string | undefined {
  try {
    CronExpressionParser.parse(cron, { tz }).next();
    return undefined;
  } catch (err) {
    return `cron ${JSON.stringify(cron)} is not a cron expression (${(err as Error).message}): use 5 fields, minute hour day-of-month month day-of-week, like "*/5 * * * *"`;
  }
}
