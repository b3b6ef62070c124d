import { Injectable } from "@nestjs/common";

/** One thing the shop staff should know about. */
export interface Notification {
  kind: "low-stock";
  message: string;
  at: string;
}

/** The latest notifications, in memory (a real app would send an email or a chat message). */
@Injectable()
export class NotificationsStore {
  private readonly items: Notification[] = [];

  add(kind: Notification["kind"], message: string): void {
    this.items.push({ kind, message, at: new Date().toISOString() });
    if (this.items.length > 100) this.items.shift();
  }

  list(): Notification[] {
    return [...this.items];
  }
}
