import { DEFAULT_TOPIC_SETTINGS, IntField } from '@jobq/queue-core';
import type { TopicSettingsPatch } from '@jobq/queue-core';

/** `PUT /bus/:topic/settings`: the fields to change; null resets one to its default. */
export class TopicSettingsDto implements TopicSettingsPatch {
  @IntField(1, 1e9, {
    range: true,
    optional: true,
    nullable: 'no limit',
    example: 100000,
    description: 'keep at most N messages',
  })
  max_len?: number | null;

  @IntField(1, 1e10, {
    unit: 's',
    range: true,
    optional: true,
    nullable: 'keeping them forever',
    example: 86400,
    description: 'keep messages N seconds',
  })
  max_age_s?: number | null;

  @IntField(0, 1000, {
    range: true,
    optional: true,
    nullable: `the default (${DEFAULT_TOPIC_SETTINGS.backlog})`,
    example: 30,
    description: 'messages a new poll client gets first',
  })
  backlog?: number | null;
}
