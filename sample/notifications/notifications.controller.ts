import { Controller, Get } from "@nestjs/common";
import { NotificationsStore, type Notification } from "./notifications.store.js";

@Controller("notifications")
export class NotificationsController {
  constructor(private readonly notifications: NotificationsStore) {}

  /** Low-stock alerts (from the products stream), oldest first. */
  @Get()
  list(): Notification[] {
    return this.notifications.list();
  }
}
