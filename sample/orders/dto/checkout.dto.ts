import { Type } from "class-transformer";
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsNotEmpty, IsString, Max, Min, ValidateNested } from "class-validator";

export class CheckoutItemDto {
  @IsString() @IsNotEmpty() product_id!: string;
  @IsInt() @Min(1) @Max(1000) quantity!: number;
}

/**
 * `POST /orders`. At most 40 lines: each line is one stock update and one item insert, plus the
 * order itself, which keeps the transaction within DynamoDB's 100 actions.
 */
export class CheckoutDto {
  @IsString() @IsNotEmpty() user_id!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => CheckoutItemDto)
  items!: CheckoutItemDto[];
}
