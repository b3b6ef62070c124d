import { IsNotEmpty, IsOptional, IsString } from "class-validator";
import { PageQueryDto } from "../../common/page-query.dto.js";

/** `GET /orders?user_id=&limit=&cursor=`: with `user_id`, a Query on the orders GSI instead of a Scan. */
export class ListOrdersQueryDto extends PageQueryDto {
  @IsOptional() @IsString() @IsNotEmpty() user_id?: string;
}
