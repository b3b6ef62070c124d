import { Injectable } from "@nestjs/common";
import { OnTableChange, type ChangeRecord } from "../nestjs-dynamite.js";
import { Product } from "../products/product.model.js";
import { NotificationsStore } from "./notifications.store.js";

/** Below this many units a product needs restocking. */
export const LOW_STOCK = 5;

/** Reacts to the products table's stream: a product whose stock falls below LOW_STOCK raises one alert. */
@Injectable()
export class LowStockWatcher {
  constructor(private readonly notifications: NotificationsStore) {}

  @OnTableChange(Product, { events: ["modify"] })
  onProductChange(change: ChangeRecord<Product>): void {
    if (!change.changed.includes("stock") || !change.newImage || !change.oldImage) return;
    const { stock, name } = change.newImage;
    // only the crossing alerts, so a record delivered twice (at-least-once) cannot alert twice in a row
    if (stock < LOW_STOCK && change.oldImage.stock >= LOW_STOCK) {
      this.notifications.add("low-stock", `${name} is low on stock: ${stock} left`);
    }
  }
}
