import { IsInt, IsNotEmpty, IsNumber, IsString, MaxLength, Min } from "class-validator";

export class CreateProductDto {
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) price!: number;
  @IsInt() @Min(0) stock!: number;
}
