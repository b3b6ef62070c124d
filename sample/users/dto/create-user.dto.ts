import { IsEmail, IsNotEmpty, IsString, MaxLength } from "class-validator";

export class CreateUserDto {
  @IsEmail() email!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) name!: string;
}
