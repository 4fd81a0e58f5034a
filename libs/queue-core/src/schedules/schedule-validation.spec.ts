import { InvalidScheduleError } from '../errors/invalid-schedule.error';
import { validateSchedule } from './schedule-validation';

describe('schedule validation', () => {
  it('accepts a cron schedule with a time zone and an interval schedule', () => {
    expect(validateSchedule({ cron: '*/5 * * * *', tz: 'Europe/Paris' })).toEqual({
      cron: '*/5 * * * *',
      tz: 'Europe/Paris',
    });
    expect(validateSchedule({ every_ms: 60000, name: 'tick', data: { a: 1 } })).toEqual({
      every_ms: 60000,
      name: 'tick',
      data: { a: 1 },
    });
  });

  it.each([
    [{ cron: '61 * * * *' }, /cron "61 \* \* \* \*" is not a cron expression .*use 5 fields/],
    [{ cron: 'every day' }, /is not a cron expression/],
    [
      { cron: '* * * * *', tz: 'Mars/Olympus' },
      /tz "Mars\/Olympus" is not a time zone: use an IANA name/,
    ],
    [{ every_ms: 999 }, /every_ms must be >= 1000/],
    [{ every_ms: 1000, cron: '* * * * *' }, /give cron .* or every_ms .*, not both/],
    [{}, /give cron .* or every_ms/],
    [{ every_ms: 5000, tz: 'UTC' }, /tz applies to a cron schedule only/],
    [{ every_ms: 5000, name: 'bad name' }, /name "bad name" must match/],
    [{ every_ms: 5000, data: [1] }, /data must be a JSON object/],
    [{ every_ms: 5000, start_at: 'tomorrow' }, /start_at must be a date and time in ISO 8601/],
    [
      { every_ms: 5000, start_at: '2027-01-02T00:00:00Z', end_at: '2027-01-01T00:00:00Z' },
      /end_at must be after start_at/,
    ],
    [{ every_ms: 5000, opts: { priority: 0 } }, /opts\.priority must be >= 1/],
    [{ every_ms: 5000, colour: 'red' }, /colour is not a schedule field/],
    ['*/5 * * * *', /schedule must be a JSON object/],
  ])('refuses %j saying what to fix', (body, message) => {
    expect(() => validateSchedule(body)).toThrow(InvalidScheduleError);
    expect(() => validateSchedule(body)).toThrow(message);
  });
});
