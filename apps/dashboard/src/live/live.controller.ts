import { Controller, MessageEvent, Sse } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { OverviewLiveService } from './overview-live.service';

/** Server push for open dashboard pages (Server-Sent Events). */
@Controller('live')
export class LiveController {
  constructor(private readonly overview: OverviewLiveService) {}

  /** The overview's rows and summary line, rendered, every couple of seconds. */
  @Sse('overview')
  overviewUpdates(): Observable<MessageEvent> {
    return this.overview.updates;
  }
}
