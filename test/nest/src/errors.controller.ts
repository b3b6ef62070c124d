import { Body, Controller, Module, Post } from "@nestjs/common";
import { DynamiteModule, InjectTable, TableRepository, Transactional } from "../../../lib/index.js";
import { Order, User } from "./models.js";

/** Handlers that end in each kind of Dynamite error (and one that is not). */
@Controller("errors")
export class ErrorsController {
  constructor(@InjectTable(User) private readonly users: TableRepository<User>) {}

  /** Creates the users in one transaction; an id that already exists cancels it. */
  @Post("users-in-tx")
  @Transactional()
  async usersInTransaction(@Body() body: { ids: string[] }): Promise<{ count: number }> {
    for (const id of body.ids) await this.users.create({ id, email: `${id}@example.com` });
    return { count: body.ids.length };
  }

  /** More actions than one transaction may hold: refused before sending. */
  @Post("too-many")
  @Transactional()
  async tooMany(): Promise<void> {
    for (let i = 0; i < 101; i++) await Order.create({ user_id: "many", total: i });
  }

  @Post("plain")
  plain(): never {
    throw new Error("some internal failure");
  }
}

@Module({ imports: [DynamiteModule.forFeature([User, Order])], controllers: [ErrorsController] })
export class ErrorsModule {}
