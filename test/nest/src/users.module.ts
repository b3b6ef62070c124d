import { Body, Controller, Get, Injectable, Module, NotFoundException, Param, Patch, Post } from "@nestjs/common";
import { DynamiteModule, InjectTable, TableRepository } from "../../../lib/index.js";
import { Order, User } from "./models.js";

@Injectable()
export class UsersService {
  constructor(
    @InjectTable(User) readonly users: TableRepository<User>,
    @InjectTable(Order) readonly orders: TableRepository<Order>,
  ) {}

  async register(email: string, name?: string): Promise<User> {
    return this.users.create({ email, name });
  }

  async find(id: string): Promise<User> {
    const user = await this.users.first({ id });
    if (!user) throw new NotFoundException(`no user ${id}`);
    return user;
  }
}

@Controller("users")
export class UsersController {
  constructor(private readonly service: UsersService) {}

  @Post()
  async create(@Body() body: { id?: string; email: string; name?: string }) {
    return (await this.service.users.create(body)).toJSON();
  }

  @Get(":id")
  async get(@Param("id") id: string) {
    return (await this.service.find(id)).toJSON();
  }

  /** Loads the row, lets it be deleted meanwhile, then updates the stale instance (a NotFoundError). */
  @Patch(":id/stale")
  async renameStale(@Param("id") id: string, @Body() body: { name: string }) {
    const user = await this.service.find(id);
    await User.delete({ id });
    return (await user.update({ name: body.name })).toJSON();
  }
}

/** Users and orders over HTTP, with repositories from forFeature. */
@Module({
  imports: [DynamiteModule.forFeature([User, Order])],
  controllers: [UsersController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
