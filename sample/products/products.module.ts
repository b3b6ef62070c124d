import { Module } from "@nestjs/common";
import { DynamiteModule } from "../nestjs-dynamite.js";
import { Product } from "./product.model.js";
import { ProductsController } from "./products.controller.js";
import { ProductsService } from "./products.service.js";

@Module({
  imports: [DynamiteModule.forFeature([Product])],
  controllers: [ProductsController],
  providers: [ProductsService],
})
export class ProductsModule {}
