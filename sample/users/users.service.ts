import { Injectable } from "@nestjs/common";
import { found } from "../common/not-found.js";
import type { PageQueryDto } from "../common/page-query.dto.js";
import { InjectTable, TableRepository, type Page } from "../nestjs-dynamite.js";
import type { CreateUserDto } from "./dto/create-user.dto.js";
import type { UpdateUserDto } from "./dto/update-user.dto.js";
import { User } from "./user.model.js";

@Injectable()
export class UsersService {
  constructor(@InjectTable(User) private readonly users: TableRepository<User>) {}

  create(dto: CreateUserDto): Promise<User> {
    return this.users.create({ ...dto });
  }

  list({ limit = 20, cursor }: PageQueryDto): Promise<Page<User>> {
    return this.users.paginate({}, { limit, cursor });
  }

  /** One user; with `orders`, their orders newest last (one Query on the orders GSI). */
  async get(id: string, include?: "orders"): Promise<User> {
    const options = include ? { include: { orders: { limit: 50 } } } : undefined;
    return found(await this.users.first({ id }, options), "User", id);
  }

  async update(id: string, dto: UpdateUserDto): Promise<User> {
    const user = await this.get(id);
    return user.update({ ...dto });
  }

  /** Soft delete: the row stays, with `deletedAt` set; reads stop seeing it. */
  async remove(id: string): Promise<void> {
    const user = await this.get(id);
    await user.destroy();
  }

  async restore(id: string): Promise<User> {
    const [user] = await this.users.onlyTrashed({ id });
    return found(user, "User", id).restore();
  }
}
