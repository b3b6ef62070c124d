import { IsIn, IsOptional } from "class-validator";

/** `GET /users/:id?include=orders` */
export class GetUserQueryDto {
  @IsOptional() @IsIn(["orders"]) include?: "orders";
}
