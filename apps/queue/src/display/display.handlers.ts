import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  GetFloorEventsSince,
  GetFloorEventsSinceV1,
  type FloorEventsV1,
} from '@satupintu/contracts';
import { HandleRequest } from '@satupintu/messaging';
import { FloorEventsRepository } from './floor-events.repository';

/** The display feed's replay: public, as the screens on the mall floor are. */
@Controller()
export class DisplayHandlers {
  constructor(private readonly events: FloorEventsRepository) {}

  @HandleRequest(GetFloorEventsSince)
  since(@Payload() { after }: GetFloorEventsSinceV1): Promise<FloorEventsV1> {
    return after === undefined ? this.events.board(new Date()) : this.events.after(after);
  }
}
