import { Body, Controller, Injectable, Module, Post, Query, BadRequestException } from "@nestjs/common";
import { Dynamite, DynamiteModule, InjectDynamite, InjectTable, TableRepository, Transactional } from "../../../lib/index.js";
import { Event } from "./models.js";

@Injectable()
export class AnalyticsService {
  constructor(
    @InjectTable(Event, "analytics") readonly events: TableRepository<Event>,
    @InjectDynamite("analytics") readonly connection: Dynamite,
  ) {}
}

@Controller("events")
export class EventsController {
  @Post()
  @Transactional({ connection: "analytics" })
  async track(@Body() body: { types: string[] }, @Query("fail") fail?: string): Promise<{ count: number }> {
    for (const type of body.types) await Event.create({ type });
    if (fail === "1") throw new BadRequestException("tracking failed on purpose");
    return { count: body.types.length };
  }
}

/** Events live on the "analytics" connection only. */
@Module({
  imports: [DynamiteModule.forFeature([Event], "analytics")],
  controllers: [EventsController],
  providers: [AnalyticsService],
})
export class AnalyticsModule {}
