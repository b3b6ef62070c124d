import { Module } from "@nestjs/common";
import { DynamiteModule } from "../nestjs-dynamite.js";
import { User } from "./user.model.js";
import { UsersController } from "./users.controller.js";
import { UsersService } from "./users.service.js";

@Module({
  imports: [DynamiteModule.forFeature([User])],
  controllers: [UsersController],
  providers: [UsersService],
})
export class UsersModule {}
