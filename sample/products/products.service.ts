import { Injectable } from "@nestjs/common";
import { found } from "../common/not-found.js";
import type { PageQueryDto } from "../common/page-query.dto.js";
import { InjectTable, TableRepository, type Page } from "../nestjs-dynamite.js";
import type { CreateProductDto } from "./dto/create-product.dto.js";
import type { UpdateProductDto } from "./dto/update-product.dto.js";
import { Product } from "./product.model.js";

@Injectable()
export class ProductsService {
  constructor(@InjectTable(Product) private readonly products: TableRepository<Product>) {}

  create(dto: CreateProductDto): Promise<Product> {
    return this.products.create({ ...dto });
  }

  list({ limit = 20, cursor }: PageQueryDto): Promise<Page<Product>> {
    return this.products.paginate({}, { limit, cursor });
  }

  async get(id: string): Promise<Product> {
    return found(await this.products.first({ id }), "Product", id);
  }

  async update(id: string, dto: UpdateProductDto): Promise<Product> {
    const product = await this.get(id);
    return product.update({ ...dto });
  }

  async remove(id: string): Promise<void> {
    const product = await this.get(id);
    await product.destroy();
  }

  async restore(id: string): Promise<Product> {
    const [product] = await this.products.onlyTrashed({ id });
    return found(product, "Product", id).restore();
  }
}
