import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from "@nestjs/common";
import { PageQueryDto } from "../common/page-query.dto.js";
import { CreateUserDto } from "./dto/create-user.dto.js";
import { GetUserQueryDto } from "./dto/get-user-query.dto.js";
import { UpdateUserDto } from "./dto/update-user.dto.js";
import { UsersService } from "./users.service.js";

@Controller("users")
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @Get()
  list(@Query() query: PageQueryDto) {
    return this.users.list(query);
  }

  @Get(":id")
  get(@Param("id") id: string, @Query() query: GetUserQueryDto) {
    return this.users.get(id, query.include);
  }

  @Patch(":id")
  update(@Param("id") id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(id, dto);
  }

  @Delete(":id")
  @HttpCode(204)
  remove(@Param("id") id: string) {
    return this.users.remove(id);
  }

  @Post(":id/restore")
  @HttpCode(200)
  restore(@Param("id") id: string) {
    return this.users.restore(id);
  }
}
